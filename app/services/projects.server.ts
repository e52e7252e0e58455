import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { ideas, PROJECT_STATUSES, type ProjectStatus } from "../../db/schema";
import { isoDateProblem } from "../domain/calendar-date";
import { fiscalYearOfDate, type FiscalCalendar } from "../domain/fiscal-year";
import { textLengthProblem, type TextLengthProblem } from "../domain/visible-text";
import { EXITS as IDEA_EXITS, type IdeaStage } from "../domain/idea-stages";
import { asciiDigits } from "../domain/target-input";
import { translate, type MessageKey } from "../i18n/messages.server";
import { recordAudit } from "../models/audit.server";
import { countProjectInnovations, earliestDeliveryOn } from "../models/innovations.server";
import {
  deleteMilestone,
  existingPersonIds,
  getMilestone,
  insertMilestone,
  insertProject,
  insertSubmittedProject,
  lockProject,
  lockProjectIdeas,
  planExists,
  setProjectMembers,
  updateMilestoneColumns,
  updateMilestoneIfVersion,
  updateProjectIfVersion,
} from "../models/projects.server";
import { getAppSettings, organisationToday } from "../models/settings.server";
import { getPlanTree } from "../models/plan.server";
import type { ProjectPlanOption, ProjectStaffOption } from "../components/project-fields";
import { loadStaffChoices, resolvePeople, resolvePerson, type PersonProblem } from "./person-lookup.server";
import { moveIdea } from "./stage-moves.server";

/** Who acts: a committee member (the system moves ideas in their name). */
export type ProjectActor = { accountId: string; personId: number; ipAddress?: string };

export const PROJECT_LIMITS = {
  nameMin: 3,
  nameMax: 200,
  descriptionMax: 5000,
  members: 30,
  budgetMax: 999_999_999_999.99,
  milestoneTitleMin: 2,
  milestoneTitleMax: 200,
} as const;

/** The longest typed person kept ("LS012 นายสมชาย ใจดี" is ~25), and the most team lines read. */
const PERSON_TYPED_MAX = 200;
const MEMBER_LINES_MAX = 200;

/** A project as the committee gives it (new, or created with an approval by the pipeline). */
export type ProjectInput = {
  nameTh: string;
  nameEn?: string;
  descriptionTh?: string;
  planId: number | null;
  ownerPersonId: number | null;
  budget: number | null;
  startDate: string | null;
  endDate: string | null;
  memberPersonIds?: number[];
};

/** Everything the committee may change on a project. */
export type ProjectUpdateInput = ProjectInput & { progress: number | null; status: ProjectStatus | null };

export type ProjectField =
  | "ideaId"
  | "existingProjectId"
  | "nameTh"
  | "nameEn"
  | "descriptionTh"
  | "planId"
  | "owner"
  | "members"
  | "budget"
  | "startDate"
  | "endDate"
  | "progress"
  | "status";
export type ProjectFieldErrors = Partial<Record<ProjectField, MessageKey>>;

export type ProjectResult = { ok: true; projectId: number } | { ok: false; fieldErrors: ProjectFieldErrors };

// ---------------------------------------------------------------------------
// Forms: what was typed, kept as typed, and its parse

export type ProjectFormValues = {
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  planId: string;
  /** As typed: "LS012", "LS012 นายสมชาย ใจดี" or a name. */
  owner: string;
  /** As typed, one person each: the checklist's employee codes, or the textarea's lines. */
  members: string[];
  budget: string;
  startDate: string;
  endDate: string;
  progress: string;
  status: string;
};

export function emptyProjectFormValues(): ProjectFormValues {
  return {
    nameTh: "",
    nameEn: "",
    descriptionTh: "",
    planId: "",
    owner: "",
    members: [],
    budget: "",
    startDate: "",
    endDate: "",
    progress: "0",
    status: "planned",
  };
}

