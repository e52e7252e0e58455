import { describe, expect, it } from "vitest";
import { calendarDateIn, isIsoDate, isoDateProblem } from "./calendar-date";

describe("calendar dates", () => {
  it("isIsoDate takes a real day written YYYY-MM-DD, and nothing else", () => {
    for (const day of ["2026-11-25", "2024-02-29", "1900-01-01", "2200-12-31"]) expect(isIsoDate(day)).toBe(true);
    for (const text of ["2026-02-30", "2025-02-29", "2026-13-01", "1899-12-31", "2201-01-01", "2569-10-01", "2026-1-5", "25/11/2569", "2026-11-25T00:00:00Z", ""]) expect(isIsoDate(text)).toBe(false);
  });
  it("a Buddhist Era year typed in a date is named as such; other years out of 1900–2200 are just wrong", () => {
    expect(isoDateProblem("2026-10-01")).toBe(null);
    // Chromium turns the typed 01102569 into 2569-01-10.
    for (const day of ["2569-10-01", "2569-01-10", "2567-02-29", "2443-01-01", "2743-12-31"]) expect(isoDateProblem(day)).toBe("buddhistEraYear");
    for (const text of ["2201-01-01", "2442-12-31", "2744-01-01", "1899-12-31", "0201-01-01", "2569-02-30", "2568-02-29", "2569-1-5", ""]) expect(isoDateProblem(text)).toBe("invalid");
  });
  it("calendarDateIn gives the day in the zone asked for", () => {
    const instant = new Date("2026-11-25T18:30:00Z");
    expect(calendarDateIn(instant, "Asia/Bangkok")).toBe("2026-11-26");
    expect(calendarDateIn(instant, "UTC")).toBe("2026-11-25");
  });
});
