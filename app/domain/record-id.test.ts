import { parseRecordId } from "./record-id";

describe("parseRecordId", () => {
  it("reads a positive serial id", () => {
    expect(parseRecordId("1")).toBe(1);
    expect(parseRecordId("42")).toBe(42);
    expect(parseRecordId("2147483647")).toBe(2_147_483_647);
  });

  it("reads Thai digits as the same number (an address or a year typed in Thai)", () => {
    expect(parseRecordId("๒๕๗๐")).toBe(2570);
    expect(parseRecordId("๔2")).toBe(42);
    expect(parseRecordId("๐๔๒")).toBeNull();
  });

  it("refuses anything else", () => {
    for (const value of ["", "0", "-1", "042", "4.2", "1e3", " 7", "7 ", "0x10", "2147483648", "99999999999", "abc", null, undefined, 5]) {
      expect(parseRecordId(value), String(value)).toBeNull();
    }
  });
});
