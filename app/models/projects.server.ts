import { and, asc, count, desc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import {
  ideas,
  innovations,
  people,
  plans,
  projectMembers,
  projectMilestones,
  projects,
  strategies,
  type ProjectStatus,
} from "../../db/schema";
import type { IdeaStage } from "../domain/idea-stages";
import { personNameEn, personNameTh } from "./people-sql.server";

export type PersonRef = { personId: number; employeeCode: string; nameTh: string; nameEn: string | null };

export type ProjectListFilters = { planId?: number; status?: ProjectStatus; fiscalYear?: number };

export type ProjectListRow = {
  id: number;
  code: string | null;
  nameTh: string;
  nameEn: string;
  status: ProjectStatus;
  progress: number;
  fiscalYear: number | null;
  startDate: string | null;
  endDate: string | null;
  planCode: string | null;
  planNameTh: string | null;
  planNameEn: string | null;
  ownerNameTh: string | null;
  /** The owner's English name, null without one (or without an owner). */
  ownerNameEn: string | null;
  ideaCount: number;
  innovationCount: number;
};

/** Projects matching the filters, with their plan item, owner and counts (sorted by the caller). */
export async function listProjects(db: Database, filters: ProjectListFilters): Promise<ProjectListRow[]> {
  const conditions: SQL[] = [];
  if (filters.planId !== undefined) conditions.push(eq(projects.planId, filters.planId));
  if (filters.status !== undefined) conditions.push(eq(projects.status, filters.status));
  if (filters.fiscalYear !== undefined) conditions.push(eq(projects.fiscalYear, filters.fiscalYear));
  const rows = await db
    .select({
      id: projects.id,
      code: projects.code,
      nameTh: projects.nameTh,
      nameEn: projects.nameEn,
      status: projects.status,
      progress: projects.progress,
      fiscalYear: projects.fiscalYear,
      startDate: projects.startDate,
      endDate: projects.endDate,
      planCode: plans.code,
      planNameTh: plans.nameTh,
      planNameEn: plans.nameEn,
      ownerNameTh: sql<string | null>`case when ${people.id} is null then null else ${personNameTh()} end`,
      ownerNameEn: personNameEn(),
      ideaCount: sql<number>`(select count(*)::int from ${ideas} where ${ideas.projectId} = ${projects.id})`,
      innovationCount: sql<number>`(select count(*)::int from ${innovations} where ${innovations.projectId} = ${projects.id})`,
    })
    .from(projects)
    .leftJoin(plans, eq(plans.id, projects.planId))
    .leftJoin(people, eq(people.id, projects.ownerPersonId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(projects.fiscalYear), asc(projects.id));
  return rows.map((row) => ({ ...row, ideaCount: Number(row.ideaCount), innovationCount: Number(row.innovationCount) }));
}

/** Projects started and innovations delivered per fiscal year (for the indicators of §6). */
export async function countsByFiscalYear(db: Database): Promise<{ fiscalYear: number; projects: number; innovations: number }[]> {
  const [projectRows, innovationRows] = await Promise.all([
    db
      .select({ fiscalYear: projects.fiscalYear, n: count() })
      .from(projects)
      .where(isNotNull(projects.fiscalYear))
      .groupBy(projects.fiscalYear),
    db.select({ fiscalYear: innovations.fiscalYear, n: count() }).from(innovations).groupBy(innovations.fiscalYear),
  ]);
  const byYear = new Map<number, { fiscalYear: number; projects: number; innovations: number }>();
  const entry = (year: number) => {
    let found = byYear.get(year);
    if (!found) {
      found = { fiscalYear: year, projects: 0, innovations: 0 };
      byYear.set(year, found);
    }
    return found;
  };
  for (const row of projectRows) entry(row.fiscalYear as number).projects = Number(row.n);
  for (const row of innovationRows) entry(row.fiscalYear).innovations = Number(row.n);
  return [...byYear.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/** Fiscal years that have a project or an innovation, for the filter. */
export async function projectFiscalYears(db: Database): Promise<number[]> {
  return (await countsByFiscalYear(db)).map((row) => row.fiscalYear);
}

/** `version`: raised by every change; the milestone's edit form carries it so a stale save is refused. */
export type MilestoneRow = { id: number; title: string; dueDate: string | null; doneOn: string | null; sortOrder: number; version: number };

export type ProjectDetail = {
  id: number;
  code: string | null;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  status: ProjectStatus;
  progress: number;
  budget: number | null;
  startDate: string | null;
  endDate: string | null;
  fiscalYear: number | null;
  createdAt: Date;
  updatedAt: Date;
  /** Raised by every save: the edit form carries it so a stale save is refused. */
  version: number;
  plan: { id: number; code: string; nameTh: string; nameEn: string; strategyCode: string } | null;
  owner: PersonRef | null;
  members: PersonRef[];
  milestones: MilestoneRow[];
  ideas: { id: number; title: string; stage: IdeaStage; submittedAt: Date }[];
  innovations: { id: number; nameTh: string; nameEn: string; deliveredOn: string; fiscalYear: number; ipStatus: string }[];
};

const personRefColumns = {
  personId: people.id,
  employeeCode: people.employeeCode,
  nameTh: personNameTh(),
  nameEn: personNameEn(),
};

function toPersonRef(row: PersonRef): PersonRef {
  return { personId: row.personId, employeeCode: row.employeeCode, nameTh: row.nameTh, nameEn: row.nameEn };
}

export async function getPersonRefs(db: Database, personIds: number[]): Promise<PersonRef[]> {
  if (personIds.length === 0) return [];
  const rows = await db.select(personRefColumns).from(people).where(inArray(people.id, personIds));
  return rows.map(toPersonRef);
}

export async function getProjectDetail(db: Database, projectId: number): Promise<ProjectDetail | null> {
  const [row] = await db
    .select({
      project: projects,
      planCode: plans.code,
      planNameTh: plans.nameTh,
      planNameEn: plans.nameEn,
      strategyCode: strategies.code,
    })
    .from(projects)
    .leftJoin(plans, eq(plans.id, projects.planId))
    .leftJoin(strategies, eq(strategies.id, plans.strategyId))
    .where(eq(projects.id, projectId));
  if (!row) return null;
  const project = row.project;
  const [owner, memberRows, milestones, ideaRows, innovationRows] = await Promise.all([
    project.ownerPersonId === null ? Promise.resolve([]) : getPersonRefs(db, [project.ownerPersonId]),
    db
      .select(personRefColumns)
      .from(projectMembers)
      .innerJoin(people, eq(people.id, projectMembers.personId))
      .where(eq(projectMembers.projectId, projectId)),
    listMilestones(db, projectId),
    db
      .select({ id: ideas.id, title: ideas.title, stage: ideas.stage, submittedAt: ideas.submittedAt })
      .from(ideas)
      .where(eq(ideas.projectId, projectId))
      .orderBy(asc(ideas.submittedAt), asc(ideas.id)),
    db
      .select({
        id: innovations.id,
        nameTh: innovations.nameTh,
        nameEn: innovations.nameEn,
        deliveredOn: innovations.deliveredOn,
        fiscalYear: innovations.fiscalYear,
        ipStatus: innovations.ipStatus,
      })
      .from(innovations)
      .where(eq(innovations.projectId, projectId))
      .orderBy(asc(innovations.deliveredOn), asc(innovations.id)),
  ]);
  return {
    id: project.id,
    code: project.code,
    nameTh: project.nameTh,
    nameEn: project.nameEn,
    descriptionTh: project.descriptionTh,
    status: project.status,
    progress: project.progress,
    version: project.version,
    budget: project.budget === null ? null : Number(project.budget),
    startDate: project.startDate,
    endDate: project.endDate,
    fiscalYear: project.fiscalYear,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    plan: row.planCode
      ? { id: project.planId as number, code: row.planCode, nameTh: row.planNameTh ?? "", nameEn: row.planNameEn ?? "", strategyCode: row.strategyCode ?? "" }
      : null,
    owner: owner[0] ?? null,
    members: memberRows.map(toPersonRef),
    milestones,
    ideas: ideaRows,
    innovations: innovationRows,
  };
}

export async function listMilestones(db: Database, projectId: number): Promise<MilestoneRow[]> {
  return db
    .select({
      id: projectMilestones.id,
      title: projectMilestones.title,
      dueDate: projectMilestones.dueDate,
      doneOn: projectMilestones.doneOn,
      sortOrder: projectMilestones.sortOrder,
      version: projectMilestones.version,
    })
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(asc(projectMilestones.sortOrder), asc(projectMilestones.id));
}

/** The project row, locked until the transaction ends (moves and deliveries queue behind it). */
export async function lockProject(db: Database, projectId: number) {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId)).for("update");
  return row ?? null;
}

export type ProjectColumns = {
  planId: number | null;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  ownerPersonId: number | null;
  budget: number | null;
  startDate: string | null;
  endDate: string | null;
  progress: number;
  status: ProjectStatus;
  fiscalYear: number | null;
  completedOn?: string | null;
};

export async function insertProject(db: Database, values: ProjectColumns & { code?: string | null }): Promise<number> {
  const [row] = await db.insert(projects).values(values).returning({ id: projects.id });
  return row.id;
}

/**
 * Insert a project from the new-project form. With a submission token the first insert wins
 * (the unique constraint says so, even for posts at the same moment): a repeat answers
 * "duplicate" with the first one's id and writes nothing.
 */
export async function insertSubmittedProject(
  db: Database,
  values: ProjectColumns & { submissionToken: string | null },
): Promise<{ status: "created" | "duplicate"; projectId: number }> {
  const [row] = await db.insert(projects).values(values).onConflictDoNothing({ target: projects.submissionToken }).returning({ id: projects.id });
  if (row) return { status: "created", projectId: row.id };
  const [existing] = await db.select({ id: projects.id }).from(projects).where(eq(projects.submissionToken, values.submissionToken ?? ""));
  return { status: "duplicate", projectId: existing.id };
}

/** A change to a project besides its edit form (a delivery starts it): an open edit form becomes stale. */
export async function updateProjectColumns(db: Database, projectId: number, values: Partial<ProjectColumns>): Promise<void> {
  await db
    .update(projects)
    .set({ ...values, updatedAt: new Date(), version: sql`${projects.version} + 1` })
    .where(eq(projects.id, projectId));
}

/**
 * The edit form's save: written only if the project is still at `version` (what the form
 * showed), and the version goes up by one. False: someone saved it meanwhile, nothing written.
 */
export async function updateProjectIfVersion(db: Database, projectId: number, version: number, values: ProjectColumns): Promise<boolean> {
  const rows = await db
    .update(projects)
    .set({ ...values, updatedAt: new Date(), version: sql`${projects.version} + 1` })
    .where(and(eq(projects.id, projectId), eq(projects.version, version)))
    .returning({ id: projects.id });
  return rows.length === 1;
}

/** Replace the team (the owner is never also listed as a member). */
export async function setProjectMembers(db: Database, projectId: number, personIds: number[], ownerPersonId: number | null): Promise<void> {
  const members = [...new Set(personIds)].filter((personId) => personId !== ownerPersonId);
  await db.delete(projectMembers).where(eq(projectMembers.projectId, projectId));
  if (members.length > 0) await db.insert(projectMembers).values(members.map((personId) => ({ projectId, personId })));
}

export async function projectMemberIds(db: Database, projectId: number): Promise<number[]> {
  const rows = await db.select({ personId: projectMembers.personId }).from(projectMembers).where(eq(projectMembers.projectId, projectId));
  return rows.map((row) => row.personId);
}

export async function planExists(db: Database, planId: number): Promise<boolean> {
  const [row] = await db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  return Boolean(row);
}

/** The project's owner and team (ids), e.g. the people an edit may keep though they have left. */
export async function projectPersonIds(db: Database, projectId: number): Promise<number[]> {
  const [[project], members] = await Promise.all([
    db.select({ ownerPersonId: projects.ownerPersonId }).from(projects).where(eq(projects.id, projectId)),
    db.select({ personId: projectMembers.personId }).from(projectMembers).where(eq(projectMembers.projectId, projectId)),
  ]);
  return [...(project?.ownerPersonId ? [project.ownerPersonId] : []), ...members.map((member) => member.personId)];
}

/** Which of these people exist on the roster. */
export async function existingPersonIds(db: Database, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, personIds));
  return new Set(rows.map((row) => row.id));
}