/** The project fields of a form (names as in ProjectFields), bounded, as typed. */
export function projectFormValues(formData: FormData): ProjectFormValues {
  const text = (name: string, max: number) => String(formData.get(name) ?? "").slice(0, max);
  return {
    nameTh: text("nameTh", PROJECT_LIMITS.nameMax * 2),
    nameEn: text("nameEn", PROJECT_LIMITS.nameMax * 2),
    descriptionTh: text("descriptionTh", PROJECT_LIMITS.descriptionMax * 2),
    planId: text("planId", 12),
    owner: text("owner", PERSON_TYPED_MAX),
    // A large staff types the team in a textarea ("members"), a small one ticks a checklist ("member").
    members: (formData.has("members") ? text("members", PERSON_TYPED_MAX * MEMBER_LINES_MAX).split(/\r?\n/) : formData.getAll("member").map(String))
      .slice(0, MEMBER_LINES_MAX)
      .map((value) => value.slice(0, PERSON_TYPED_MAX)),
    budget: text("budget", 40),
    startDate: text("startDate", 20),
    endDate: text("endDate", 20),
    progress: text("progress", 10),
    status: text("status", 20),
  };
}

/** The message beside a typed date that is not taken (a Buddhist Era year is named), or undefined. */
export function dateFieldError(value: string): MessageKey | undefined {
  const problem = isoDateProblem(value);
  if (problem === null) return undefined;
  return problem === "buddhistEraYear" ? "error.buddhistEraYear" : "projects.error.dateInvalid";
}

/** An optional date field: "" → null; anything but a real ISO day in plausible years → its message. */
export function parseDateField(value: string): { ok: true; date: string | null } | { ok: false; error: MessageKey } {
  const trimmed = value.trim();
  if (trimmed === "") return { ok: true, date: null };
  const error = dateFieldError(trimmed);
  return error ? { ok: false, error } : { ok: true, date: trimmed };
}

function parseIdField(value: string): number | null | "invalid" {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return /^[1-9][0-9]{0,9}$/.test(trimmed) && Number(trimmed) <= 2_147_483_647 ? Number(trimmed) : "invalid";
}

/** "1,250,000.50" or "1250000" → 1250000.5; "" → null. */
export function parseBudget(value: string): number | null | "invalid" {
  const trimmed = asciiDigits(value).replace(/[,\s฿]/g, "");
  if (trimmed === "") return null;
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(trimmed)) return "invalid";
  return Number(trimmed);
}

/** Where the typed owner and team are looked up: who is employed `today`, and who may stay. */
export type ProjectPeopleContext = {
  /** The organisation's today: the owner and team must be employed then… */
  today: string;
  /** …unless already on the project (someone who has since left stays on an edited project). */
  alsoPersonIds?: readonly number[];
};

/** A member line that was not taken, and why (shown beside the team field, naming the line). */
export type MemberProblem = { text: string; problem: MessageKey };

const PERSON_PROBLEMS: Record<PersonProblem, MessageKey> = {
  unknown: "projects.error.personUnknown",
  ambiguous: "projects.error.personAmbiguous",
  notEmployed: "projects.error.personNotEmployed",
};

/**
 * Parse a project form. What cannot be read becomes null in `input` with a message in
 * `fieldErrors`; the rest (required fields, existing plan and people) is checked by the service.
 * The owner and each team line are resolved like every typed person (person-lookup.server).
 */
