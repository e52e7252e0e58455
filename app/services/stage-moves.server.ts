import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { accounts, ideaStageEvents, ideas, people } from "../../db/schema";
import type { IdeaStage } from "../domain/idea-stages";
import {
  MEETING_LIMITS,
  REASON_MAX_LENGTH,
  checkMove,
  parseMeetingCitation,
  type MeetingCitation,
  type MoveProblemField,
  type PipelineActor,
} from "../domain/pipeline";
import { parseRecordId } from "../domain/record-id";
import type { MessageKey } from "../i18n/messages.server";
import { recordAudit } from "../models/audit.server";
import { notifyIdeaAuthors } from "../models/notifications.server";
import { personNameEn, personNameTh } from "../models/people-sql.server";
import { createProjectForIdea, emptyProjectFormValues, parseProjectForm, type ProjectFieldErrors, type ProjectInput } from "./projects.server";

export type MoveActor = { accountId: string | null; personId: number | null; kind: PipelineActor; ipAddress?: string | null };

/** The project an approval creates, or the existing project it is linked to (part 2 makes it). */
export type ProjectChoice = { project: ProjectInput } | { existingProjectId: number };

export type MoveParams = {
  ideaId: number;
  /** The stage the person saw: the move happens only if the idea is still there. */
  expectedFromStage: IdeaStage;
  toStage: IdeaStage;
  actor: MoveActor;
  reason?: string | null;
  meeting?: MeetingCitation | null;
  duplicateOfIdeaId?: number | null;
  /** Required to approve: created or linked in the same transaction as the move. */
  project?: ProjectChoice;
  now?: Date;
};

export type MoveResult =
  | { ok: true; eventId: number; projectId: number | null }
  | {
      ok: false;
      problem: MessageKey;
      field?: MoveProblemField;
      from?: IdeaStage;
      to?: IdeaStage;
      next?: IdeaStage;
      /** When someone else moved it first: where it is now, and who moved it (null: the system). */
      currentStage?: IdeaStage;
      movedBy?: string | null;
      /** The mover's English name, null without one (English readers see it, PRODUCT.md §5). */
      movedByEn?: string | null;
      /** Field errors from creating or linking the project. */
      projectErrors?: ProjectFieldErrors;
    };

/** Thrown inside the transaction to roll the move back when the project could not be made. */
class ProjectRefused extends Error {
  constructor(readonly errors: ProjectFieldErrors) {
    super("project refused");
  }
}

/**
 * Move an idea to another stage, as one transaction: the move itself (only from the stage the
 * person saw — optimistic concurrency, so of two people moving at once one wins and the other
 * is told who moved it), the stage event with its reason and meeting citation, what a duplicate
 * carries over to its original, the project an approval needs, the authors' notifications and
 * the audit entry. A refused move changes nothing.
 */
export async function moveIdea(db: Database, params: MoveParams): Promise<MoveResult> {
  const reason = (params.reason ?? "").normalize("NFC").trim();
  const { ideaId, toStage } = params;
  const fromStage = params.expectedFromStage;
  const duplicateOfIdeaId = toStage === "duplicate" ? (params.duplicateOfIdeaId ?? null) : null;
  try {
    return await db.transaction(async (tx): Promise<MoveResult> => {
      let original: { id: number; stage: IdeaStage } | null | undefined;
      if (duplicateOfIdeaId !== null) {
        // Both rows locked in id order, so two ideas marked duplicates of each other at once
        // cannot deadlock, and the original cannot change while its duplicate is attached.
        const locked = await tx
          .select({ id: ideas.id, stage: ideas.stage })
          .from(ideas)
          .where(inArray(ideas.id, [...new Set([ideaId, duplicateOfIdeaId])]))
          .orderBy(asc(ideas.id))
          .for("update");
        original = locked.find((row) => row.id === duplicateOfIdeaId) ?? null;
      }
      const check = checkMove({
        from: fromStage,
        to: toStage,
        actor: params.actor.kind,
        reason,
        ideaId,
        duplicateOfIdeaId,
        original,
        hasProject: params.project !== undefined,
      });
      if (!check.ok) return { ok: false, problem: check.problem, field: check.field, from: check.from, to: check.to, next: check.next };

      const now = params.now ?? new Date();
      const moved = await tx
        .update(ideas)
        .set({ stage: toStage, stageChangedAt: now, updatedAt: now, ...(duplicateOfIdeaId !== null ? { duplicateOfIdeaId } : {}) })
        .where(and(eq(ideas.id, ideaId), eq(ideas.stage, fromStage)))
        .returning({ id: ideas.id });
      if (moved.length === 0) return whyNotMoved(tx, ideaId);

      const meeting = params.meeting ?? null;
      const [event] = await tx
        .insert(ideaStageEvents)
        .values({
          ideaId,
          fromStage,
          toStage,
          byAccountId: params.actor.accountId,
          reason,
          meetingNumber: meeting?.number ?? null,
          meetingDate: meeting?.date ?? null,
          resolutionText: meeting ? meeting.resolution || null : null,
          at: now,
        })
        .returning({ id: ideaStageEvents.id });

      const carried = duplicateOfIdeaId !== null ? await carryOverToOriginal(tx, ideaId, duplicateOfIdeaId) : null;

      let projectId: number | null = null;
      if (toStage === "approved" && params.project) {
        const { accountId, personId, ipAddress } = params.actor;
        const created = await createProjectForIdea(tx, {
          ideaId,
          ...params.project,
          ...(accountId !== null && personId !== null ? { actor: { accountId, personId, ipAddress: ipAddress ?? undefined } } : {}),
        });
        // A refused project undoes the whole move.
        if (!created.ok) throw new ProjectRefused(created.fieldErrors);
        projectId = created.projectId;
      }

      await notifyIdeaAuthors(tx, {
        ideaId,
        kind: toStage === "duplicate" ? "marked_duplicate" : "stage_changed",
        actorPersonId: params.actor.personId,
        payload: { from: fromStage, to: toStage, ...(duplicateOfIdeaId !== null ? { duplicateOfIdeaId } : {}) },
        includeFollowers: true,
      });
      await recordAudit(tx, {
        actorAccountId: params.actor.accountId,
        action: "idea.stage_changed",
        entityType: "idea",
        entityId: ideaId,
        details: {
          from: fromStage,
          to: toStage,
          by: params.actor.kind,
          ...(reason ? { reason } : {}),
          ...(meeting ? { meeting } : {}),
          ...(duplicateOfIdeaId !== null ? { duplicateOfIdeaId, ...carried } : {}),
          ...(projectId !== null ? { projectId } : {}),
        },
        ipAddress: params.actor.ipAddress ?? null,
      });
      return { ok: true, eventId: event.id, projectId };
    });
  } catch (error) {
    if (error instanceof ProjectRefused) {
      return { ok: false, problem: "pipeline.error.projectRequired", field: "project", from: fromStage, to: toStage, projectErrors: error.errors };
    }
    throw error;
  }
}

