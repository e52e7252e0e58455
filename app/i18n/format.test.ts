import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareThai,
  fiscalQuarterLabel,
  fiscalYearLabel,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  intlLocale,
  sortByThaiName,
  thaiCollator,
  type Locale,
} from "./format";

// From UTC−10 to UTC+14: a calendar date formatted through any instant
// conversion would land on a neighbouring day in one of these.
const EXTREME_TIME_ZONES = ["Pacific/Honolulu", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Bangkok", "UTC"];

describe("intlLocale", () => {
  it("uses the Buddhist calendar for Thai and British English otherwise", () => {
    expect(intlLocale("th")).toBe("th-TH-u-ca-buddhist");
    expect(intlLocale("en")).toBe("en-GB");
    expect(() => intlLocale("fr" as Locale)).toThrow(RangeError);
  });
});

describe("formatDate", () => {
  const morningInBangkok = new Date("2026-11-23T03:04:00Z");

  it("formats Thai dates with Thai month names and the Buddhist Era year", () => {
    expect(formatDate(morningInBangkok, "th")).toBe("23 พฤศจิกายน 2569");
    expect(formatDate(morningInBangkok, "th", { style: "medium" })).toBe("23 พ.ย. 2569");
    expect(formatDate(morningInBangkok, "th", { style: "short" })).toBe("23/11/2569");
  });

  it("formats English dates in the Gregorian calendar, day first", () => {
    expect(formatDate(morningInBangkok, "en")).toBe("23 November 2026");
    expect(formatDate(morningInBangkok, "en", { style: "medium" })).toBe("23 Nov 2026");
    expect(formatDate(morningInBangkok, "en", { style: "short" })).toBe("23/11/2026");
  });

  it("places instants in Asia/Bangkok by default and in the given zone otherwise", () => {
    const lateEveningUtc = new Date("2026-11-22T17:30:00Z"); // 00:30 on the 23rd in Bangkok
    expect(formatDate(lateEveningUtc, "en")).toBe("23 November 2026");
    expect(formatDate(lateEveningUtc, "en", { timeZone: "UTC" })).toBe("22 November 2026");
    expect(formatDate(lateEveningUtc, "th", { timeZone: "Pacific/Honolulu" })).toBe("22 พฤศจิกายน 2569");
  });

  it("accepts JSON-serialized instants (strings with Z or an offset)", () => {
    expect(formatDate("2026-11-22T17:30:00.000Z", "en")).toBe("23 November 2026");
    expect(formatDate("2026-11-23T00:30:00+07:00", "th")).toBe("23 พฤศจิกายน 2569");
  });

  it("never shifts a date-only string to another day, whatever the zone", () => {
    for (const timeZone of EXTREME_TIME_ZONES) {
      expect(formatDate("2026-11-23", "th", { timeZone }), timeZone).toBe("23 พฤศจิกายน 2569");
      expect(formatDate("2026-11-23", "en", { timeZone }), timeZone).toBe("23 November 2026");
      expect(formatDate("2027-01-01", "en", { timeZone }), timeZone).toBe("1 January 2027");
      expect(formatDate("2026-12-31", "th", { timeZone }), timeZone).toBe("31 ธันวาคม 2569");
    }
  });

  it("prints the same day, month and year as any ISO date string (property)", () => {
    const isoDateArb = fc
      .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T00:00:00Z"), noInvalidDate: true })
      .map((instant) => instant.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDateArb, fc.constantFrom(...EXTREME_TIME_ZONES), (isoDate, timeZone) => {
        const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
        expect(formatDate(isoDate, "en", { timeZone, style: "short" })).toBe(
          `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`,
        );
        expect(formatDate(isoDate, "th", { timeZone, style: "short" })).toBe(`${day}/${month}/${year + 543}`);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects impossible dates and ambiguous strings", () => {
    expect(() => formatDate("2023-02-30", "th")).toThrow(/no such day/);
    expect(() => formatDate("23/11/2026", "en")).toThrow(RangeError);
    expect(() => formatDate("2026-11-23T10:00", "en")).toThrow(RangeError); // no offset: whose 10:00?
    expect(() => formatDate(new Date(Number.NaN), "en")).toThrow(/invalid Date/);
    expect(() => formatDate(morningInBangkok, "en", { timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it("adds a 24-hour HH:mm time in Asia/Bangkok by default", () => {
    const justAfterMidnightInBangkok = new Date("2026-11-22T17:05:00Z");
    expect(formatDateTime(justAfterMidnightInBangkok, "th")).toBe("23 พ.ย. 2569 00:05");
    expect(formatDateTime(justAfterMidnightInBangkok, "en")).toBe("23 Nov 2026, 00:05");
    expect(formatDateTime(justAfterMidnightInBangkok, "en", { timeZone: "UTC" })).toBe("22 Nov 2026, 17:05");
  });

  it("always ends in HH:mm (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom<Locale>("th", "en"),
        fc.constantFrom(...EXTREME_TIME_ZONES),
        (instant, locale, timeZone) => {
          expect(formatDateTime(instant, locale, { timeZone })).toMatch(/ ([01]\d|2[0-3]):[0-5]\d$/);
        },
      ),
    );
  });
});

describe("fiscal period labels", () => {
  it("labels fiscal years in Buddhist Era (Thai) or Gregorian (English)", () => {
    expect(fiscalYearLabel(2566, "th")).toBe("ปีงบประมาณ พ.ศ. 2566");
    expect(fiscalYearLabel(2566, "th", { short: true })).toBe("2566");
    expect(fiscalYearLabel(2566, "en")).toBe("FY 2023");
    expect(fiscalYearLabel(2566, "en", { short: true })).toBe("2023");
  });

  it("labels fiscal quarters", () => {
    expect(fiscalQuarterLabel(2570, 1, "th")).toBe("ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2570");
    expect(fiscalQuarterLabel(2570, 1, "en")).toBe("Q1 FY 2027");
    expect(fiscalQuarterLabel(2570, 4, "en")).toBe("Q4 FY 2027");
  });

  it("mentions the era exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2500, max: 2700 }), fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4), (year, quarter) => {
        expect(fiscalQuarterLabel(year, quarter, "th").match(/พ\.ศ\./g)).toHaveLength(1);
        expect(fiscalYearLabel(year, "th").match(/พ\.ศ\./g)).toHaveLength(1);
      }),
    );
  });

  it("rejects bad years and quarters", () => {
    expect(() => fiscalYearLabel(2566.5, "th")).toThrow(RangeError);
    expect(() => fiscalQuarterLabel(2566, 5 as 1, "en")).toThrow(/quarter must be/);
  });
});

describe("numbers", () => {
  it("groups thousands with Western digits in both locales", () => {
    expect(formatNumber(1234567.891, "th")).toBe("1,234,567.891");
    expect(formatNumber(1234567.891, "en")).toBe("1,234,567.891");
    expect(formatNumber(1234567.891, "en", { maximumFractionDigits: 0 })).toBe("1,234,568");
    expect(formatNumber(0.5, "th", { maximumFractionDigits: 2 })).toBe("0.5");
  });

  it("shows money with exactly two decimals", () => {
    expect(formatMoney(100000.5, "th")).toBe("100,000.50");
    expect(formatMoney(100000.5, "en")).toBe("100,000.50");
    expect(formatMoney(120000, "th")).toBe("120,000.00");
    expect(formatMoney(999999999999.99, "en")).toBe("999,999,999,999.99");
  });

  it("formats percentages given on a 0–100 scale", () => {
    expect(formatPercent(40.5, "th")).toBe("40.5%");
    expect(formatPercent(40.5, "en")).toBe("40.5%");
    expect(formatPercent(40.56, "en")).toBe("40.6%");
    expect(formatPercent(40, "en")).toBe("40%");
    expect(formatPercent(40, "th", 2)).toBe("40.00%");
    expect(formatPercent(100, "th", 0)).toBe("100%");
    expect(formatPercent(-0.01, "en")).toBe("0%"); // not "-0%"
    expect(formatPercent(-1e-15, "th", 2)).toBe("0.00%");
    expect(formatPercent(-0.5, "en")).toBe("-0.5%");
  });

  it("rejects invalid fraction digits", () => {
    expect(() => formatPercent(40, "en", -1)).toThrow(RangeError);
    expect(() => formatNumber(40, "en", { maximumFractionDigits: 1.5 })).toThrow(RangeError);
  });
});

describe("Thai name ordering", () => {
  const names = ["ไพโรจน์", "กมล", "เกศินี", "แก้ว", "โสภา", "สมชาย", "ธนา"];

  it("sorts names with leading vowels by their first consonant", () => {
    expect(sortByThaiName(names, (name) => name)).toEqual(["กมล", "เกศินี", "แก้ว", "ธนา", "ไพโรจน์", "สมชาย", "โสภา"]);
  });

  it("differs from code-point order, which puts every leading vowel last", () => {
    const codePointOrder = [...names].sort();
    expect(codePointOrder).toEqual(["กมล", "ธนา", "สมชาย", "เกศินี", "แก้ว", "โสภา", "ไพโรจน์"]);
    expect(sortByThaiName(names, (name) => name)).not.toEqual(codePointOrder);
  });

  it("uses ICU's Thai collation, which also ignores spaces and punctuation", () => {
    expect(thaiCollator.resolvedOptions().locale).toBe("th");
    expect(thaiCollator.resolvedOptions().ignorePunctuation).toBe(true);
    expect(compareThai("สม ชาย", "สมชาย")).toBe(0);
  });

  it("compareThai is the collator's comparison", () => {
    expect(compareThai("เกศินี", "ธนา")).toBeLessThan(0);
    expect(compareThai("ธนา", "เกศินี")).toBeGreaterThan(0);
    expect(compareThai("กมล", "กมล")).toBe(0);
  });

  it("sorts objects by the given name and leaves the input untouched", () => {
    const people = [
      { id: 1, name: "โสภา" },
      { id: 2, name: "กมล" },
      { id: 3, name: "เกศินี" },
    ] as const;
    const sorted = sortByThaiName(people, (person) => person.name);
    expect(sorted.map((person) => person.id)).toEqual([2, 3, 1]);
    expect(people.map((person) => person.id)).toEqual([1, 2, 3]);
    expect(sorted).not.toBe(people);
  });

  it("returns a permutation ordered under the collator (property)", () => {
    const thaiLetters = [..."กขคฆงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะาิีึืุูเแโใไ่้๊๋็์ำ"];
    const nameArb = fc.string({ unit: fc.constantFrom(...thaiLetters, " ", "-"), maxLength: 8 });
    const peopleArb = fc.array(fc.record({ id: fc.nat(), name: nameArb }), { maxLength: 30 });
    fc.assert(
      fc.property(peopleArb, (people) => {
        const sorted = sortByThaiName(people, (person) => person.name);
        expect(sorted).toHaveLength(people.length);
        expect([...sorted].sort(byIdThenName)).toEqual([...people].sort(byIdThenName));
        for (let index = 1; index < sorted.length; index++) {
          expect(thaiCollator.compare(sorted[index - 1]!.name, sorted[index]!.name)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// A total order on the test records, to compare multisets of them.
function byIdThenName(a: { id: number; name: string }, b: { id: number; name: string }): number {
  return a.id - b.id || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
