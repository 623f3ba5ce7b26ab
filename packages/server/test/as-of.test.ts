// "Today" in Vietnam, the default asOf: UTC+7, and the memo of it turns over at local midnight.
import { afterEach, expect, it, vi } from "vitest";
import { vietnamToday } from "../src/schema/as-of.js";

afterEach(() => {
  vi.useRealTimers();
});

it("is the calendar day in Asia/Ho_Chi_Minh, and changes at local midnight, not UTC midnight", () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-11-23T16:59:30Z")); // 23:59:30 in Vietnam
  expect(vietnamToday()).toBe("2026-11-23");
  vi.setSystemTime(new Date("2026-11-23T16:59:59.999Z"));
  expect(vietnamToday()).toBe("2026-11-23");
  vi.setSystemTime(new Date("2026-11-23T17:00:00Z")); // 00:00 on the 24th in Vietnam
  expect(vietnamToday()).toBe("2026-11-24");
  vi.setSystemTime(new Date("2026-11-24T16:59:00Z"));
  expect(vietnamToday()).toBe("2026-11-24");
  expect(vietnamToday(new Date("2025-06-30T17:00:00Z"))).toBe("2025-07-01");
});
