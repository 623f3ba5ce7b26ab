// Registry events after 2025-07-01 (curated by hand in prisma/data/curated/registry-events.json):
// validated against the 2025-07-01 state, replayed in order of effectiveOn.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cmp, nfc } from "./lib.ts";

export interface EventChange {
  entity: "PROVINCE" | "COMMUNE";
  code: string;
  field: "kind" | "type";
  from: string;
  to: string;
  newFullName: string | null;
}
export interface RegistryEvent {
  id: string;
  effectiveOn: string;
  issuedOn: string | null;
  legalBasis: string;
  title: string;
  url: string | null;
  description: string | null;
  changes: EventChange[];
}
export interface EventsResult {
  present: boolean;
  path: string;
  events: RegistryEvent[];
  rejected: { id: string; errors: string[] }[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

export function loadEvents(
  dataDir: string,
  provinces: Map<string, { kind: string; fullName: string }>,
  communes: Map<string, { type: string; fullName: string }>,
): EventsResult {
  const path = join(dataDir, "curated", "registry-events.json");
  if (!existsSync(path)) return { present: false, path, events: [], rejected: [] };
  const raw = JSON.parse(readFileSync(path, "utf8")) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${path}: expected an array`);
  const evs = (raw as Record<string, unknown>[]).map((e, i) => normaliseEvent(e, i));
  evs.sort((a, b) => cmp(a.effectiveOn, b.effectiveOn) || cmp(a.id, b.id));
  // state replay
  const pState = new Map([...provinces].map(([k, v]) => [k, { kind: v.kind, fullName: v.fullName }]));
  const cState = new Map([...communes].map(([k, v]) => [k, { type: v.type, fullName: v.fullName }]));
  const ok: RegistryEvent[] = [];
  const rejected: { id: string; errors: string[] }[] = [];
  const ids = new Set<string>();
  for (const e of evs) {
    const errors: string[] = [];
    if (ids.has(e.id)) errors.push(`duplicate id ${e.id}`);
    ids.add(e.id);
    if (!DATE.test(e.effectiveOn)) errors.push(`effectiveOn "${e.effectiveOn}" is not YYYY-MM-DD`);
    if (e.effectiveOn < "2025-07-01") errors.push(`effectiveOn ${e.effectiveOn} is before 2025-07-01`);
    if (e.issuedOn !== null && !DATE.test(e.issuedOn)) errors.push(`issuedOn "${e.issuedOn}" is not YYYY-MM-DD`);
    if (e.issuedOn !== null && DATE.test(e.issuedOn) && e.issuedOn > e.effectiveOn) errors.push(`issuedOn ${e.issuedOn} after effectiveOn`);
    if (e.changes.length === 0) errors.push("no changes");
    const seen = new Set<string>();
    for (const c of e.changes) {
      const key = `${c.entity}:${c.code}`;
      if (seen.has(key)) errors.push(`${key} changed twice in one event`);
      seen.add(key);
      if (c.entity === "PROVINCE") {
        const s = pState.get(c.code);
        if (c.field !== "kind") errors.push(`${key}: field must be "kind"`);
        if (!s) errors.push(`${key}: no such province`);
        else if (s.kind !== c.from) errors.push(`${key}: from "${c.from}" but state is "${s.kind}"`);
        if (!["PROVINCE", "CITY"].includes(c.to)) errors.push(`${key}: to "${c.to}" invalid`);
      } else if (c.entity === "COMMUNE") {
        const s = cState.get(c.code);
        if (c.field !== "type") errors.push(`${key}: field must be "type"`);
        if (!s) errors.push(`${key}: no such commune`);
        else if (s.type !== c.from) errors.push(`${key}: from "${c.from}" but state is "${s.type}"`);
        if (!["COMMUNE", "WARD", "SPECIAL_ZONE"].includes(c.to)) errors.push(`${key}: to "${c.to}" invalid`);
      } else errors.push(`unknown entity ${String(c.entity)}`);
    }
    if (errors.length > 0) {
      rejected.push({ id: e.id, errors });
      continue;
    }
    for (const c of e.changes) {
      if (c.entity === "PROVINCE") {
        const s = pState.get(c.code);
        if (s) {
          s.kind = c.to;
          if (c.newFullName) s.fullName = c.newFullName;
        }
      } else {
        const s = cState.get(c.code);
        if (s) {
          s.type = c.to;
          if (c.newFullName) s.fullName = c.newFullName;
        }
      }
    }
    ok.push(e);
  }
  return { present: true, path, events: ok, rejected };
}

function str(v: unknown, what: string, i: number): string {
  if (typeof v !== "string" && typeof v !== "number") throw new Error(`registry-events[${i}]: ${what} missing`);
  const s = nfc(String(v));
  if (s === null || s === "") throw new Error(`registry-events[${i}]: ${what} empty`);
  return s;
}
function optStr(v: unknown): string | null {
  return typeof v === "string" ? nfc(v) : null;
}

function normaliseEvent(e: Record<string, unknown>, i: number): RegistryEvent {
  const changes = Array.isArray(e["changes"]) ? (e["changes"] as Record<string, unknown>[]) : [];
  return {
    id: str(e["id"], "id", i),
    effectiveOn: str(e["effectiveOn"], "effectiveOn", i),
    issuedOn: optStr(e["issuedOn"]),
    legalBasis: str(e["legalBasis"], "legalBasis", i),
    title: str(e["title"], "title", i),
    url: optStr(e["url"]),
    description: optStr(e["description"]),
    changes: changes
      .map((c) => ({
        entity: str(c["entity"], "entity", i) as EventChange["entity"],
        code: str(c["code"], "code", i),
        field: str(c["field"], "field", i) as EventChange["field"],
        from: str(c["from"], "from", i),
        to: str(c["to"], "to", i),
        newFullName: optStr(c["newFullName"]),
      }))
      .sort((a, b) => cmp(a.entity, b.entity) || cmp(a.code, b.code)),
  };
}

/** State of a unit's type/kind after all events (for comparing with sources that track later changes). */
export function finalValue(events: RegistryEvent[], entity: "PROVINCE" | "COMMUNE", code: string, initial: string): { value: string; via: string[] } {
  let v = initial;
  const via: string[] = [];
  for (const e of events) for (const c of e.changes) if (c.entity === entity && c.code === code) {
    v = c.to;
    via.push(`${e.legalBasis} (in force ${e.effectiveOn})`);
  }
  return { value: v, via };
}
