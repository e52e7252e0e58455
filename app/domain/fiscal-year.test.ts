import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUDDHIST_ERA_OFFSET,
  THAI_FISCAL_CALENDAR,
  dateRangesOverlap,
  fiscalQuarterBounds,
  fiscalQuarterDates,
  fiscalQuarterOf,
  fiscalYearBounds,
  fiscalYearDates,
  fiscalYearOf,
  fiscalYearOfDate,
  fiscalYearRange,
  parseFiscalCalendar,
  type FiscalCalendar,
  type FiscalQuarter,
} from "./fiscal-year";

// Zones chosen for variety: fixed +07:00, zero offset, northern DST and
// southern DST (whose summer straddles the calendar year end).
const TIME_ZONES = ["Asia/Bangkok", "UTC", "America/New_York", "Pacific/Auckland"] as const;
const QUARTERS: readonly FiscalQuarter[] = [1, 2, 3, 4];
const PROPERTY_RUNS = { numRuns: 500 };

const calendarArb: fc.Arbitrary<FiscalCalendar> = fc.record({
  startMonth: fc.integer({ min: 1, max: 12 }),
  timeZone: fc.constantFrom(...TIME_ZONES),
});
const instantArb = fc.date({
  min: new Date("1990-01-01T00:00:00.000Z"),
  max: new Date("2100-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});
// Fiscal years whose bounds all fall within 1990–2100 CE.
const fiscalYearArb = fc.integer({ min: 1991 + BUDDHIST_ERA_OFFSET, max: 2100 + BUDDHIST_ERA_OFFSET });
const isoDateArb = instantArb.map((instant) => instant.toISOString().slice(0, 10));
const quarterArb = fc.constantFrom(...QUARTERS);

// Independent oracle for "what does the wall clock show in this zone": plain
// Intl, not the @date-fns/tz code under test.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  let format = wallClockFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    wallClockFormats.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(instant).find((candidate) => candidate.type === type)?.value;
  return { date: `${part("year")}-${part("month")}-${part("day")}`, time: `${part("hour")}:${part("minute")}` };
}

function nextIsoDate(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

const oneMillisecondBefore = (instant: Date) => new Date(instant.getTime() - 1);
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

describe("fiscal year properties (every start month, several zones, 1990–2100)", () => {
  it("an instant lies within the bounds of its own fiscal year", () => {
    fc.assert(
      fc.property(instantArb, calendarArb, (instant, calendar) => {
        const { start, end } = fiscalYearBounds(fiscalYearOf(instant, calendar), calendar);
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime()).toBeLessThan(end.getTime());
      }),
      PROPERTY_RUNS,
    );
  });

  it("consecutive fiscal years are contiguous", () => {
    fc.assert(
      fc.property(fiscalYearArb, calendarArb, (fiscalYear, calendar) => {
        expect(fiscalYearBounds(fiscalYear, calendar).end).toEqual(fiscalYearBounds(fiscalYear + 1, calendar).start);
      }),
      PROPERTY_RUNS,
    );
  });

  it("the first and last millisecond of a fiscal year map back to it", () => {
    fc.assert(
      fc.property(fiscalYearArb, calendarArb, (fiscalYear, calendar) => {
        const { start, end } = fiscalYearBounds(fiscalYear, calendar);
        expect(fiscalYearOf(start, calendar)).toBe(fiscalYear);
        expect(fiscalYearOf(oneMillisecondBefore(end), calendar)).toBe(fiscalYear);
        expect(fiscalYearOf(oneMillisecondBefore(start), calendar)).toBe(fiscalYear - 1);
        expect(fiscalYearOf(end, calendar)).toBe(fiscalYear + 1);
      }),
      PROPERTY_RUNS,
    );
  });

  it("a fiscal year starts at local midnight of the start month's first day", () => {
    fc.assert(
      fc.property(fiscalYearArb, calendarArb, (fiscalYear, calendar) => {
        const { start, end } = fiscalYearBounds(fiscalYear, calendar);
        const { firstDay, lastDay } = fiscalYearDates(fiscalYear, calendar);
        expect(wallClock(start, calendar.timeZone)).toEqual({ date: firstDay, time: "00:00" });
        expect(wallClock(oneMillisecondBefore(end), calendar.timeZone)).toEqual({ date: lastDay, time: "23:59" });
        expect(firstDay.slice(5, 10)).toBe(`${String(calendar.startMonth).padStart(2, "0")}-01`);
      }),
      PROPERTY_RUNS,
    );
  });

  it("the four quarters partition the fiscal year", () => {
    fc.assert(
      fc.property(fiscalYearArb, calendarArb, (fiscalYear, calendar) => {
        const year = fiscalYearBounds(fiscalYear, calendar);
        const quarters = QUARTERS.map((quarter) => fiscalQuarterBounds(fiscalYear, quarter, calendar));
        expect(quarters[0]!.start).toEqual(year.start);
        expect(quarters[3]!.end).toEqual(year.end);
        for (let index = 0; index < 3; index++) {
          expect(quarters[index]!.end).toEqual(quarters[index + 1]!.start);
          expect(quarters[index]!.start.getTime()).toBeLessThan(quarters[index]!.end.getTime());
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it("fiscalQuarterOf agrees with fiscalQuarterBounds", () => {
    fc.assert(
      fc.property(instantArb, calendarArb, (instant, calendar) => {
        const { fiscalYearBE, quarter } = fiscalQuarterOf(instant, calendar);
        expect(fiscalYearBE).toBe(fiscalYearOf(instant, calendar));
        const { start, end } = fiscalQuarterBounds(fiscalYearBE, quarter, calendar);
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime()).toBeLessThan(end.getTime());
      }),
      PROPERTY_RUNS,
    );
  });

  it("a quarter's first and last millisecond map back to it", () => {
    fc.assert(
      fc.property(fiscalYearArb, quarterArb, calendarArb, (fiscalYearBE, quarter, calendar) => {
        const { start, end } = fiscalQuarterBounds(fiscalYearBE, quarter, calendar);
        expect(fiscalQuarterOf(start, calendar)).toEqual({ fiscalYearBE, quarter });
        expect(fiscalQuarterOf(oneMillisecondBefore(end), calendar)).toEqual({ fiscalYearBE, quarter });
      }),
      PROPERTY_RUNS,
    );
  });

  it("fiscalYearOfDate agrees with fiscalYearDates", () => {
    fc.assert(
      fc.property(isoDateArb, calendarArb, (isoDate, calendar) => {
        const fiscalYear = fiscalYearOfDate(isoDate, calendar);
        const { firstDay, lastDay } = fiscalYearDates(fiscalYear, calendar);
        expect(firstDay <= isoDate && isoDate <= lastDay).toBe(true);
        expect(fiscalYearOfDate(firstDay, calendar)).toBe(fiscalYear);
        expect(fiscalYearOfDate(lastDay, calendar)).toBe(fiscalYear);
        expect(fiscalYearOfDate(nextIsoDate(lastDay), calendar)).toBe(fiscalYear + 1);
        expect(fiscalYearDates(fiscalYear + 1, calendar).firstDay).toBe(nextIsoDate(lastDay));
      }),
      PROPERTY_RUNS,
    );
  });

  it("a calendar date and the instants of that local day share a fiscal year", () => {
    fc.assert(
      fc.property(instantArb, calendarArb, (instant, calendar) => {
        const localDate = wallClock(instant, calendar.timeZone).date;
        expect(fiscalYearOfDate(localDate, calendar)).toBe(fiscalYearOf(instant, calendar));
      }),
      PROPERTY_RUNS,
    );
  });

  it("quarter dates partition the fiscal year dates", () => {
    fc.assert(
      fc.property(fiscalYearArb, calendarArb, (fiscalYear, calendar) => {
        const year = fiscalYearDates(fiscalYear, calendar);
        const quarters = QUARTERS.map((quarter) => fiscalQuarterDates(fiscalYear, quarter, calendar));
        expect(quarters[0]!.firstDay).toBe(year.firstDay);
        expect(quarters[3]!.lastDay).toBe(year.lastDay);
        for (let index = 0; index < 3; index++) {
          expect(quarters[index + 1]!.firstDay).toBe(nextIsoDate(quarters[index]!.lastDay));
        }
      }),
      PROPERTY_RUNS,
    );
  });
});

describe("Thai fiscal calendar examples", () => {
  const thai = THAI_FISCAL_CALENDAR;

  it("FY 2566 runs from 1 Oct 2022 00:00 to 1 Oct 2023 00:00 Bangkok time", () => {
    const { start, end } = fiscalYearBounds(2566, thai);
    expect(start.toISOString()).toBe("2022-09-30T17:00:00.000Z");
    expect(start).toEqual(new Date("2022-10-01T00:00:00+07:00"));
    expect(end).toEqual(new Date("2023-10-01T00:00:00+07:00"));
    expect(fiscalYearDates(2566, thai)).toEqual({ firstDay: "2022-10-01", lastDay: "2023-09-30" });
  });

  it("FY 2570 is 1 Oct 2026 – 30 Sep 2027", () => {
    expect(fiscalYearDates(2570, thai)).toEqual({ firstDay: "2026-10-01", lastDay: "2027-09-30" });
    expect(fiscalYearBounds(2570, thai)).toEqual({
      start: new Date("2026-10-01T00:00:00+07:00"),
      end: new Date("2027-10-01T00:00:00+07:00"),
    });
  });

  it("the year turns at Bangkok midnight, not UTC midnight", () => {
    expect(fiscalYearOf(new Date("2023-09-30T23:59:59.999+07:00"), thai)).toBe(2566);
    expect(fiscalYearOf(new Date("2023-10-01T00:00:00.000+07:00"), thai)).toBe(2567);
    // Still 30 September in UTC, but already 00:30 on 1 October in Bangkok.
    expect(fiscalYearOf(new Date("2023-09-30T17:30:00.000Z"), thai)).toBe(2567);
    expect(fiscalYearOf(new Date("2023-09-30T17:30:00.000Z"), { ...thai, timeZone: "UTC" })).toBe(2566);
  });

  it("Q1 is Oct–Dec, Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep", () => {
    expect(QUARTERS.map((quarter) => fiscalQuarterDates(2570, quarter, thai))).toEqual([
      { firstDay: "2026-10-01", lastDay: "2026-12-31" },
      { firstDay: "2027-01-01", lastDay: "2027-03-31" },
      { firstDay: "2027-04-01", lastDay: "2027-06-30" },
      { firstDay: "2027-07-01", lastDay: "2027-09-30" },
    ]);
    expect(fiscalQuarterBounds(2570, 2, thai)).toEqual({
      start: new Date("2027-01-01T00:00:00+07:00"),
      end: new Date("2027-04-01T00:00:00+07:00"),
    });
    expect(fiscalQuarterOf(new Date("2026-12-31T23:59:59.999+07:00"), thai)).toEqual({ fiscalYearBE: 2570, quarter: 1 });
    expect(fiscalQuarterOf(new Date("2027-01-01T00:00:00+07:00"), thai)).toEqual({ fiscalYearBE: 2570, quarter: 2 });
    expect(fiscalQuarterOf(new Date("2027-05-15T12:00:00+07:00"), thai)).toEqual({ fiscalYearBE: 2570, quarter: 3 });
    expect(fiscalQuarterOf(new Date("2027-09-30T12:00:00+07:00"), thai)).toEqual({ fiscalYearBE: 2570, quarter: 4 });
  });

  it("calendar dates map to fiscal years without any time zone", () => {
    expect(fiscalYearOfDate("2023-09-30", thai)).toBe(2566);
    expect(fiscalYearOfDate("2023-10-01", thai)).toBe(2567);
    expect(fiscalYearOfDate("2024-02-29", thai)).toBe(2567);
  });
});

describe("other calendars", () => {
  it("start month January makes the fiscal year the Buddhist Era calendar year", () => {
    const january: FiscalCalendar = { startMonth: 1, timeZone: "Asia/Bangkok" };
    expect(fiscalYearOf(new Date("2024-01-01T00:00:00+07:00"), january)).toBe(2567);
    expect(fiscalYearOf(new Date("2024-12-31T23:59:59.999+07:00"), january)).toBe(2567);
    expect(fiscalYearOfDate("2024-06-15", january)).toBe(2567);
    expect(fiscalYearDates(2567, january)).toEqual({ firstDay: "2024-01-01", lastDay: "2024-12-31" });
    expect(fiscalQuarterDates(2567, 1, january)).toEqual({ firstDay: "2024-01-01", lastDay: "2024-03-31" });
    expect(fiscalQuarterDates(2567, 4, january)).toEqual({ firstDay: "2024-10-01", lastDay: "2024-12-31" });
  });

  it("a fiscal year ending in February ends on the 29th in a leap year", () => {
    const march: FiscalCalendar = { startMonth: 3, timeZone: "UTC" };
    expect(fiscalYearDates(2567, march)).toEqual({ firstDay: "2023-03-01", lastDay: "2024-02-29" });
    expect(fiscalYearDates(2568, march)).toEqual({ firstDay: "2024-03-01", lastDay: "2025-02-28" });
  });

  it("New York bounds follow daylight saving time", () => {
    const newYork: FiscalCalendar = { startMonth: 10, timeZone: "America/New_York" };
    const { start, end } = fiscalYearBounds(2566, newYork);
    expect(start.toISOString()).toBe("2022-10-01T04:00:00.000Z"); // EDT, UTC−4
    expect(end.getTime() - start.getTime()).toBe(365 * DAY_MS);
    // Q2 runs from EST (1 Jan) into EDT (1 Apr): one hour short of 90 days.
    const q2 = fiscalQuarterBounds(2566, 2, newYork);
    expect(q2.start.toISOString()).toBe("2023-01-01T05:00:00.000Z");
    expect(q2.end.toISOString()).toBe("2023-04-01T04:00:00.000Z");
    expect(q2.end.getTime() - q2.start.getTime()).toBe(90 * DAY_MS - HOUR_MS);
  });

  it("Auckland bounds follow southern-hemisphere daylight saving time", () => {
    const auckland: FiscalCalendar = { startMonth: 1, timeZone: "Pacific/Auckland" };
    // 1 Jan is NZDT (UTC+13), so the year starts on the previous UTC day.
    expect(fiscalYearBounds(2567, auckland).start.toISOString()).toBe("2023-12-31T11:00:00.000Z");
    expect(fiscalQuarterBounds(2567, 3, auckland).start.toISOString()).toBe("2024-06-30T12:00:00.000Z"); // NZST
  });
});

describe("fiscalYearRange", () => {
  it("lists fiscal years inclusively", () => {
    expect(fiscalYearRange(2566, 2569)).toEqual([2566, 2567, 2568, 2569]);
    expect(fiscalYearRange(2566, 2566)).toEqual([2566]);
  });

  it("is empty when the range is reversed", () => {
    expect(fiscalYearRange(2569, 2566)).toEqual([]);
  });

  it("rejects non-integer years and absurd spans", () => {
    expect(() => fiscalYearRange(2566.5, 2569)).toThrow(RangeError);
    expect(() => fiscalYearRange(2566, Number.NaN)).toThrow(RangeError);
    expect(() => fiscalYearRange(2000, 5000)).toThrow(/at most 1000/);
  });
});

describe("dateRangesOverlap", () => {
  const range = (start: string, end: string | null) => ({ start, end });

  it("treats both ends as inclusive", () => {
    expect(dateRangesOverlap(range("2022-10-01", "2023-09-30"), range("2023-09-30", "2024-01-31"))).toBe(true);
    expect(dateRangesOverlap(range("2022-10-01", "2023-09-30"), range("2023-10-01", "2024-01-31"))).toBe(false);
    expect(dateRangesOverlap(range("2023-05-01", "2023-05-01"), range("2023-05-01", "2023-05-01"))).toBe(true);
  });

  it("treats a null end as open", () => {
    expect(dateRangesOverlap(range("2020-01-01", null), range("2030-01-01", "2030-12-31"))).toBe(true);
    expect(dateRangesOverlap(range("2020-01-01", null), range("2010-01-01", "2019-12-31"))).toBe(false);
    expect(dateRangesOverlap(range("2020-01-01", null), range("1999-01-01", null))).toBe(true);
  });

  it("matches a day-by-day check and is symmetric", () => {
    const baseDay = "2023-01-01";
    const dayAfter = (offset: number) => {
      let day = baseDay;
      for (let step = 0; step < offset; step++) day = nextIsoDate(day);
      return day;
    };
    const lastDay = 40;
    const rangeArb = fc
      .tuple(fc.integer({ min: 0, max: lastDay }), fc.option(fc.integer({ min: 0, max: lastDay })))
      .map(([first, second]) =>
        second === null
          ? { startOffset: first, endOffset: null }
          : { startOffset: Math.min(first, second), endOffset: Math.max(first, second) },
      );
    fc.assert(
      fc.property(rangeArb, rangeArb, (a, b) => {
        const covers = (r: { startOffset: number; endOffset: number | null }, day: number) =>
          r.startOffset <= day && (r.endOffset === null || day <= r.endOffset);
        let sharesADay = false;
        for (let day = 0; day <= lastDay; day++) sharesADay ||= covers(a, day) && covers(b, day);
        const toRange = (r: { startOffset: number; endOffset: number | null }) =>
          range(dayAfter(r.startOffset), r.endOffset === null ? null : dayAfter(r.endOffset));
        expect(dateRangesOverlap(toRange(a), toRange(b))).toBe(sharesADay);
        expect(dateRangesOverlap(toRange(b), toRange(a))).toBe(sharesADay);
      }),
    );
  });

  it("rejects invalid dates and reversed ranges", () => {
    expect(() => dateRangesOverlap(range("2023-02-30", null), range("2023-01-01", null))).toThrow(RangeError);
    expect(() => dateRangesOverlap(range("2023-01-01", null), range("2023-1-1", null))).toThrow(RangeError);
    expect(() => dateRangesOverlap(range("2023-05-01", "2023-04-30"), range("2023-01-01", null))).toThrow(
      /ends \(2023-04-30\) before it starts/,
    );
  });
});

describe("argument validation", () => {
  const thai = THAI_FISCAL_CALENDAR;

  it("rejects invalid ISO dates", () => {
    for (const bad of ["2023-02-30", "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "2023-4-1", "", "2023-10-01T00:00"]) {
      expect(() => fiscalYearOfDate(bad, thai), bad).toThrow(RangeError);
    }
    expect(() => fiscalYearOfDate("2023-02-30", thai)).toThrow(/2023-02 has no day 30/);
    expect(() => fiscalYearOfDate(20231001 as unknown as string, thai)).toThrow(RangeError);
  });

  it("rejects non-integer and out-of-range fiscal years", () => {
    expect(() => fiscalYearBounds(2566.5, thai)).toThrow(/integer Buddhist Era year/);
    expect(() => fiscalYearDates(Number.NaN, thai)).toThrow(RangeError);
    expect(() => fiscalYearBounds(66, thai)).toThrow(/outside the supported range/);
    expect(() => fiscalQuarterDates(Number.POSITIVE_INFINITY, 1, thai)).toThrow(RangeError);
  });

  it("rejects quarters other than 1–4", () => {
    for (const bad of [0, 5, 1.5, Number.NaN]) {
      expect(() => fiscalQuarterBounds(2566, bad as FiscalQuarter, thai)).toThrow(/quarter must be 1, 2, 3 or 4/);
      expect(() => fiscalQuarterDates(2566, bad as FiscalQuarter, thai)).toThrow(RangeError);
    }
  });

  it("rejects invalid instants", () => {
    expect(() => fiscalYearOf(new Date("not a date"), thai)).toThrow(/valid Date/);
    expect(() => fiscalQuarterOf(new Date(Number.NaN), thai)).toThrow(RangeError);
  });

  it("rejects invalid calendars passed to the engine", () => {
    expect(() => fiscalYearOf(new Date(), { startMonth: 13, timeZone: "UTC" })).toThrow(/startMonth/);
    expect(() => fiscalYearDates(2566, { startMonth: 0, timeZone: "UTC" })).toThrow(RangeError);
    expect(() => fiscalYearBounds(2566, { startMonth: 10, timeZone: "Mars/Olympus" })).toThrow(/timeZone/);
  });
});

describe("parseFiscalCalendar", () => {
  it("accepts a valid calendar and drops unknown keys", () => {
    expect(parseFiscalCalendar({ startMonth: 10, timeZone: "Asia/Bangkok", extra: true })).toEqual(THAI_FISCAL_CALENDAR);
    expect(parseFiscalCalendar({ startMonth: 1, timeZone: "America/New_York" })).toEqual({
      startMonth: 1,
      timeZone: "America/New_York",
    });
  });

  it("throws a clear error for anything else", () => {
    const invalidInputs: unknown[] = [
      null,
      undefined,
      "Asia/Bangkok",
      {},
      { startMonth: "10", timeZone: "Asia/Bangkok" },
      { startMonth: 10.5, timeZone: "Asia/Bangkok" },
      { startMonth: 0, timeZone: "Asia/Bangkok" },
      { startMonth: 13, timeZone: "Asia/Bangkok" },
      { startMonth: 10 },
      { startMonth: 10, timeZone: "" },
      { startMonth: 10, timeZone: "Bangkok" },
      { startMonth: 10, timeZone: 7 },
    ];
    for (const input of invalidInputs) {
      expect(() => parseFiscalCalendar(input), JSON.stringify(input)).toThrow(/^Invalid fiscal calendar: /);
    }
    expect(() => parseFiscalCalendar({ startMonth: 13, timeZone: "UTC" })).toThrow(
      "Invalid fiscal calendar: startMonth must be an integer from 1 to 12, got 13",
    );
  });
});
