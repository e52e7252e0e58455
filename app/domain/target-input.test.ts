import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TARGET_MAX, parseTargetInput } from "./target-input";

describe("parseTargetInput", () => {
  it("reads numbers as people type them", () => {
    expect(parseTargetInput("40")).toEqual({ ok: true, value: 40 });
    expect(parseTargetInput(" 95.19 ")).toEqual({ ok: true, value: 95.19 });
    expect(parseTargetInput("80%")).toEqual({ ok: true, value: 80 });
    expect(parseTargetInput("1,000")).toEqual({ ok: true, value: 1000 });
  });
  it("treats an empty field as no target", () => {
    expect(parseTargetInput("")).toEqual({ ok: true, value: null });
    expect(parseTargetInput("   ")).toEqual({ ok: true, value: null });
  });
  it("refuses junk, negatives, too many decimals and huge values", () => {
    for (const junk of ["abc", "-5", "1e3", "40.123", "๔๐", "NaN", "Infinity", "1.2.3", String(TARGET_MAX + 1)]) {
      expect(parseTargetInput(junk)).toEqual({ ok: false });
    }
  });
  it("round-trips every in-range value with two decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TARGET_MAX * 100 }), (hundredths) => {
        const value = hundredths / 100;
        const parsed = parseTargetInput(value.toFixed(2));
        return parsed.ok && parsed.value === Number(value.toFixed(2));
      }),
    );
  });
});
