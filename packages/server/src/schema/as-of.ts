// `asOf` handling: which day of the registry a field answers for.
import { badUserInput } from "../errors.js";

/** The first day of the two-level registry; earlier dates belong to the lineage queries. */
export const REGISTRY_START = "2025-07-01";

export const AS_OF_DESCRIPTION =
  "The day to answer for (YYYY-MM-DD, from 2025-07-01 on). Default: today in Vietnam (Asia/Ho_Chi_Minh).";

/** Today's calendar date in Vietnam, where registry changes take effect at local midnight. */
// Built once: constructing a time-zone formatter costs more than the rest of a cached request.
const VIETNAM_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });

// Formatting still costs a few microseconds, a noticeable share of a request served from memory:
// the answer is kept for the minute it was computed in (registry days start at a whole minute).
let memo = { minute: Number.NaN, day: "" };

export function vietnamToday(now?: Date): string {
  if (now) return VIETNAM_DATE.format(now);
  const minute = Math.floor(Date.now() / 60_000);
  if (minute !== memo.minute) memo = { minute, day: VIETNAM_DATE.format(new Date(minute * 60_000)) };
  return memo.day;
}

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Validates an `asOf` argument and returns it as YYYY-MM-DD; null means today. */
export function resolveAsOf(asOf: Date | null | undefined, today: string): string {
  if (asOf == null) return today;
  const day = isoDate(asOf);
  if (day < REGISTRY_START) {
    throw badUserInput(
      "asOfBeforeRegistry",
      { day, start: REGISTRY_START },
      "asOf",
    );
  }
  return day;
}