export async function parseProjectForm(
  db: Database,
  values: ProjectFormValues,
  people: ProjectPeopleContext,
): Promise<{ input: ProjectUpdateInput; fieldErrors: ProjectFieldErrors; memberProblems: MemberProblem[] }> {
  const fieldErrors: ProjectFieldErrors = {};
  const planId = parseIdField(values.planId);
  if (planId === "invalid") fieldErrors.planId = "projects.error.planUnknown";
  const lookup = { employedOn: people.today, alsoPersonIds: people.alsoPersonIds };
  let ownerPersonId: number | null = null;
  if (values.owner.trim() !== "") {
    const owner = await resolvePerson(db, values.owner, lookup);
    if (owner.ok) ownerPersonId = owner.personId;
    else fieldErrors.owner = PERSON_PROBLEMS[owner.problem];
  }
  let memberPersonIds: number[] = [];
  let memberProblems: MemberProblem[] = [];
  const lines = new Set(values.members.map((line) => line.trim()).filter((line) => line !== ""));
  // More lines than a team can hold (the owner may be listed too): refused before any look-up.
  if (lines.size > PROJECT_LIMITS.members + 1) fieldErrors.members = "projects.error.tooManyMembers";
  else {
    const members = await resolvePeople(db, [...lines], lookup);
    memberPersonIds = members.personIds;
    memberProblems = members.problems.map(({ text, problem }) => ({ text, problem: PERSON_PROBLEMS[problem] }));
    if (memberProblems.length > 0) fieldErrors.members = "projects.error.memberLines";
  }
  const budget = parseBudget(values.budget);
  if (budget === "invalid") fieldErrors.budget = "projects.error.budgetInvalid";
  const startDate = parseDateField(values.startDate);
  if (!startDate.ok) fieldErrors.startDate = startDate.error;
  const endDate = parseDateField(values.endDate);
  if (!endDate.ok) fieldErrors.endDate = endDate.error;
  let progress: number | null = null;
  if (values.progress.trim() !== "") {
    const parsed = Number(asciiDigits(values.progress).trim());
    if (Number.isInteger(parsed) && parsed >= 0 && parsed <= 100) progress = parsed;
    else fieldErrors.progress = "projects.error.progressRange";
  }
  let status: ProjectStatus | null = null;
  if (values.status !== "") {
    if ((PROJECT_STATUSES as readonly string[]).includes(values.status)) status = values.status as ProjectStatus;
    else fieldErrors.status = "projects.error.statusUnknown";
  }
  return {
    input: {
      nameTh: values.nameTh.normalize("NFC").trim(),
      nameEn: values.nameEn.normalize("NFC").trim(),
      descriptionTh: values.descriptionTh.normalize("NFC").trim(),
      planId: planId === "invalid" ? null : planId,
      ownerPersonId,
      memberPersonIds,
      budget: budget === "invalid" ? null : budget,
      startDate: startDate.ok ? startDate.date : null,
      endDate: endDate.ok ? endDate.date : null,
      progress,
      status,
    },
    fieldErrors,
    memberProblems,
  };
}

// ---------------------------------------------------------------------------
// Validation against the rules and the database

const TEXT_PROBLEMS: Record<TextLengthProblem, MessageKey> = {
  required: "projects.error.required",
  tooShort: "projects.error.tooShort",
  tooLong: "projects.error.tooLong",
};

/** The length rule of every typed text (visible-text): text of invisible characters only is empty. */
export function textLengthError(value: string | undefined, min: number, max: number, required: boolean): MessageKey | undefined {
  const problem = textLengthProblem(value ?? "", { min, max, required });
  return problem === null ? undefined : TEXT_PROBLEMS[problem];
}

