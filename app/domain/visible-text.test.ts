import { describe, expect, it } from "vitest";
import { visibleLength } from "./visible-text";

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