/**
 * Add a milestone at the end. With a submission token the first insert wins (unique
 * constraint): a repeat answers "duplicate" with the first one's id and writes nothing.
 */
export async function insertMilestone(
  db: Database,
  values: { projectId: number; title: string; dueDate: string | null; submissionToken?: string | null },
): Promise<{ status: "created" | "duplicate"; milestoneId: number }> {
  const [last] = await db
    .select({ max: sql<number | null>`max(${projectMilestones.sortOrder})` })
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, values.projectId));
  const [row] = await db
    .insert(projectMilestones)
    .values({ ...values, submissionToken: values.submissionToken ?? null, sortOrder: Number(last?.max ?? 0) + 1 })
    .onConflictDoNothing({ target: projectMilestones.submissionToken })
    .returning({ id: projectMilestones.id });
  if (row) return { status: "created", milestoneId: row.id };
  const [existing] = await db
    .select({ id: projectMilestones.id })
    .from(projectMilestones)
    .where(eq(projectMilestones.submissionToken, values.submissionToken ?? ""));
  return { status: "duplicate", milestoneId: existing.id };
}

export async function getMilestone(db: Database, projectId: number, milestoneId: number) {
  const [row] = await db
    .select()
    .from(projectMilestones)
    .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId)));
  return row ?? null;
}