/** Every problem of a project's input (nothing is written). */
export async function projectInputProblems(db: Database, input: ProjectInput, options: { update?: ProjectUpdateInput } = {}): Promise<ProjectFieldErrors> {
  const errors: ProjectFieldErrors = {};
  const nameTh = textLengthError(input.nameTh, PROJECT_LIMITS.nameMin, PROJECT_LIMITS.nameMax, true);
  if (nameTh) errors.nameTh = nameTh;
  const nameEn = textLengthError(input.nameEn, 1, PROJECT_LIMITS.nameMax, false);
  if (nameEn) errors.nameEn = nameEn;
  const description = textLengthError(input.descriptionTh, 1, PROJECT_LIMITS.descriptionMax, false);
  if (description) errors.descriptionTh = description;
  if (input.planId === null) errors.planId = "projects.error.planRequired";
  else if (!(await planExists(db, input.planId))) errors.planId = "projects.error.planUnknown";
  const members = input.memberPersonIds ?? [];
  const people = await existingPersonIds(db, [...(input.ownerPersonId === null ? [] : [input.ownerPersonId]), ...members]);
  if (input.ownerPersonId === null) errors.owner = "projects.error.ownerRequired";
  else if (!people.has(input.ownerPersonId)) errors.owner = "projects.error.personUnknown";
  if (members.some((personId) => !people.has(personId))) errors.members = "projects.error.personUnknown";
  else if (new Set(members).size > PROJECT_LIMITS.members) errors.members = "projects.error.tooManyMembers";
  if (input.budget === null) errors.budget = "projects.error.budgetRequired";
  else if (!(input.budget >= 0 && input.budget <= PROJECT_LIMITS.budgetMax)) errors.budget = "projects.error.budgetInvalid";
  if (input.startDate === null) errors.startDate = "projects.error.startRequired";
  else if (dateFieldError(input.startDate)) errors.startDate = dateFieldError(input.startDate);
  if (input.endDate === null) errors.endDate = "projects.error.endRequired";
  else if (dateFieldError(input.endDate)) errors.endDate = dateFieldError(input.endDate);
  else if (input.startDate !== null && !errors.startDate && input.endDate < input.startDate) errors.endDate = "projects.error.endBeforeStart";
  if (options.update) {
    if (options.update.progress === null || !Number.isInteger(options.update.progress) || options.update.progress < 0 || options.update.progress > 100) {
      errors.progress = "projects.error.progressRange";
    }
    if (options.update.status === null || !(PROJECT_STATUSES as readonly string[]).includes(options.update.status)) errors.status = "projects.error.statusUnknown";
  }
  return errors;
}

/** The fiscal year a project counts in: that of its start, once it has started (active or done). */
export function projectFiscalYear(
  status: ProjectStatus,
  startDate: string | null,
  previous: number | null,
  calendar: FiscalCalendar,
): number | null {
  if (startDate === null) return null;
  if (status === "active" || status === "completed") return fiscalYearOfDate(startDate, calendar);
  // A cancelled project that had started still counts for its year; a planned one counts nowhere.
  if (status === "cancelled" && previous !== null) return fiscalYearOfDate(startDate, calendar);
  return null;
}

const hasErrors = (errors: object) => Object.keys(errors).length > 0;

// ---------------------------------------------------------------------------
// Services

/**
 * Give an idea its project, inside the caller's transaction (the pipeline calls this when the
 * committee approves): create a project from `project`, or link the idea to `existingProjectId`.
 * Sets ideas.project_id; opens no transaction of its own and moves no stage. Refused (nothing
 * written) if the idea is unknown, closed, or already tied to another project.
 */
