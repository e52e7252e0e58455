import { describe, expect, it } from "vitest";
import { personEntry, personEntryCode } from "./person-entry";

describe("a staff entry (“code name”)", () => {
  it("is written code first, and its code is read back from it", () => {
    expect(personEntry("LS012", "นายสมชาย ใจดี")).toBe("LS012 นายสมชาย ใจดี");
    expect(personEntryCode(personEntry("LS012", "นายสมชาย ใจดี"))).toBe("LS012");
    expect(personEntryCode(personEntry("10234", "นางสาวขวัญใจ ศรีสวัสดิ์"))).toBe("10234");
  });

  it("reads the first word in upper case, whatever the spaces around it", () => {
    expect(personEntryCode("  ls012\tนายสมชาย")).toBe("LS012");
    expect(personEntryCode("e2e-a01")).toBe("E2E-A01");
    expect(personEntryCode("สมชาย ใจดี")).toBe("สมชาย");
    expect(personEntryCode("   ")).toBe("");
  });
});

describe("a typed co-author, owner or member's code", () => {
  it("is read as the roster compares codes: Thai digits as digits, zero-width characters dropped", () => {
    expect(personEntryCode("ls๐๓๐ นายเสน่ห์ บัวแก้ว")).toBe("LS030");
    expect(personEntryCode("LS030\u200B นายเสน่ห์")).toBe("LS030");
  });
});
