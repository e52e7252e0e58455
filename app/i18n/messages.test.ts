import { describe, expect, it } from "vitest";
import { en, th, translate, type MessageKey } from "./messages";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("message catalogue", () => {
  const keys = Object.keys(th) as MessageKey[];
  it("has every Thai key in English, and nothing extra", () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });
  it("has no empty message in either language", () => {
    for (const key of keys) {
      expect(th[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
    }
  });
  it("uses the same placeholders in both languages", () => {
    for (const key of keys) expect(placeholders(en[key]), key).toEqual(placeholders(th[key]));
  });
  it("fills placeholders and falls back to Thai", () => {
    expect(translate("th", "login.throttled", { minutes: 7 })).toContain("7 นาที");
    expect(translate("en", "login.throttled", { minutes: 7 })).toContain("7 minutes");
  });
});