export async function createProjectForIdea(
  db: Database,
  params: ({ ideaId: number; project: ProjectInput } | { ideaId: number; existingProjectId: number }) & { actor?: ProjectActor },
): Promise<ProjectResult> {
  const [idea] = await db
    .select({ id: ideas.id, stage: ideas.stage, projectId: ideas.projectId })
    .from(ideas)
    .where(eq(ideas.id, params.ideaId))
    .for("update");
  if (!idea) return { ok: false, fieldErrors: { ideaId: "projects.error.ideaNotFound" } };
  if (IDEA_EXITS.includes(idea.stage)) return { ok: false, fieldErrors: { ideaId: "projects.error.ideaClosed" } };

  let projectId: number;
  if ("existingProjectId" in params) {
    const project = await lockProject(db, params.existingProjectId);
    if (!project) return { ok: false, fieldErrors: { existingProjectId: "projects.error.projectNotFound" } };
    if (project.status === "cancelled" || project.status === "completed") return { ok: false, fieldErrors: { existingProjectId: "projects.error.projectClosed" } };
    if (idea.projectId !== null && idea.projectId !== project.id) return { ok: false, fieldErrors: { ideaId: "projects.error.ideaHasProject" } };
    projectId = project.id;
  } else {
    if (idea.projectId !== null) return { ok: false, fieldErrors: { ideaId: "projects.error.ideaHasProject" } };
    const errors = await projectInputProblems(db, params.project);
    if (hasErrors(errors)) return { ok: false, fieldErrors: errors };
    const input = params.project;
    projectId = await insertProject(db, {
      planId: input.planId,
      nameTh: input.nameTh.trim(),
      nameEn: (input.nameEn ?? "").trim(),
      descriptionTh: (input.descriptionTh ?? "").trim(),
      ownerPersonId: input.ownerPersonId,
      budget: input.budget,
      startDate: input.startDate,
      endDate: input.endDate,
      progress: 0,
      status: "planned",
      fiscalYear: null,
    });
    await setProjectMembers(db, projectId, input.memberPersonIds ?? [], input.ownerPersonId);
  }
  await db.update(ideas).set({ projectId, updatedAt: new Date() }).where(eq(ideas.id, idea.id));
  if (params.actor) {
    await recordAudit(db, {
      actorAccountId: params.actor.accountId,
      action: "existingProjectId" in params ? "project.idea_linked" : "project.created",
      entityType: "project",
      entityId: projectId,
      details: { ideaId: idea.id },
      ipAddress: params.actor.ipAddress,
    });
  }
  return { ok: true, projectId };
}

/**
 * A project the committee creates directly (not from an idea). Starts "planned". A repeated
 * `submissionToken` (the same form posted twice) creates nothing and answers the first one's id.
 */
export async function createProject(db: Database, actor: ProjectActor, input: ProjectInput, submissionToken: string | null = null): Promise<ProjectResult> {
  const errors = await projectInputProblems(db, input);
  if (hasErrors(errors)) return { ok: false, fieldErrors: errors };
  return db.transaction(async (tx) => {
    const { status: inserted, projectId } = await insertSubmittedProject(tx, {
      planId: input.planId,
      nameTh: input.nameTh.trim(),
      nameEn: (input.nameEn ?? "").trim(),
      descriptionTh: (input.descriptionTh ?? "").trim(),
      ownerPersonId: input.ownerPersonId,
      budget: input.budget,
      startDate: input.startDate,
      endDate: input.endDate,
      progress: 0,
      status: "planned",
      fiscalYear: null,
      submissionToken,
    });
    if (inserted === "duplicate") return { ok: true as const, projectId };
    await setProjectMembers(tx, projectId, input.memberPersonIds ?? [], input.ownerPersonId);
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "project.created",
      entityType: "project",
      entityId: projectId,
      details: { nameTh: input.nameTh.trim() },
      ipAddress: actor.ipAddress,
    });
    return { ok: true as const, projectId };
  });
}

/** Thrown inside a transaction to undo it when a stage move the change needs is refused. */
export class StageMoveRefused extends Error {
  constructor(
    readonly ideaId: number,
    readonly problem: string,
  ) {
    super(`idea ${ideaId}: move refused (${problem})`);
  }
}

/** Move an idea along by the system, in the name of the committee member acting; throws if refused. */
export async function systemMove(
  tx: Database,
  actor: ProjectActor,
  params: { ideaId: number; from: IdeaStage; to: IdeaStage; reason: MessageKey },
): Promise<void> {
  const result = await moveIdea(tx, {
    ideaId: params.ideaId,
    expectedFromStage: params.from,
    toStage: params.to,
    actor: { kind: "system", accountId: actor.accountId, personId: actor.personId },
    reason: translate("th", params.reason),
  });
  if (!result.ok) throw new StageMoveRefused(params.ideaId, String(result.problem));
}

