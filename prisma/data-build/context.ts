// Build context: the loaded sources plus collectors for repairs and report facts.
import { Counter } from "./lib.ts";
import type { RegistryEvent } from "./events.ts";
import type { Sources } from "./sources.ts";

export interface Repair {
  dataset: string;
  record: string;
  field: string;
  from: string | null;
  to: string | null;
  rule: string;
  evidence: string;
}

export class Ctx {
  readonly repairs: Repair[] = [];
  /** fault id → count; rendered in the quality report. */
  readonly faults = new Counter();
  readonly notes: string[] = [];
  readonly report: { section: string; lines: string[] }[] = [];
  events: RegistryEvent[] = [];
  extraCodes: string[] = [];
  lineageUnresolved: string[] = [];
  communeAgreement = new Counter();
  constructor(readonly src: Sources) {}

  /** Validated registry events in force on or before `date` (YYYY-MM-DD). */
  eventsUntil(date: string): RegistryEvent[] {
    return this.events.filter((e) => e.effectiveOn <= date);
  }

  repair(r: Repair, fault: string): void {
    this.repairs.push(r);
    this.faults.add(fault);
  }
  section(title: string, lines: string[]): void {
    this.report.push({ section: title, lines });
  }
}
