/**
 * How an indicator stands against its target. A closed or past year is met or missed; the
 * running year is met already, on track (the current pace reaches the target by year end)
 * or at risk; a future year, or one without a target or a value, has no status yet.
 */
export type IndicatorStatus = "met" | "on_track" | "at_risk" | "missed" | "no_data";

export type YearPhase = "past" | "running" | "future";

export function indicatorStatus(params: {
  phase: YearPhase;
  value: number | null;
  target: number | null;
  /** For the running year: where the current pace lands at year end (same unit as value). */
  projected?: number | null;
  /** "above": value must exceed the target (LPA above last year); "at_least": reach it. */
  comparison?: "at_least" | "above";
}): IndicatorStatus {
  const { phase, value, target } = params;
  if (phase === "future" || value === null || target === null) return "no_data";
  const reaches = (candidate: number) => (params.comparison === "above" ? candidate > target : candidate >= target - 1e-9);
  if (reaches(value)) return "met";
  if (phase === "past") return "missed";
  return params.projected !== null && params.projected !== undefined && reaches(params.projected) ? "on_track" : "at_risk";
}

/** Share of the year gone at `now`, between 0 and 1. */
export function elapsedShare(bounds: { start: Date; end: Date }, now: Date): number {
  const share = (now.getTime() - bounds.start.getTime()) / (bounds.end.getTime() - bounds.start.getTime());
  return Math.min(1, Math.max(0, share));
}

export function yearPhase(bounds: { start: Date; end: Date }, now: Date): YearPhase {
  if (now < bounds.start) return "future";
  if (now >= bounds.end) return "past";
  return "running";
}

/** Action plan completion: done ÷ (all − cancelled), as a percent; null with nothing planned. */
export function actionPlanCompletion(statuses: readonly string[]): { done: number; counted: number; percent: number | null } {
  const counted = statuses.filter((status) => status !== "cancelled").length;
  const done = statuses.filter((status) => status === "done").length;
  return { done, counted, percent: counted === 0 ? null : (done / counted) * 100 };
}
