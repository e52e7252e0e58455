// Shapes of the demo/seed data. Plain data only: the seeder (db/seed/) turns them into rows.
// Dates are ISO calendar dates in the Gregorian calendar ("2023-02-01"); the app shows them in BE.

import type { Role } from "../../../app/domain/roles";

export type { Role };

export type SeedDivision = { code: string; nameTh: string; nameEn: string };

export type StaffCategoryCode =
  | "civil_servant" // ข้าราชการ/พนักงานส่วนตำบล
  | "permanent_employee" // ลูกจ้างประจำ
  | "mission_employee" // พนักงานจ้างตามภารกิจ
  | "general_employee"; // พนักงานจ้างทั่วไป

export type SeedCategory = { code: StaffCategoryCode; nameTh: string; nameEn: string };

export type SeedProject = { code: string; nameTh: string; nameEn: string; descriptionTh: string };
export type SeedPlan = { code: string; nameTh: string; nameEn: string; projects: SeedProject[] };
export type SeedStrategy = {
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  plans: SeedPlan[];
};

export type IndicatorCode = "LG1" | "ACTION_PLAN" | "LPA" | "INNOVATION_PROJECTS" | "INNOVATIONS";
export type SeedIndicator = {
  code: IndicatorCode;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  kind: "output" | "outcome";
  unit: "percent" | "count" | "score";
  strategyCodes: string[];
  /** at_least: value >= target; above_previous: value > last year's value (LPA). */
  comparison: "at_least" | "above_previous";
  /** Count indicators only: compare per year or cumulatively since the plan began. */
  countMode?: "per_year" | "cumulative";
  /** Target per fiscal year (BE). null where the plan gives none (e.g. LPA after 2566). */
  targets: Record<number, number | null>;
};

export type SeedLpaScore = { fiscalYearBE: number; score: number; source: string };

export type SeedStaff = {
  employeeCode: string;
  prefixTh: string;
  firstNameTh: string;
  lastNameTh: string;
  firstNameEn?: string;
  lastNameEn?: string;
  email?: string;
  positionTh: string;
  categoryCode: StaffCategoryCode;
  /** Division history, oldest first; each entry holds from its date until the next one. */
  divisions: { divisionCode: string; from: string }[];
  employmentStart: string;
  employmentEnd?: string;
  /** Roles beyond "staff" (every account has "staff"). Only set on people who get a demo account role. */
  roles?: Exclude<Role, "staff">[];
};

import type { IdeaStage } from "../../../app/domain/idea-stages";

/** A demo idea with its whole history. Instants are ISO strings with the +07:00 offset. */
export type SeedIdea = {
  /** Stable key ("I001"), used to point a duplicate at its original. */
  key: string;
  title: string;
  /** Markdown. */
  problem: string;
  solution: string;
  benefit: string;
  /** Plan item it serves ("2.1"), optional. */
  planCode?: string;
  /** Employee codes; the first is the submitter, the rest co-authors. */
  authorCodes: string[];
  tags: string[];
  submittedAt: string;
  /** Moves after submission, in order, each from the stage the previous one reached. */
  stageHistory: { to: IdeaStage; at: string; byCode: string; reason?: string }[];
  /** For stage "duplicate": the key of the original idea. */
  duplicateOfKey?: string;
  voterCodes: string[];
  comments: { byCode: string; at: string; body: string }[];
};