/** Start the project's approved ideas (approved → in progress): the project is under way. */
export async function startApprovedIdeas(tx: Database, actor: ProjectActor, projectId: number): Promise<number> {
  const ideaRows = await lockProjectIdeas(tx, projectId);
  let moved = 0;
  for (const idea of ideaRows.filter((row) => row.stage === "approved")) {
    await systemMove(tx, actor, { ideaId: idea.id, from: "approved", to: "in_progress", reason: "projects.reason.projectStarted" });
    moved++;
  }
  return moved;
}

/**
 * When the project was completed: the day it was set to completed (kept while it stays
 * completed), none once it is set to anything else. The quarterly report counts completions by it.
 */
export function projectCompletedOn(before: { status: ProjectStatus; completedOn: string | null }, status: ProjectStatus, today: string): string | null {
  if (status !== "completed") return null;
  return before.status === "completed" && before.completedOn !== null ? before.completedOn : today;
}

/**
 * The committee changes a project: owner, team, budget, dates, progress, status. When the
 * project is active, its fiscal year is that of its start and its ideas still "approved" move
 * to "in progress" (by the system, recorded). All or nothing.
 *
 * `version` is the version the edit form showed: when someone saved the project since, nothing
 * is written and the answer is "conflict" (the form's "version" is null when it carried none or
 * a bad one: refused the same way). Left out (a script, a test), the save is not checked.
 */