/** The idea was not where the person saw it: say where it is now and who moved it. */
async function whyNotMoved(db: Database, ideaId: number): Promise<MoveResult> {
  const [idea] = await db.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId));
  if (!idea) return { ok: false, problem: "pipeline.error.notFound" };
  const [last] = await db
    .select({
      byAccountId: ideaStageEvents.byAccountId,
      nameTh: personNameTh() as SQL<string | null>,
      nameEn: personNameEn(),
    })
    .from(ideaStageEvents)
    .leftJoin(accounts, eq(accounts.id, ideaStageEvents.byAccountId))
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(eq(ideaStageEvents.ideaId, ideaId))
    .orderBy(desc(ideaStageEvents.at), desc(ideaStageEvents.id))
    .limit(1);
  return { ok: false, problem: "pipeline.error.movedByOther", currentStage: idea.stage, movedBy: last?.nameTh ?? null, movedByEn: last?.nameEn ?? null };
}

/**
 * A duplicate's votes move to its original: copied where the voter has not voted on the
 * original already (the primary key keeps one per person) and is not one of its authors, then
 * removed from the duplicate; both counters are recounted from the rows. Followers are copied.
 */
async function carryOverToOriginal(db: Database, ideaId: number, originalId: number): Promise<{ votesMoved: number; followersAdded: number }> {
  const votes = await db.execute(sql`
    insert into idea_votes (idea_id, person_id, created_at)
    select ${originalId}, v.person_id, v.created_at from idea_votes v
    where v.idea_id = ${ideaId}
      and not exists (select 1 from idea_authors a where a.idea_id = ${originalId} and a.person_id = v.person_id)
    on conflict do nothing
    returning person_id`);
  await db.execute(sql`delete from idea_votes where idea_id = ${ideaId}`);
  await db.execute(sql`
    update ideas set vote_count = (select count(*) from idea_votes v where v.idea_id = ideas.id)
    where id in (${ideaId}, ${originalId})`);
  const followers = await db.execute(sql`
    insert into idea_followers (idea_id, person_id)
    select ${originalId}, f.person_id from idea_followers f where f.idea_id = ${ideaId}
    on conflict do nothing
    returning person_id`);
  return { votesMoved: rowCount(votes), followersAdded: rowCount(followers) };
}

function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  return ((result as { rows?: unknown[] }).rows ?? []).length;
}

// ---------------------------------------------------------------------------
// The committee's move form: what was typed (kept as typed) and its parse

export type MoveFormValues = {
  reason: string;
  meetingNumber: string;
  meetingDate: string;
  meetingResolution: string;
  duplicateOfIdeaId: string;
  originalQuery: string;
  projectMode: "new" | "existing";
  nameTh: string;
  planId: string;
  /** As typed: "LS012", "LS012 นายสมชาย ใจดี" or a name (see person-lookup.server). */
  owner: string;
  budget: string;
  startDate: string;
  endDate: string;
  existingProjectId: string;
};

export type MoveFieldErrors = Partial<Record<keyof MoveFormValues | "project", MessageKey>>;

