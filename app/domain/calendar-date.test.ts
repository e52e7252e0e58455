import { describe, expect, it } from "vitest";
import { calendarDateIn, isIsoDate } from "./calendar-date";

describe("calendar dates", () => {
  it("isIsoDate takes a real day written YYYY-MM-DD, and nothing else", () => {
    for (const day of ["2026-11-25", "2024-02-29", "1900-01-01", "2600-12-31"]) expect(isIsoDate(day)).toBe(true);
    for (const text of ["2026-02-30", "2025-02-29", "2026-13-01", "1899-12-31", "2601-01-01", "2026-1-5", "25/11/2569", "2026-11-25T00:00:00Z", ""]) expect(isIsoDate(text)).toBe(false);
  });
  it("calendarDateIn gives the day in the zone asked for", () => {
    const instant = new Date("2026-11-25T18:30:00Z");
    expect(calendarDateIn(instant, "Asia/Bangkok")).toBe("2026-11-26");
    expect(calendarDateIn(instant, "UTC")).toBe("2026-11-25");
  });
});
