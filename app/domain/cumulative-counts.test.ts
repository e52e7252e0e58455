import { describe, expect, it } from "vitest";
import { yearAndCumulative } from "./cumulative-counts";

describe("yearAndCumulative", () => {
  const live = new Map([
    [2565, 9], // before the plan
    [2566, 8],
    [2567, 7],
    [2568, 2],
  ]);

  it("adds the live counts of open years since the plan began", () => {
    expect(yearAndCumulative(live, new Map(), 2566, 2567)).toEqual({ perYear: 7, cumulative: 15 });
  });

  it("takes a closed year's snapshot, not its live count, into later years' totals", () => {
    // FY2566 closed at 7; a project dated into it later makes its live count 8.
    expect(yearAndCumulative(live, new Map([[2566, 7]]), 2566, 2567)).toEqual({ perYear: 7, cumulative: 14 });
    expect(yearAndCumulative(live, new Map([[2566, 7]]), 2566, 2566)).toEqual({ perYear: 7, cumulative: 7 });
  });

  it("counts a year with nothing as zero", () => {
    expect(yearAndCumulative(new Map(), new Map(), 2566, 2570)).toEqual({ perYear: 0, cumulative: 0 });
  });
});
