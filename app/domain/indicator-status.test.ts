import { describe, expect, it } from "vitest";
import { actionPlanCompletion, elapsedShare, indicatorStatus, yearPhase } from "./indicator-status";

describe("indicatorStatus", () => {
  it("a past year is met or missed", () => {
    expect(indicatorStatus({ phase: "past", value: 65.7, target: 70 })).toBe("missed");
    expect(indicatorStatus({ phase: "past", value: 70, target: 70 })).toBe("met");
  });
  it("the running year is met, on track by its pace, or at risk", () => {
    expect(indicatorStatus({ phase: "running", value: 81, target: 80, projected: 90 })).toBe("met");
    expect(indicatorStatus({ phase: "running", value: 14, target: 80, projected: 85 })).toBe("on_track");
    expect(indicatorStatus({ phase: "running", value: 14, target: 80, projected: 56 })).toBe("at_risk");
  });
  it("LPA must be above last year, not equal", () => {
    expect(indicatorStatus({ phase: "past", value: 94.15, target: 94.15, comparison: "above" })).toBe("missed");
    expect(indicatorStatus({ phase: "past", value: 95.2, target: 94.15, comparison: "above" })).toBe("met");
  });
  it("has no status without a value, a target, or before the year starts", () => {
    expect(indicatorStatus({ phase: "future", value: 1, target: 1 })).toBe("no_data");
    expect(indicatorStatus({ phase: "past", value: null, target: 1 })).toBe("no_data");
    expect(indicatorStatus({ phase: "past", value: 1, target: null })).toBe("no_data");
  });
});

describe("year helpers", () => {
  const bounds = { start: new Date("2025-09-30T17:00:00Z"), end: new Date("2026-09-30T17:00:00Z") };
  it("phase and elapsed share", () => {
    expect(yearPhase(bounds, new Date("2025-01-01"))).toBe("future");
    expect(yearPhase(bounds, new Date("2026-01-01"))).toBe("running");
    expect(yearPhase(bounds, bounds.end)).toBe("past");
    expect(elapsedShare(bounds, bounds.start)).toBe(0);
    expect(elapsedShare(bounds, new Date("2030-01-01"))).toBe(1);
  });
});

describe("actionPlanCompletion", () => {
  it("is done ÷ (all − cancelled)", () => {
    expect(actionPlanCompletion(["done", "done", "in_progress", "cancelled"])).toEqual({ done: 2, counted: 3, percent: (2 / 3) * 100 });
    expect(actionPlanCompletion(["cancelled"]).percent).toBeNull();
    expect(actionPlanCompletion([]).percent).toBeNull();
  });
});
