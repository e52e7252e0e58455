import { describe, expect, it } from "vitest";
import { normaliseEmployeeCode } from "./employee-code";

describe("an employee code (and username) as typed", () => {
  it("is trimmed and upper case", () => {
    expect(normaliseEmployeeCode("  ls025 ")).toBe("LS025");
    expect(normaliseEmployeeCode("e2e-a01")).toBe("E2E-A01");
  });

  it("reads Thai digits as digits: a Thai keyboard types LS๐๒๕", () => {
    expect(normaliseEmployeeCode("LS๐๒๕")).toBe("LS025");
    expect(normaliseEmployeeCode("๑๐๒๓๔")).toBe("10234");
  });

  it("drops invisible characters a pasted code carries (zero-width space, direction marks, BOM)", () => {
    expect(normaliseEmployeeCode("LS025\u200B")).toBe("LS025");
    expect(normaliseEmployeeCode("\u200FLS\u200D025\uFEFF")).toBe("LS025");
  });
});
