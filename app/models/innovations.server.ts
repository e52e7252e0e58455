import { and, asc, count, desc, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import {
  ideaAuthors,
  ideaStageEvents,
  ideas,
  innovationFollowUps,
  innovations,
  people,
  plans,
  projects,
  type IpStatus,
  type ProjectStatus,
} from "../../db/schema";
import type { IdeaStage } from "../domain/idea-stages";
import { accountHolderNames, personNameEn, personNameTh } from "./people-sql.server";
import type { PersonRef } from "./projects.server";

export type InnovationColumns = {
  nameTh: string;
  nameEn: string;
  description: string;
  deliveredOn: string;
  fiscalYear: number;
  beneficiaries: string;
  ipStatus: IpStatus;
  ipNumber: string;
  ipFiledOn: string | null;
  ipGrantedOn: string | null;
};

export async function countProjectInnovations(db: Database, projectId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(innovations).where(eq(innovations.projectId, projectId));
  return Number(row?.n ?? 0);
}

/**
 * Record an innovation. With a submission token the first insert wins (unique constraint, even
 * for posts at the same moment): a repeat answers "duplicate" with the first one's id.
 */
export async function insertInnovation(
  db: Database,
  values: InnovationColumns & { projectId: number; createdByAccountId: string | null; submissionToken?: string | null },
): Promise<{ status: "created" | "duplicate"; innovationId: number }> {
  const [row] = await db
    .insert(innovations)
    .values({ ...values, submissionToken: values.submissionToken ?? null })
    .onConflictDoNothing({ target: innovations.submissionToken })
    .returning({ id: innovations.id });
  if (row) return { status: "created", innovationId: row.id };
  const [existing] = await db.select({ id: innovations.id }).from(innovations).where(eq(innovations.submissionToken, values.submissionToken ?? ""));
  return { status: "duplicate", innovationId: existing.id };
}

/**
 * The edit form's save: written only if the innovation is still at `version` (what the form
 * showed), and the version goes up by one. False: someone saved it meanwhile, nothing written.
 */
export async function updateInnovationIfVersion(db: Database, innovationId: number, version: number, values: InnovationColumns): Promise<boolean> {
  const rows = await db
    .update(innovations)
    .set({ ...values, version: sql`${innovations.version} + 1` })
    .where(and(eq(innovations.id, innovationId), eq(innovations.version, version)))
    .returning({ id: innovations.id });
  return rows.length === 1;
}

/** The project an innovation belongs to (it never changes), or null when there is no such innovation. */
export async function projectIdOfInnovation(db: Database, innovationId: number): Promise<number | null> {
  const [row] = await db.select({ projectId: innovations.projectId }).from(innovations).where(eq(innovations.id, innovationId));
  return row?.projectId ?? null;
}

export async function lockInnovation(db: Database, innovationId: number) {
  const [row] = await db.select().from(innovations).where(eq(innovations.id, innovationId)).for("update");
  return row ?? null;
}

/** Who recorded something, by the account they used: `byNameTh` and `byNameEn` (null without an English name). */
const byAccountNames = (accountColumn: SQLWrapper) => {
  const names = accountHolderNames(accountColumn);
  return { byNameTh: names.nameTh, byNameEn: names.nameEn };
};

export type FollowUpRow = {
  id: number;
  reportedOn: string;
  observation: string;
  beneficiaries: string;
  createdAt: Date;
  byNameTh: string | null;
  byNameEn: string | null;
};

export type InnovationDetail = InnovationColumns & {
  id: number;
  createdAt: Date;
  /** Raised by every save: the edit form carries it so a stale save is refused. */
  version: number;
  byNameTh: string | null;
  byNameEn: string | null;
  project: { id: number; code: string | null; nameTh: string; nameEn: string; status: ProjectStatus; planCode: string | null };
  followUps: FollowUpRow[];
};

export async function getInnovationDetail(db: Database, innovationId: number): Promise<InnovationDetail | null> {
  const [row] = await db
    .select({
      innovation: innovations,
      ...byAccountNames(innovations.createdByAccountId),
      projectCode: projects.code,
      projectNameTh: projects.nameTh,
      projectNameEn: projects.nameEn,
      projectStatus: projects.status,
      planCode: plans.code,
    })
    .from(innovations)
    .innerJoin(projects, eq(projects.id, innovations.projectId))
    .leftJoin(plans, eq(plans.id, projects.planId))
    .where(eq(innovations.id, innovationId));
  if (!row) return null;
  const innovation = row.innovation;
  return {
    id: innovation.id,
    nameTh: innovation.nameTh,
    nameEn: innovation.nameEn,
    description: innovation.description,
    deliveredOn: innovation.deliveredOn,
    fiscalYear: innovation.fiscalYear,
    beneficiaries: innovation.beneficiaries,
    ipStatus: innovation.ipStatus,
    ipNumber: innovation.ipNumber,
    ipFiledOn: innovation.ipFiledOn,
    ipGrantedOn: innovation.ipGrantedOn,
    createdAt: innovation.createdAt,
    version: innovation.version,
    byNameTh: row.byNameTh,
    byNameEn: row.byNameEn,
    project: {
      id: innovation.projectId,
      code: row.projectCode,
      nameTh: row.projectNameTh,
      nameEn: row.projectNameEn,
      status: row.projectStatus,
      planCode: row.planCode,
    },
    followUps: await listFollowUps(db, innovationId),
  };
}

export async function listFollowUps(db: Database, innovationId: number): Promise<FollowUpRow[]> {
  return db
    .select({
      id: innovationFollowUps.id,
      reportedOn: innovationFollowUps.reportedOn,
      observation: innovationFollowUps.observation,
      beneficiaries: innovationFollowUps.beneficiaries,
      createdAt: innovationFollowUps.createdAt,
      ...byAccountNames(innovationFollowUps.createdByAccountId),
    })
    .from(innovationFollowUps)
    .where(eq(innovationFollowUps.innovationId, innovationId))
    .orderBy(asc(innovationFollowUps.reportedOn), asc(innovationFollowUps.id));
}

/** Record a follow-up report; a repeated submission token answers the first one's id ("duplicate"). */
export async function insertFollowUp(
  db: Database,
  values: { innovationId: number; reportedOn: string; observation: string; beneficiaries: string; createdByAccountId: string | null; submissionToken?: string | null },
): Promise<{ status: "created" | "duplicate"; followUpId: number }> {
  const [row] = await db
    .insert(innovationFollowUps)
    .values({ ...values, submissionToken: values.submissionToken ?? null })
    .onConflictDoNothing({ target: innovationFollowUps.submissionToken })
    .returning({ id: innovationFollowUps.id });
  if (row) return { status: "created", followUpId: row.id };
  const [existing] = await db
    .select({ id: innovationFollowUps.id })
    .from(innovationFollowUps)
    .where(eq(innovationFollowUps.submissionToken, values.submissionToken ?? ""));
  return { status: "duplicate", followUpId: existing.id };
}

export async function getFollowUp(db: Database, innovationId: number, followUpId: number) {
  const [row] = await db
    .select()
    .from(innovationFollowUps)
    .where(and(eq(innovationFollowUps.id, followUpId), eq(innovationFollowUps.innovationId, innovationId)));
  return row ?? null;
}

/** The delivery date of a project's earliest delivered innovation (ISO), or null when it has delivered none. */
export async function earliestDeliveryOn(db: Database, projectId: number): Promise<string | null> {
  const [row] = await db
    .select({ deliveredOn: innovations.deliveredOn })
    .from(innovations)
    .where(eq(innovations.projectId, projectId))
    .orderBy(asc(innovations.deliveredOn))
    .limit(1);
  return row?.deliveredOn ?? null;
}

/** The date of an innovation's earliest follow-up report (ISO), or null when it has none. */
export async function earliestFollowUpOn(db: Database, innovationId: number): Promise<string | null> {
  const [row] = await db
    .select({ reportedOn: innovationFollowUps.reportedOn })
    .from(innovationFollowUps)
    .where(eq(innovationFollowUps.innovationId, innovationId))
    .orderBy(asc(innovationFollowUps.reportedOn))
    .limit(1);
  return row?.reportedOn ?? null;
}

export async function deleteFollowUp(db: Database, followUpId: number): Promise<void> {
  await db.delete(innovationFollowUps).where(eq(innovationFollowUps.id, followUpId));
}

export type InnovationListRow = {
  id: number;
  nameTh: string;
  nameEn: string;
  deliveredOn: string;
  fiscalYear: number;
  ipStatus: IpStatus;
  projectId: number;
  projectNameTh: string;
  projectNameEn: string;
  followUpCount: number;
};

export async function listInnovations(db: Database, filters: { fiscalYear?: number; planId?: number }): Promise<InnovationListRow[]> {
  const conditions: SQL[] = [];
  if (filters.fiscalYear !== undefined) conditions.push(eq(innovations.fiscalYear, filters.fiscalYear));
  if (filters.planId !== undefined) conditions.push(eq(projects.planId, filters.planId));
  const rows = await db
    .select({
      id: innovations.id,
      nameTh: innovations.nameTh,
      nameEn: innovations.nameEn,
      deliveredOn: innovations.deliveredOn,
      fiscalYear: innovations.fiscalYear,
      ipStatus: innovations.ipStatus,
      projectId: projects.id,
      projectNameTh: projects.nameTh,
      projectNameEn: projects.nameEn,
      followUpCount: sql<number>`(select count(*)::int from ${innovationFollowUps} where ${innovationFollowUps.innovationId} = ${innovations.id})`,
    })
    .from(innovations)
    .innerJoin(projects, eq(projects.id, innovations.projectId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(innovations.deliveredOn), desc(innovations.id));
  return rows.map((row) => ({ ...row, followUpCount: Number(row.followUpCount) }));
}

export type TrailEvent = {
  id: number;
  fromStage: IdeaStage | null;
  toStage: IdeaStage;
  at: Date;
  reason: string;
  byNameTh: string | null;
  byNameEn: string | null;
  meetingNumber: string | null;
  meetingDate: string | null;
  resolutionText: string | null;
};

export type TrailIdea = {
  id: number;
  title: string;
  stage: IdeaStage;
  submittedAt: Date;
  fiscalYear: number;
  authors: PersonRef[];
  /** Step 1: the proposal (the submission). */
  submitted: TrailEvent | null;
  /** Step 2: the screening's result (the move out of screening). */
  screening: TrailEvent | null;
  /** Step 3: the presentation to the committee and its decision (the move to approved). */
  presentation: TrailEvent | null;
};

/** The ideas behind a project with the stage events that make steps 1–3 of the evidence trail. */
export async function trailIdeasOfProject(db: Database, projectId: number): Promise<TrailIdea[]> {
  const ideaRows = await db
    .select({ id: ideas.id, title: ideas.title, stage: ideas.stage, submittedAt: ideas.submittedAt, fiscalYear: ideas.fiscalYear })
    .from(ideas)
    .where(eq(ideas.projectId, projectId))
    .orderBy(asc(ideas.submittedAt), asc(ideas.id));
  if (ideaRows.length === 0) return [];
  const ideaIds = ideaRows.map((row) => row.id);
  const [authorRows, eventRows] = await Promise.all([
    db
      .select({
        ideaId: ideaAuthors.ideaId,
        isSubmitter: ideaAuthors.isSubmitter,
        personId: people.id,
        employeeCode: people.employeeCode,
        nameTh: personNameTh(),
        nameEn: personNameEn(),
      })
      .from(ideaAuthors)
      .innerJoin(people, eq(people.id, ideaAuthors.personId))
      .where(inArray(ideaAuthors.ideaId, ideaIds))
      .orderBy(desc(ideaAuthors.isSubmitter), asc(people.employeeCode)),
    db
      .select({
        ideaId: ideaStageEvents.ideaId,
        id: ideaStageEvents.id,
        fromStage: ideaStageEvents.fromStage,
        toStage: ideaStageEvents.toStage,
        at: ideaStageEvents.at,
        reason: ideaStageEvents.reason,
        ...byAccountNames(ideaStageEvents.byAccountId),
        meetingNumber: ideaStageEvents.meetingNumber,
        meetingDate: ideaStageEvents.meetingDate,
        resolutionText: ideaStageEvents.resolutionText,
      })
      .from(ideaStageEvents)
      .where(inArray(ideaStageEvents.ideaId, ideaIds))
      .orderBy(asc(ideaStageEvents.at), asc(ideaStageEvents.id)),
  ]);
  return ideaRows.map((idea) => {
    const events = eventRows.filter((event) => event.ideaId === idea.id).map(({ ideaId: _ideaId, ...event }) => event);
    const last = (predicate: (event: TrailEvent) => boolean) => events.filter(predicate).at(-1) ?? null;
    return {
      ...idea,
      authors: authorRows
        .filter((author) => author.ideaId === idea.id)
        .map((author) => ({
          personId: author.personId,
          employeeCode: author.employeeCode,
          nameTh: author.nameTh,
          nameEn: author.nameEn,
        })),
      submitted: events.find((event) => event.toStage === "submitted") ?? null,
      screening: last((event) => event.fromStage === "screening"),
      presentation: last((event) => event.toStage === "approved"),
    };
  });
}
