import { describe, expect, it } from "vitest";
import { DEFAULT_PARTICIPATION_RULE, parseParticipationRule } from "./participation-rule";

describe("participation rule", () => {
  it("defaults to ideas only, every category, rejected-at-screening excluded (PRODUCT.md §6)", () => {
    expect(DEFAULT_PARTICIPATION_RULE).toMatchObject({
      countedCategoryCodes: null,
      countComments: false,
      countTrainingAttendance: false,
      excludeRejectedAtScreening: true,
    });
  });
  it("round-trips through storage", () => {
    const stored = JSON.parse(JSON.stringify({ ...DEFAULT_PARTICIPATION_RULE, countedCategoryCodes: ["civil_servant"] }));
    expect(parseParticipationRule(stored).countedCategoryCodes).toEqual(["civil_servant"]);
  });
  it("refuses malformed rules", () => {
    for (const bad of [null, 3, {}, { ...DEFAULT_PARTICIPATION_RULE, version: 2 }, { ...DEFAULT_PARTICIPATION_RULE, countComments: "yes" }, { ...DEFAULT_PARTICIPATION_RULE, countedCategoryCodes: [1] }]) {
      expect(() => parseParticipationRule(bad)).toThrow(TypeError);
    }
  });
});