/** A change to a milestone besides its edit form (marked done, reopened): an open edit form becomes stale. */
export async function updateMilestoneColumns(
  db: Database,
  milestoneId: number,
  values: Partial<{ title: string; dueDate: string | null; doneOn: string | null }>,
): Promise<void> {
  await db
    .update(projectMilestones)
    .set({ ...values, version: sql`${projectMilestones.version} + 1` })
    .where(eq(projectMilestones.id, milestoneId));
}

/**
 * The milestone edit form's save: written only if the milestone is still at `version` (what the
 * form showed), and the version goes up by one. False: someone changed it meanwhile, nothing written.
 */
export async function updateMilestoneIfVersion(
  db: Database,
  milestoneId: number,
  version: number,
  values: { title: string; dueDate: string | null; doneOn: string | null },
): Promise<boolean> {
  const rows = await db
    .update(projectMilestones)
    .set({ ...values, version: sql`${projectMilestones.version} + 1` })
    .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.version, version)))
    .returning({ id: projectMilestones.id });
  return rows.length === 1;
}

export async function deleteMilestone(db: Database, milestoneId: number): Promise<void> {
  await db.delete(projectMilestones).where(eq(projectMilestones.id, milestoneId));
}

/** The ideas tied to a project, locked, with their stage (for the moves a project triggers). */
export async function lockProjectIdeas(db: Database, projectId: number): Promise<{ id: number; stage: IdeaStage }[]> {
  return db
    .select({ id: ideas.id, stage: ideas.stage })
    .from(ideas)
    .where(eq(ideas.projectId, projectId))
    .orderBy(asc(ideas.id))
    .for("update");
}

/** Projects an approved idea may be linked to (not cancelled, not completed). */
export async function listLinkableProjects(db: Database): Promise<{ id: number; code: string | null; nameTh: string; nameEn: string; status: ProjectStatus }[]> {
  return db
    .select({ id: projects.id, code: projects.code, nameTh: projects.nameTh, nameEn: projects.nameEn, status: projects.status })
    .from(projects)
    .where(inArray(projects.status, ["planned", "active"]))
    .orderBy(asc(projects.id));
}
