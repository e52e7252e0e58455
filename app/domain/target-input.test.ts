import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TARGET_MAX, parseTargetInput } from "./target-input";

describe("parseTargetInput", () => {
  it("reads numbers as people type them", () => {
    expect(parseTargetInput("40", "count")).toEqual({ ok: true, value: 40 });
    expect(parseTargetInput(" 95.19 ", "score")).toEqual({ ok: true, value: 95.19 });
    expect(parseTargetInput("80%", "percent")).toEqual({ ok: true, value: 80 });
    expect(parseTargetInput("1,000", "count")).toEqual({ ok: true, value: 1000 });
  });
  it("reads Thai digits as the same numbers", () => {
    expect(parseTargetInput("๘๐", "percent")).toEqual({ ok: true, value: 80 });
    expect(parseTargetInput("๙๕.๑๙", "score")).toEqual({ ok: true, value: 95.19 });
    expect(parseTargetInput("๑,๐๐๐", "count")).toEqual({ ok: true, value: 1000 });
    expect(parseTargetInput("๑๕๐", "percent")).toEqual({ ok: false, problem: "percentOver100" });
  });
  it("treats an empty field as no target", () => {
    expect(parseTargetInput("", "percent")).toEqual({ ok: true, value: null });
    expect(parseTargetInput("   ", "count")).toEqual({ ok: true, value: null });
  });
  it("refuses junk, negatives, too many decimals and huge values", () => {
    for (const junk of ["abc", "-5", "1e3", "40.123", "๔x", "NaN", "Infinity", "1.2.3", String(TARGET_MAX + 1)]) {
      expect(parseTargetInput(junk, "count")).toEqual({ ok: false, problem: "badNumber" });
    }
  });
  it("refuses a percentage above 100, and only for a percentage", () => {
    expect(parseTargetInput("100", "percent")).toEqual({ ok: true, value: 100 });
    expect(parseTargetInput("100.00%", "percent")).toEqual({ ok: true, value: 100 });
    for (const over of ["100.01", "150", "150%", "1,000"]) {
      expect(parseTargetInput(over, "percent"), over).toEqual({ ok: false, problem: "percentOver100" });
    }
    expect(parseTargetInput("150", "count")).toEqual({ ok: true, value: 150 });
    expect(parseTargetInput("abc", "percent")).toEqual({ ok: false, problem: "badNumber" });
  });
  it("a count is a whole number; a percentage or a score may have decimals", () => {
    for (const part of ["2.5", "0.01", "๒.๕", "1,000.50"]) expect(parseTargetInput(part, "count"), part).toEqual({ ok: false, problem: "countNotWhole" });
    expect(parseTargetInput("2.00", "count")).toEqual({ ok: true, value: 2 });
    expect(parseTargetInput("2.5", "percent")).toEqual({ ok: true, value: 2.5 });
    expect(parseTargetInput("2.5", "score")).toEqual({ ok: true, value: 2.5 });
  });
  it("round-trips every in-range value with two decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TARGET_MAX * 100 }), (hundredths) => {
        const value = hundredths / 100;
        const parsed = parseTargetInput(value.toFixed(2), "score");
        return parsed.ok && parsed.value === Number(value.toFixed(2));
      }),
    );
  });
});
