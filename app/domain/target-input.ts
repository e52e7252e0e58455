/**
 * A target as typed into a form: empty means "no target"; Thai users may type Thai digits
 * (๐–๙), a comma as thousands separator or a trailing "%". Anything else that is not a number in
 * range is refused; a percentage (participation, action plan completion) is at most 100, and a
 * count (projects, innovations) is a whole number: 2.5 projects is no target.
 */
export const TARGET_MAX = 1_000_000;
export const PERCENT_MAX = 100;

export type TargetUnit = "percent" | "count" | "score";
export type TargetProblem = "badNumber" | "percentOver100" | "countNotWhole";

const THAI_ZERO = "๐".codePointAt(0)!;

/** Thai digits ๐–๙ as ASCII 0–9; every other character is left as it is. */
export function asciiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (digit) => String(digit.codePointAt(0)! - THAI_ZERO));
}

export function parseTargetInput(raw: string, unit: TargetUnit): { ok: true; value: number | null } | { ok: false; problem: TargetProblem } {
  const cleaned = asciiDigits(raw).trim().replace(/,/g, "").replace(/%$/, "").trim();
  if (cleaned === "") return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return { ok: false, problem: "badNumber" };
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value < 0 || value > TARGET_MAX) return { ok: false, problem: "badNumber" };
  if (unit === "percent" && value > PERCENT_MAX) return { ok: false, problem: "percentOver100" };
  if (unit === "count" && !Number.isInteger(value)) return { ok: false, problem: "countNotWhole" };
  return { ok: true, value };
}
