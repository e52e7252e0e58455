import { describe, expect, it } from "vitest";
import { readRecordVersion } from "./record-version";

describe("readRecordVersion", () => {
  it("reads the counter a form carried", () => {
    expect(readRecordVersion("0")).toBe(0);
    expect(readRecordVersion("17")).toBe(17);
  });
  it("answers null for a missing or bad version (the save is then refused as stale)", () => {
    expect(readRecordVersion(null)).toBeNull();
    expect(readRecordVersion("")).toBeNull();
    expect(readRecordVersion("-1")).toBeNull();
    expect(readRecordVersion("1.5")).toBeNull();
    expect(readRecordVersion("1e3")).toBeNull();
    expect(readRecordVersion("9999999999")).toBeNull();
  });
});
