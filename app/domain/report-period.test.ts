import { describe, expect, it } from "vitest";
import { fiscalQuarterBounds, THAI_FISCAL_CALENDAR } from "./fiscal-year";
import { chosenReportQuarter, isFiscalQuarter, periodState, reportAsOf } from "./report-period";

const PLAN = [2566, 2567, 2568, 2569, 2570];
const NOW = new Date("2026-11-25T10:00:00+07:00"); // FY 2570, Q1

describe("chosenReportQuarter", () => {
  it("takes a plan year and a quarter from the URL", () => {
    expect(chosenReportQuarter({ fy: "2569", q: "3" }, PLAN, NOW, THAI_FISCAL_CALENDAR)).toEqual({ fiscalYearBE: 2569, quarter: 3 });
  });
  it("falls back to the running quarter for anything else", () => {
    for (const params of [
      { fy: null, q: null },
      { fy: "2590", q: "1" },
      { fy: "abc", q: "9" },
      { fy: "2570", q: "0" },
      { fy: "2570.5", q: "1.5" },
    ]) {
      const chosen = chosenReportQuarter(params, PLAN, NOW, THAI_FISCAL_CALENDAR);
      expect(chosen.fiscalYearBE).toBe(2570);
      expect(chosen.quarter).toBe(1);
    }
  });
  it("a plan year other than the running one without a quarter starts at Q1; outside the plan, its last year", () => {
    expect(chosenReportQuarter({ fy: "2568", q: null }, PLAN, NOW, THAI_FISCAL_CALENDAR)).toEqual({ fiscalYearBE: 2568, quarter: 1 });
    expect(chosenReportQuarter({ fy: null, q: "2" }, [2560, 2561], NOW, THAI_FISCAL_CALENDAR)).toEqual({ fiscalYearBE: 2561, quarter: 2 });
  });
  it("knows the quarters", () => {
    expect([0, 1, 2, 3, 4, 5].map(isFiscalQuarter)).toEqual([false, true, true, true, true, false]);
  });
});

describe("report moment", () => {
  const q1 = fiscalQuarterBounds(2570, 1, THAI_FISCAL_CALENDAR);
  it("Q1 FY2570 runs from 1 Oct to 31 Dec 2026, Bangkok time", () => {
    expect(q1.start.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    expect(q1.end.toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });
  it("is the quarter's end once it is over, else now", () => {
    expect(reportAsOf(q1, NOW)).toEqual(NOW);
    expect(reportAsOf(q1, new Date("2027-02-01T00:00:00Z"))).toEqual(q1.end);
    expect(periodState(q1, NOW)).toBe("running");
    expect(periodState(q1, new Date("2027-02-01T00:00:00Z"))).toBe("finished");
    expect(periodState(q1, new Date("2026-09-30T16:59:59Z"))).toBe("future");
    expect(periodState(q1, q1.end)).toBe("finished");
  });
});
