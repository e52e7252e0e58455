/**
 * Parsing what people type into the plan-follow-up forms (action plan, LPA, participation rule,
 * quarterly report texts). Pure: returns values or message keys, never throws on user input.
 */
import type { ParticipationRule } from "./participation-rule";
import { asciiDigits } from "./target-input";
import { textLengthProblem } from "./visible-text";

/** An action plan activity's status (the same list as the database's check constraint). */
export const ACTIVITY_STATUS_VALUES = ["planned", "in_progress", "done", "cancelled"] as const;
export type ActivityStatusValue = (typeof ACTIVITY_STATUS_VALUES)[number];

export type FieldErrors<K extends string> = Partial<Record<K, ReportFormError>>;

export type ReportFormError =
  | "reports.error.required"
  | "reports.error.tooLong"
  | "reports.error.score"
  | "reports.error.fiscalYear"
  | "reports.error.noCategory"
  | "reports.error.status"
  | "reports.error.planItem";

export const ACTIVITY_TITLE_MAX = 300;
export const LPA_SOURCE_MAX = 300;
export const REPORT_TEXT_MAX = 5000;

export function isActivityStatus(value: unknown): value is ActivityStatusValue {
  return typeof value === "string" && (ACTIVITY_STATUS_VALUES as readonly string[]).includes(value);
}

/** The five areas of the LPA assessment, stored as { area1: score, … } in lpa_scores.areas. */
export const LPA_AREA_CODES = ["area1", "area2", "area3", "area4", "area5"] as const;
export type LpaAreaCode = (typeof LPA_AREA_CODES)[number];

/** A score as typed: 0–100 with at most two decimals, Thai digits or not; a comma may stand for the decimal point. */
export function parseScore(raw: string): { ok: true; value: number } | { ok: false } {
  const cleaned = asciiDigits(raw).trim().replace(",", ".");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return { ok: false };
  const value = Number(cleaned);
  return value >= 0 && value <= 100 ? { ok: true, value } : { ok: false };
}

export type LpaFormValues = { fiscalYear: string; score: string; source: string } & Record<LpaAreaCode, string>;
export type LpaInput = { fiscalYearBE: number; score: number; source: string; areas: Partial<Record<LpaAreaCode, number>> | null };

/** Years an LPA score may be entered for: a sane Buddhist Era range (the history predates the plan). */
export const LPA_YEAR_RANGE = { min: 2550, max: 2600 } as const;

/** An LPA fiscal year as typed or posted ("2570" or "๒๕๗๐"), or null for anything else. */
export function parseLpaFiscalYear(raw: string): number | null {
  const cleaned = asciiDigits(raw).trim();
  if (!/^\d{4}$/.test(cleaned)) return null;
  const fiscalYearBE = Number(cleaned);
  return fiscalYearBE >= LPA_YEAR_RANGE.min && fiscalYearBE <= LPA_YEAR_RANGE.max ? fiscalYearBE : null;
}

export function parseLpaForm(values: LpaFormValues): { ok: true; input: LpaInput } | { ok: false; fieldErrors: FieldErrors<keyof LpaFormValues> } {
  const fieldErrors: FieldErrors<keyof LpaFormValues> = {};
  const fiscalYearBE = parseLpaFiscalYear(values.fiscalYear);
  if (fiscalYearBE === null) fieldErrors.fiscalYear = "reports.error.fiscalYear";
  const score = values.score.trim() === "" ? null : parseScore(values.score);
  if (score === null) fieldErrors.score = "reports.error.required";
  else if (!score.ok) fieldErrors.score = "reports.error.score";
  const source = values.source.trim();
  if (source === "") fieldErrors.source = "reports.error.required";
  else if (source.length > LPA_SOURCE_MAX) fieldErrors.source = "reports.error.tooLong";
  const areas: Partial<Record<LpaAreaCode, number>> = {};
  for (const code of LPA_AREA_CODES) {
    if (values[code].trim() === "") continue;
    const area = parseScore(values[code]);
    if (area.ok) areas[code] = area.value;
    else fieldErrors[code] = "reports.error.score";
  }
  if (Object.keys(fieldErrors).length > 0 || fiscalYearBE === null || score === null || !score.ok) return { ok: false, fieldErrors };
  return { ok: true, input: { fiscalYearBE, score: score.value, source, areas: Object.keys(areas).length > 0 ? areas : null } };
}