export async function updateProject(
  db: Database,
  actor: ProjectActor,
  projectId: number,
  input: ProjectUpdateInput,
  options: { version?: number | null; now?: Date } = {},
): Promise<ProjectResult | "notFound" | "conflict"> {
  try {
    return await db.transaction(async (tx) => {
      const project = await lockProject(tx, projectId);
      if (!project) return "notFound" as const;
      if (options.version !== undefined && options.version !== project.version) return "conflict" as const;
      const errors = await projectInputProblems(tx, input, { update: input });
      // A delivered innovation proves the project started (deliverInnovation makes a planned one
      // active): back to planned it would count in no year while its innovation still counts.
      if (!errors.status && input.status === "planned" && (await countProjectInnovations(tx, projectId)) > 0) {
        errors.status = "projects.error.deliveredNotPlanned";
      }
      // Nor can it start after it delivered: the rule deliverInnovation keeps for a planned project
      // (its start moves back to the delivery), seen from the start date. The project row is locked,
      // and deliverInnovation locks it too, so no delivery slips in meanwhile.
      if (!errors.startDate && input.startDate !== null) {
        const firstDelivery = await earliestDeliveryOn(tx, projectId);
        if (firstDelivery !== null && input.startDate > firstDelivery) errors.startDate = "projects.error.startAfterDelivery";
      }
      if (hasErrors(errors)) return { ok: false as const, fieldErrors: errors };
      const { fiscalCalendar } = await getAppSettings(tx);
      const status = input.status as ProjectStatus;
      const fiscalYear = projectFiscalYear(status, input.startDate, project.fiscalYear, fiscalCalendar);
      const completedOn = projectCompletedOn(project, status, await organisationToday(tx, options.now ?? new Date()));
      // Compare-and-set: the version in the WHERE, so a save that slipped past the check still cannot overwrite.
      const written = await updateProjectIfVersion(tx, projectId, project.version, {
        planId: input.planId,
        nameTh: input.nameTh.trim(),
        nameEn: (input.nameEn ?? "").trim(),
        descriptionTh: (input.descriptionTh ?? "").trim(),
        ownerPersonId: input.ownerPersonId,
        budget: input.budget,
        startDate: input.startDate,
        endDate: input.endDate,
        progress: input.progress as number,
        status,
        fiscalYear,
        completedOn,
      });
      if (!written) return "conflict" as const;
      await setProjectMembers(tx, projectId, input.memberPersonIds ?? [], input.ownerPersonId);
      const started = status === "active" ? await startApprovedIdeas(tx, actor, projectId) : 0;
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: "project.updated",
        entityType: "project",
        entityId: projectId,
        details: {
          before: { status: project.status, progress: project.progress, startDate: project.startDate, endDate: project.endDate, ownerPersonId: project.ownerPersonId },
          after: { status, progress: input.progress, startDate: input.startDate, endDate: input.endDate, ownerPersonId: input.ownerPersonId },
          ideasStarted: started,
        },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, projectId };
    });
  } catch (error) {
    if (error instanceof StageMoveRefused) return { ok: false, fieldErrors: { status: "projects.error.moveRefused" } };
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Milestones

export type MilestoneFieldErrors = Partial<Record<"title" | "dueDate" | "doneOn", MessageKey>>;
export type MilestoneValues = { title: string; dueDate: string; doneOn: string };
export type MilestoneResult = { ok: true } | { ok: false; fieldErrors: MilestoneFieldErrors } | "notFound";

export function milestoneFormValues(formData: FormData): MilestoneValues {
  const text = (name: string, max: number) => String(formData.get(name) ?? "").slice(0, max);
  return { title: text("title", PROJECT_LIMITS.milestoneTitleMax * 2), dueDate: text("dueDate", 20), doneOn: text("doneOn", 20) };
}

function parseMilestone(values: MilestoneValues, today: string): { ok: true; title: string; dueDate: string | null; doneOn: string | null } | { ok: false; fieldErrors: MilestoneFieldErrors } {
  const fieldErrors: MilestoneFieldErrors = {};
  const title = values.title.normalize("NFC").trim();
  const titleError = textLengthError(title, PROJECT_LIMITS.milestoneTitleMin, PROJECT_LIMITS.milestoneTitleMax, true);
  if (titleError) fieldErrors.title = titleError;
  const dueDate = parseDateField(values.dueDate);
  if (!dueDate.ok) fieldErrors.dueDate = dueDate.error;
  const doneOn = parseDateField(values.doneOn);
  if (!doneOn.ok) fieldErrors.doneOn = doneOn.error;
  else if (doneOn.date !== null && doneOn.date > today) fieldErrors.doneOn = "projects.error.dateInFuture";
  if (hasErrors(fieldErrors) || !dueDate.ok || !doneOn.ok) return { ok: false, fieldErrors };
  return { ok: true, title, dueDate: dueDate.date, doneOn: doneOn.date };
}

/** Add a milestone. A repeated `submissionToken` (the same form posted twice) adds nothing more. */
export async function addMilestone(
  db: Database,
  actor: ProjectActor,
  projectId: number,
  values: MilestoneValues,
  now: Date = new Date(),
  submissionToken: string | null = null,
): Promise<MilestoneResult> {
  const parsed = parseMilestone(values, await organisationToday(db, now));
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    if (!(await lockProject(tx, projectId))) return "notFound" as const;
    const { status, milestoneId } = await insertMilestone(tx, { projectId, title: parsed.title, dueDate: parsed.dueDate, submissionToken });
    if (status === "duplicate") return { ok: true as const };
    if (parsed.doneOn !== null) await updateMilestoneColumns(tx, milestoneId, { doneOn: parsed.doneOn });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "project.milestone_added",
      entityType: "project",
      entityId: projectId,
      details: { milestoneId, title: parsed.title },
      ipAddress: actor.ipAddress,
    });
    return { ok: true as const };
  });
}

/**
 * The committee changes a milestone from its edit form. `version` is the version the form showed
 * (null: it carried none or a bad one): when someone changed the milestone since (edited, marked
 * done, reopened), nothing is written and the answer is "conflict". Left out (a script, a test),
 * the save is not checked.
 */
