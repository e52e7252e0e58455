import { describe, expect, it } from "vitest";
import { personDisplayName, recordedByName } from "./person-name";

describe("personDisplayName", () => {
  const somchai = { nameTh: "นายสมชาย ใจดี", nameEn: "Somchai Jaidee" };

  it("shows the English name to an English reader when the roster has one", () => {
    expect(personDisplayName(somchai, "en")).toBe("Somchai Jaidee");
    expect(personDisplayName({ nameTh: "นายสมชาย ใจดี", nameEn: "  Somchai  " }, "en")).toBe("Somchai");
  });

  it("falls back to the Thai name in English when there is no English name", () => {
    for (const nameEn of [null, undefined, "", "   "]) expect(personDisplayName({ nameTh: "นางสาวมาลี ศรีสุข", nameEn }, "en")).toBe("นางสาวมาลี ศรีสุข");
  });

  it("shows the Thai name to a Thai reader, English name or not", () => {
    expect(personDisplayName(somchai, "th")).toBe("นายสมชาย ใจดี");
  });
});

describe("recordedByName", () => {
  it("names who recorded something by personDisplayName's rule, and no one when no one is known", () => {
    expect(recordedByName({ byNameTh: "นายสมชาย ใจดี", byNameEn: "Somchai Jaidee" }, "en")).toBe("Somchai Jaidee");
    expect(recordedByName({ byNameTh: "นายสมชาย ใจดี", byNameEn: "Somchai Jaidee" }, "th")).toBe("นายสมชาย ใจดี");
    expect(recordedByName({ byNameTh: "นายสมชาย ใจดี", byNameEn: null }, "en")).toBe("นายสมชาย ใจดี");
    expect(recordedByName({ byNameTh: null, byNameEn: null }, "en")).toBeNull();
  });
});