/** Stored areas (jsonb) read back: only the known codes with numbers. */
export function readLpaAreas(value: unknown): Partial<Record<LpaAreaCode, number>> | null {
  if (typeof value !== "object" || value === null) return null;
  const areas: Partial<Record<LpaAreaCode, number>> = {};
  for (const code of LPA_AREA_CODES) {
    const score = (value as Record<string, unknown>)[code];
    if (typeof score === "number" && Number.isFinite(score)) areas[code] = score;
  }
  return Object.keys(areas).length > 0 ? areas : null;
}

export type ActivityFormValues = { title: string; planId: string; status?: string };
export type ActivityInput = { title: string; planId: number | null; status: ActivityStatusValue };

/** An activity as typed: a title, an optional plan item among `planIds`, and (when asked) a status. */
export function parseActivityForm(
  values: ActivityFormValues,
  planIds: readonly number[],
): { ok: true; input: { title: string; planId: number | null; status?: ActivityStatusValue } } | { ok: false; fieldErrors: FieldErrors<keyof ActivityFormValues> } {
  const fieldErrors: FieldErrors<keyof ActivityFormValues> = {};
  const title = values.title.trim();
  const titleProblem = textLengthProblem(title, { max: ACTIVITY_TITLE_MAX, required: true });
  if (titleProblem === "required") fieldErrors.title = "reports.error.required";
  else if (titleProblem === "tooLong") fieldErrors.title = "reports.error.tooLong";
  const planId = values.planId === "" ? null : Number(values.planId);
  if (planId !== null && !planIds.includes(planId)) fieldErrors.planId = "reports.error.planItem";
  const status = values.status;
  if (status !== undefined && !isActivityStatus(status)) fieldErrors.status = "reports.error.status";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, input: { title, planId, ...(isActivityStatus(status) ? { status } : {}) } };
}

export type RuleFormValues = {
  categoryCodes: string[];
  countComments: boolean;
  countTrainingAttendance: boolean;
  excludeRejectedAtScreening: boolean;
};

/**
 * The rule from the form. Every category ticked is stored as "every category" (null), so a
 * category added later counts too; none ticked is refused (the population would be empty).
 */
export function ruleFromForm(values: RuleFormValues, allCategoryCodes: readonly string[]): { ok: true; rule: ParticipationRule } | { ok: false; error: ReportFormError } {
  const chosen = allCategoryCodes.filter((code) => values.categoryCodes.includes(code));
  if (chosen.length === 0) return { ok: false, error: "reports.error.noCategory" };
  return {
    ok: true,
    rule: {
      version: 1,
      countedCategoryCodes: chosen.length === allCategoryCodes.length ? null : chosen,
      countComments: values.countComments,
      countTrainingAttendance: values.countTrainingAttendance,
      excludeRejectedAtScreening: values.excludeRejectedAtScreening,
    },
  };
}

export type RuleScope = "thisYear" | "following";

/** The years a rule change is written to: the chosen year, and with "following" the plan's later years. */
export function yearsForRuleChange(fiscalYearBE: number, scope: RuleScope, planYears: readonly number[]): number[] {
  if (scope === "thisYear") return [fiscalYearBE];
  return planYears.filter((year) => year >= fiscalYearBE).sort((a, b) => a - b);
}

export function sameRule(a: ParticipationRule, b: ParticipationRule): boolean {
  const codes = (rule: ParticipationRule) => (rule.countedCategoryCodes === null ? null : [...rule.countedCategoryCodes].sort().join(","));
  return (
    codes(a) === codes(b) &&
    a.countComments === b.countComments &&
    a.countTrainingAttendance === b.countTrainingAttendance &&
    a.excludeRejectedAtScreening === b.excludeRejectedAtScreening
  );
}

/** Committee text shown as paragraphs: blank lines separate them; single line breaks stay. */
export function textParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}

/** Text as typed into the quarterly report form: trimmed, capped, line ends normalised. */
export function cleanReportText(raw: string): { ok: true; text: string } | { ok: false; error: ReportFormError } {
  const text = raw.replace(/\r\n?/g, "\n").trim();
  return text.length > REPORT_TEXT_MAX ? { ok: false, error: "reports.error.tooLong" } : { ok: true, text };
}