export function emptyMoveFormValues(): MoveFormValues {
  return {
    reason: "",
    meetingNumber: "",
    meetingDate: "",
    meetingResolution: "",
    duplicateOfIdeaId: "",
    originalQuery: "",
    projectMode: "new",
    nameTh: "",
    planId: "",
    owner: "",
    budget: "",
    startDate: "",
    endDate: "",
    existingProjectId: "",
  };
}

export function moveFormValues(formData: FormData): MoveFormValues {
  const text = (name: string, max: number) => String(formData.get(name) ?? "").slice(0, max);
  return {
    reason: text("reason", REASON_MAX_LENGTH * 2),
    meetingNumber: text("meetingNumber", MEETING_LIMITS.numberMax * 2),
    meetingDate: text("meetingDate", 20),
    meetingResolution: text("meetingResolution", MEETING_LIMITS.resolutionMax * 2),
    duplicateOfIdeaId: text("duplicateOfIdeaId", 12),
    originalQuery: text("originalQuery", 200),
    projectMode: formData.get("projectMode") === "existing" ? "existing" : "new",
    nameTh: text("nameTh", 400),
    planId: text("planId", 12),
    owner: text("owner", 200),
    budget: text("budget", 40),
    startDate: text("startDate", 20),
    endDate: text("endDate", 20),
    existingProjectId: text("existingProjectId", 12),
  };
}

/**
 * Read a move form for a move to `toStage`: the meeting citation, the original of a duplicate
 * and the project of an approval (its owner typed, and on the staff `today`). What cannot be
 * read comes back as field errors; the rules themselves (reason required, original allowed,
 * project complete) are checked by moveIdea.
 */
export async function parseMoveForm(
  db: Database,
  values: MoveFormValues,
  params: { toStage: IdeaStage; today: string },
): Promise<{ ok: true; reason: string; meeting: MeetingCitation | null; duplicateOfIdeaId: number | null; project?: ProjectChoice } | { ok: false; fieldErrors: MoveFieldErrors }> {
  const fieldErrors: MoveFieldErrors = {};
  const meeting = parseMeetingCitation({ number: values.meetingNumber, date: values.meetingDate, resolution: values.meetingResolution }, params.today);
  if (!meeting.ok) Object.assign(fieldErrors, meeting.errors);
  if (values.reason.length > REASON_MAX_LENGTH) fieldErrors.reason = "pipeline.error.reasonTooLong";
  let duplicateOfIdeaId: number | null = null;
  if (params.toStage === "duplicate" && values.duplicateOfIdeaId !== "") {
    duplicateOfIdeaId = parseRecordId(values.duplicateOfIdeaId.trim());
    if (duplicateOfIdeaId === null) fieldErrors.duplicateOfIdeaId = "pipeline.error.originalUnknown";
  }
  let project: ProjectChoice | undefined;
  if (params.toStage === "approved") {
    if (values.projectMode === "existing") {
      const existingProjectId = parseRecordId(values.existingProjectId.trim());
      if (existingProjectId === null) fieldErrors.existingProjectId = values.existingProjectId.trim() ? "pipeline.project.existingUnknown" : "pipeline.project.required";
      else project = { existingProjectId };
    } else {
      const parsed = await parseProjectForm(
        db,
        {
          ...emptyProjectFormValues(),
          nameTh: values.nameTh,
          planId: values.planId,
          owner: values.owner,
          budget: values.budget,
          startDate: values.startDate,
          endDate: values.endDate,
        },
        { today: params.today },
      );
      const { nameTh, planId, owner, budget, startDate, endDate } = parsed.fieldErrors;
      Object.assign(fieldErrors, Object.fromEntries(Object.entries({ nameTh, planId, owner, budget, startDate, endDate }).filter(([, value]) => value)));
      const { input } = parsed;
      project = {
        project: {
          nameTh: input.nameTh,
          planId: input.planId,
          ownerPersonId: input.ownerPersonId,
          budget: input.budget,
          startDate: input.startDate,
          endDate: input.endDate,
        },
      };
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !meeting.ok) return { ok: false, fieldErrors };
  return { ok: true, reason: values.reason.normalize("NFC").trim(), meeting: meeting.meeting, duplicateOfIdeaId, project };
}

/** A refused move's errors, placed on the form's fields (project errors under their field names). */
export function moveFieldErrors(result: Extract<MoveResult, { ok: false }>): MoveFieldErrors {
  const errors: MoveFieldErrors = {};
  if (result.field === "reason") errors.reason = result.problem;
  if (result.field === "duplicateOf") errors.duplicateOfIdeaId = result.problem;
  if (result.field === "project") {
    const projectErrors = result.projectErrors ?? {};
    const fields = ["nameTh", "planId", "owner", "budget", "startDate", "endDate", "existingProjectId"] as const;
    for (const field of fields) if (projectErrors[field]) errors[field] = projectErrors[field];
    const shown = fields.some((field) => projectErrors[field]);
    if (!shown) errors.project = projectErrors.ideaId ?? result.problem;
  }
  return errors;
}