export async function editMilestone(
  db: Database,
  actor: ProjectActor,
  params: { projectId: number; milestoneId: number; values: MilestoneValues; version?: number | null },
  now: Date = new Date(),
): Promise<MilestoneResult | "conflict"> {
  const parsed = parseMilestone(params.values, await organisationToday(db, now));
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const milestone = await getMilestone(tx, params.projectId, params.milestoneId);
    if (!milestone) return "notFound" as const;
    if (params.version !== undefined && params.version !== milestone.version) return "conflict" as const;
    // Compare-and-set: the version in the WHERE, so a save that slipped past the check (a
    // concurrent one read the same version) still cannot overwrite: the later UPDATE matches no row.
    const written = await updateMilestoneIfVersion(tx, milestone.id, milestone.version, { title: parsed.title, dueDate: parsed.dueDate, doneOn: parsed.doneOn });
    if (!written) return "conflict" as const;
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "project.milestone_changed",
      entityType: "project",
      entityId: params.projectId,
      details: { milestoneId: milestone.id, before: { title: milestone.title, dueDate: milestone.dueDate, doneOn: milestone.doneOn }, after: parsed },
      ipAddress: actor.ipAddress,
    });
    return { ok: true as const };
  });
}

/** Mark a milestone done today (or undo it). */
export async function setMilestoneDone(
  db: Database,
  actor: ProjectActor,
  params: { projectId: number; milestoneId: number; done: boolean },
  now: Date = new Date(),
): Promise<MilestoneResult> {
  const today = await organisationToday(db, now);
  return db.transaction(async (tx) => {
    const milestone = await getMilestone(tx, params.projectId, params.milestoneId);
    if (!milestone) return "notFound" as const;
    await updateMilestoneColumns(tx, milestone.id, { doneOn: params.done ? (milestone.doneOn ?? today) : null });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: params.done ? "project.milestone_done" : "project.milestone_reopened",
      entityType: "project",
      entityId: params.projectId,
      details: { milestoneId: milestone.id },
      ipAddress: actor.ipAddress,
    });
    return { ok: true as const };
  });
}

export async function removeMilestone(
  db: Database,
  actor: ProjectActor,
  params: { projectId: number; milestoneId: number },
): Promise<MilestoneResult> {
  return db.transaction(async (tx) => {
    const milestone = await getMilestone(tx, params.projectId, params.milestoneId);
    if (!milestone) return "notFound" as const;
    await deleteMilestone(tx, milestone.id);
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "project.milestone_removed",
      entityType: "project",
      entityId: params.projectId,
      details: { milestoneId: milestone.id, title: milestone.title },
      ipAddress: actor.ipAddress,
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------
// Choices for the project form

/**
 * Plan items grouped by strategy, and the staff employed today in Thai order (plus anyone in
 * `includePersonIds`, e.g. a past owner who has since left, so an edit does not lose them) while
 * they are STAFF_DATALIST_LIMIT or fewer; above that `staffListed` is false and no one is sent:
 * the owner and team are typed.
 */
export async function loadProjectFormOptions(
  db: Database,
  params: { locale: "th" | "en"; today: string; includePersonIds?: number[] },
): Promise<{ planOptions: ProjectPlanOption[]; staffOptions: ProjectStaffOption[]; staffListed: boolean }> {
  const [tree, staff] = await Promise.all([getPlanTree(db), loadStaffChoices(db, { day: params.today, includePersonIds: params.includePersonIds })]);
  const name = (item: { nameTh: string; nameEn: string }) => (params.locale === "en" && item.nameEn) || item.nameTh;
  const planOptions = tree.map((strategy) => ({
    strategyCode: strategy.code,
    strategyName: name(strategy),
    plans: strategy.plans.map((plan) => ({ id: plan.id, code: plan.code, name: name(plan) })),
  }));
  const staffOptions = staff.staff.map((person) => ({ code: person.employeeCode, name: person.name }));
  return { planOptions, staffOptions, staffListed: staff.listed };
}
