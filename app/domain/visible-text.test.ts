import { describe, expect, it } from "vitest";
import { textLengthProblem, visibleLength } from "./visible-text";

describe("visibleLength", () => {
  it("counts what a reader sees", () => {
    expect(visibleLength("ระบบจองคิว")).toBe(10);
    expect(visibleLength("  a b  ")).toBe(2);
    expect(visibleLength("👍")).toBe(1);
  });
  it("is 0 for white space and invisible format characters only", () => {
    expect(visibleLength("\u200b".repeat(6))).toBe(0);
    expect(visibleLength("\u200c\u200d\u2060\ufeff\u200e\u200f \n\t\u00a0\u3000")).toBe(0);
  });
});

describe("textLengthProblem", () => {
  const zws = "\u200b";
  it("required text of invisible characters only is empty", () => {
    expect(textLengthProblem(zws.repeat(4), { min: 3, max: 200, required: true })).toBe("required");
    expect(textLengthProblem(" \u200c\u2060 ", { max: 200, required: true })).toBe("required");
    expect(textLengthProblem("", { max: 200, required: true })).toBe("required");
  });
  it("optional text may be blank, but not invisible characters only", () => {
    expect(textLengthProblem("  ", { max: 200, required: false })).toBe(null);
    expect(textLengthProblem(zws.repeat(4), { max: 200, required: false })).toBe("tooShort");
  });
  it("too short as seen, too long as stored", () => {
    expect(textLengthProblem(`ก${zws.repeat(5)}ข`, { min: 3, max: 200, required: true })).toBe("tooShort");
    expect(textLengthProblem("ระบบ", { min: 3, max: 200, required: true })).toBe(null);
    expect(textLengthProblem("ก".repeat(201), { min: 3, max: 200, required: true })).toBe("tooLong");
    expect(textLengthProblem(`${"ก".repeat(199)}${zws.repeat(2)}`, { min: 3, max: 200, required: true })).toBe("tooLong");
  });
});
