import type { Database } from "../../db/client.server";
import { calendarDateIn } from "../domain/calendar-date";
import { fiscalYearOfDate } from "../domain/fiscal-year";
import { ipProblems, isIpStatus, type IpStatusValue } from "../domain/ip-status";
import type { MessageKey } from "../i18n/messages.server";
import { deleteAttachmentsOf } from "../models/attachments.server";
import { recordAudit } from "../models/audit.server";
import {
  countProjectInnovations,
  deleteFollowUp,
  earliestFollowUpOn,
  getFollowUp,
  insertFollowUp,
  insertInnovation,
  lockInnovation,
  projectIdOfInnovation,
  updateInnovationIfVersion,
  type InnovationColumns,
} from "../models/innovations.server";
import { lockProject, lockProjectIdeas, updateProjectColumns } from "../models/projects.server";
import { getAppSettings } from "../models/settings.server";
import { parseDateField, startApprovedIdeas, StageMoveRefused, systemMove, textLengthError, type ProjectActor } from "./projects.server";

export const INNOVATION_LIMITS = {
  nameMin: 3,
  nameMax: 200,
  descriptionMin: 10,
  descriptionMax: 5000,
  beneficiariesMax: 1000,
  ipNumberMax: 60,
  observationMin: 10,
  observationMax: 5000,
} as const;

export type InnovationFormValues = {
  nameTh: string;
  nameEn: string;
  description: string;
  deliveredOn: string;
  beneficiaries: string;
  ipStatus: string;
  ipNumber: string;
  ipFiledOn: string;
  ipGrantedOn: string;
};

export type InnovationField = keyof InnovationFormValues | "project";
export type InnovationFieldErrors = Partial<Record<InnovationField, MessageKey>>;

export function emptyInnovationFormValues(): InnovationFormValues {
  return { nameTh: "", nameEn: "", description: "", deliveredOn: "", beneficiaries: "", ipStatus: "none", ipNumber: "", ipFiledOn: "", ipGrantedOn: "" };
}

export function innovationFormValues(formData: FormData): InnovationFormValues {
  const text = (name: string, max: number) => String(formData.get(name) ?? "").slice(0, max);
  return {
    nameTh: text("nameTh", INNOVATION_LIMITS.nameMax * 2),
    nameEn: text("nameEn", INNOVATION_LIMITS.nameMax * 2),
    description: text("description", INNOVATION_LIMITS.descriptionMax * 2),
    deliveredOn: text("deliveredOn", 20),
    beneficiaries: text("beneficiaries", INNOVATION_LIMITS.beneficiariesMax * 2),
    ipStatus: text("ipStatus", 40),
    ipNumber: text("ipNumber", INNOVATION_LIMITS.ipNumberMax * 2),
    ipFiledOn: text("ipFiledOn", 20),
    ipGrantedOn: text("ipGrantedOn", 20),
  };
}

export function innovationValuesOf(innovation: Omit<InnovationColumns, "fiscalYear">): InnovationFormValues {
  return {
    nameTh: innovation.nameTh,
    nameEn: innovation.nameEn,
    description: innovation.description,
    deliveredOn: innovation.deliveredOn,
    beneficiaries: innovation.beneficiaries,
    ipStatus: innovation.ipStatus,
    ipNumber: innovation.ipNumber,
    ipFiledOn: innovation.ipFiledOn ?? "",
    ipGrantedOn: innovation.ipGrantedOn ?? "",
  };
}

/** Check an innovation form against the rules (IP status included); `today` is an ISO date. */
export function parseInnovationForm(
  values: InnovationFormValues,
  today: string,
): { ok: true; columns: Omit<InnovationColumns, "fiscalYear"> } | { ok: false; fieldErrors: InnovationFieldErrors } {
  const fieldErrors: InnovationFieldErrors = {};
  const clean = (value: string) => value.normalize("NFC").trim();
  const nameTh = clean(values.nameTh);
  const nameEn = clean(values.nameEn);
  const description = clean(values.description);
  const beneficiaries = clean(values.beneficiaries);
  const ipNumber = clean(values.ipNumber);
  const checks: [InnovationField, MessageKey | undefined][] = [
    ["nameTh", textLengthError(nameTh, INNOVATION_LIMITS.nameMin, INNOVATION_LIMITS.nameMax, true)],
    ["nameEn", textLengthError(nameEn, 1, INNOVATION_LIMITS.nameMax, false)],
    ["description", textLengthError(description, INNOVATION_LIMITS.descriptionMin, INNOVATION_LIMITS.descriptionMax, true)],
    ["beneficiaries", textLengthError(beneficiaries, 2, INNOVATION_LIMITS.beneficiariesMax, true)],
    ["ipNumber", textLengthError(ipNumber, 1, INNOVATION_LIMITS.ipNumberMax, false)],
  ];
  for (const [field, error] of checks) if (error) fieldErrors[field] = error;

  const deliveredOn = parseDateField(values.deliveredOn);
  if (!deliveredOn.ok) fieldErrors.deliveredOn = deliveredOn.error;
  else if (deliveredOn.date === null) fieldErrors.deliveredOn = "projects.error.deliveredRequired";
  else if (deliveredOn.date > today) fieldErrors.deliveredOn = "projects.error.dateInFuture";

  const ipStatus: IpStatusValue | null = isIpStatus(values.ipStatus) ? values.ipStatus : null;
  if (ipStatus === null) fieldErrors.ipStatus = "projects.error.ipStatusUnknown";
  const filedOn = parseDateField(values.ipFiledOn);
  if (!filedOn.ok) fieldErrors.ipFiledOn = filedOn.error;
  const grantedOn = parseDateField(values.ipGrantedOn);
  if (!grantedOn.ok) fieldErrors.ipGrantedOn = grantedOn.error;
  if (ipStatus !== null && filedOn.ok && grantedOn.ok) {
    const problems = ipProblems({ status: ipStatus, number: ipNumber, filedOn: filedOn.date, grantedOn: grantedOn.date }, today);
    for (const [field, problem] of Object.entries(problems)) {
      fieldErrors[field as InnovationField] ??= problem;
    }
  }
  if (Object.keys(fieldErrors).length > 0 || ipStatus === null || !deliveredOn.ok || !filedOn.ok || !grantedOn.ok || deliveredOn.date === null) {
    return { ok: false, fieldErrors };
  }
  return {
    ok: true,
    columns: {
      nameTh,
      nameEn,
      description,
      deliveredOn: deliveredOn.date,
      beneficiaries,
      ipStatus,
      ipNumber,
      ipFiledOn: filedOn.date,
      ipGrantedOn: grantedOn.date,
    },
  };
}

export type DeliverResult =
  | { ok: true; innovationId: number; first: boolean }
  | { ok: false; fieldErrors: InnovationFieldErrors }
  | "notFound";

/**
 * A project delivers an innovation. Its fiscal year is that of the delivery date. A project
 * still "planned" becomes "active" (it has evidently started; its start moves back to the
 * delivery if later). Delivering the project's FIRST innovation moves each of its ideas to
 * "implemented" — through "in progress" for one still "approved" — by the system, recorded
 * in the name of the committee member. All or nothing; the project row is locked so two
 * deliveries at once queue and only one is the first.
 */
export async function deliverInnovation(
  db: Database,
  actor: ProjectActor,
  params: { projectId: number; values: InnovationFormValues; now?: Date; submissionToken?: string | null },
): Promise<DeliverResult> {
  const { fiscalCalendar } = await getAppSettings(db);
  const today = calendarDateIn(params.now ?? new Date(), fiscalCalendar.timeZone);
  const parsed = parseInnovationForm(params.values, today);
  if (!parsed.ok) return parsed;
  const columns = parsed.columns;
  try {
    return await db.transaction(async (tx) => {
      const project = await lockProject(tx, params.projectId);
      if (!project) return "notFound" as const;
      if (project.status === "cancelled") return { ok: false as const, fieldErrors: { project: "projects.error.projectCancelled" as const } };
      // A started project cannot deliver before its start (a planned one's start moves back, below).
      if (project.status !== "planned" && project.startDate !== null && columns.deliveredOn < project.startDate) {
        return { ok: false as const, fieldErrors: { deliveredOn: "projects.error.deliveredBeforeStart" as const } };
      }
      const first = (await countProjectInnovations(tx, project.id)) === 0;
      const { status: inserted, innovationId } = await insertInnovation(tx, {
        ...columns,
        fiscalYear: fiscalYearOfDate(columns.deliveredOn, fiscalCalendar),
        projectId: project.id,
        createdByAccountId: actor.accountId,
        submissionToken: params.submissionToken ?? null,
      });
      // The same form posted again: the first post delivered it (and did the rest); nothing more.
      if (inserted === "duplicate") return { ok: true as const, innovationId, first: false };
      if (project.status === "planned") {
        const startDate = project.startDate === null || project.startDate > columns.deliveredOn ? columns.deliveredOn : project.startDate;
        await updateProjectColumns(tx, project.id, {
          status: "active",
          startDate,
          fiscalYear: fiscalYearOfDate(startDate, fiscalCalendar),
        });
      }
      const moved: number[] = [];
      if (first) {
        for (const idea of await lockProjectIdeas(tx, project.id)) {
          if (idea.stage === "approved") {
            await systemMove(tx, actor, { ideaId: idea.id, from: "approved", to: "in_progress", reason: "projects.reason.projectStarted" });
          }
          if (idea.stage === "approved" || idea.stage === "in_progress") {
            await systemMove(tx, actor, { ideaId: idea.id, from: "in_progress", to: "implemented", reason: "projects.reason.innovationDelivered" });
            moved.push(idea.id);
          }
        }
      } else if (project.status === "planned") {
        await startApprovedIdeas(tx, actor, project.id);
      }
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: "innovation.delivered",
        entityType: "innovation",
        entityId: innovationId,
        details: { projectId: project.id, nameTh: columns.nameTh, ipStatus: columns.ipStatus, first, ideasImplemented: moved },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, innovationId, first };
    });
  } catch (error) {
    if (error instanceof StageMoveRefused) return { ok: false, fieldErrors: { project: "projects.error.moveRefused" } };
    throw error;
  }
}

/**
 * The committee corrects an innovation or records its IP progress (filed → granted).
 * `version` is the version the edit form showed (null: it carried none or a bad one): when
 * someone saved the innovation since, nothing is written and the answer is "conflict".
 * Left out (a script, a test), the save is not checked.
 */
export async function updateInnovation(
  db: Database,
  actor: ProjectActor,
  params: { innovationId: number; values: InnovationFormValues; now?: Date; version?: number | null },
): Promise<{ ok: true } | { ok: false; fieldErrors: InnovationFieldErrors } | "notFound" | "conflict"> {
  const { fiscalCalendar } = await getAppSettings(db);
  const today = calendarDateIn(params.now ?? new Date(), fiscalCalendar.timeZone);
  const parsed = parseInnovationForm(params.values, today);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    // The project's row first, then the innovation's: the order deliverInnovation and updateProject
    // lock in, so a start date moved meanwhile is seen and two saves cannot wait on each other.
    const projectId = await projectIdOfInnovation(tx, params.innovationId);
    const project = projectId === null ? null : await lockProject(tx, projectId);
    const before = await lockInnovation(tx, params.innovationId);
    if (!before) return "notFound" as const;
    if (params.version !== undefined && params.version !== before.version) return "conflict" as const;
    // Not before the project's start: the rule updateProject keeps from the start date's side.
    if (project?.startDate && parsed.columns.deliveredOn < project.startDate) {
      return { ok: false as const, fieldErrors: { deliveredOn: "projects.error.deliveredBeforeStart" as const } };
    }
    // The same rule as addFollowUp's, seen from the delivery: no report of use before it.
    // (addFollowUp locks the innovation too, so no report slips in meanwhile.)
    const firstReport = await earliestFollowUpOn(tx, before.id);
    if (firstReport !== null && parsed.columns.deliveredOn > firstReport) {
      return { ok: false as const, fieldErrors: { deliveredOn: "projects.error.deliveredAfterFollowUp" as const } };
    }
    const columns = { ...parsed.columns, fiscalYear: fiscalYearOfDate(parsed.columns.deliveredOn, fiscalCalendar) };
    // Compare-and-set: the version in the WHERE, so a save that slipped past the check still cannot overwrite.
    if (!(await updateInnovationIfVersion(tx, before.id, before.version, columns))) return "conflict" as const;
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "innovation.updated",
      entityType: "innovation",
      entityId: before.id,
      details: {
        before: { deliveredOn: before.deliveredOn, ipStatus: before.ipStatus, ipNumber: before.ipNumber, ipFiledOn: before.ipFiledOn, ipGrantedOn: before.ipGrantedOn },
        after: { deliveredOn: columns.deliveredOn, ipStatus: columns.ipStatus, ipNumber: columns.ipNumber, ipFiledOn: columns.ipFiledOn, ipGrantedOn: columns.ipGrantedOn },
      },
      ipAddress: actor.ipAddress,
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------
// Follow-up reports on use

export type FollowUpFormValues = { reportedOn: string; observation: string; beneficiaries: string };
export type FollowUpFieldErrors = Partial<Record<keyof FollowUpFormValues, MessageKey>>;

export function followUpFormValues(formData: FormData): FollowUpFormValues {
  const text = (name: string, max: number) => String(formData.get(name) ?? "").slice(0, max);
  return {
    reportedOn: text("reportedOn", 20),
    observation: text("observation", INNOVATION_LIMITS.observationMax * 2),
    beneficiaries: text("beneficiaries", INNOVATION_LIMITS.beneficiariesMax * 2),
  };
}

export async function addFollowUp(
  db: Database,
  actor: ProjectActor,
  params: { innovationId: number; values: FollowUpFormValues; now?: Date; submissionToken?: string | null },
): Promise<{ ok: true; followUpId: number } | { ok: false; fieldErrors: FollowUpFieldErrors } | "notFound"> {
  const { fiscalCalendar } = await getAppSettings(db);
  const today = calendarDateIn(params.now ?? new Date(), fiscalCalendar.timeZone);
  return db.transaction(async (tx) => {
    const innovation = await lockInnovation(tx, params.innovationId);
    if (!innovation) return "notFound" as const;
    const fieldErrors: FollowUpFieldErrors = {};
    const reportedOn = parseDateField(params.values.reportedOn);
    if (!reportedOn.ok) fieldErrors.reportedOn = reportedOn.error;
    else if (reportedOn.date === null) fieldErrors.reportedOn = "projects.error.reportedRequired";
    else if (reportedOn.date > today) fieldErrors.reportedOn = "projects.error.dateInFuture";
    else if (reportedOn.date < innovation.deliveredOn) fieldErrors.reportedOn = "projects.error.reportedBeforeDelivery";
    const observation = params.values.observation.normalize("NFC").trim();
    const beneficiaries = params.values.beneficiaries.normalize("NFC").trim();
    const observationError = textLengthError(observation, INNOVATION_LIMITS.observationMin, INNOVATION_LIMITS.observationMax, true);
    if (observationError) fieldErrors.observation = observationError;
    const beneficiariesError = textLengthError(beneficiaries, 1, INNOVATION_LIMITS.beneficiariesMax, false);
    if (beneficiariesError) fieldErrors.beneficiaries = beneficiariesError;
    if (Object.keys(fieldErrors).length > 0 || !reportedOn.ok || reportedOn.date === null) return { ok: false as const, fieldErrors };
    const { status: inserted, followUpId } = await insertFollowUp(tx, {
      innovationId: innovation.id,
      reportedOn: reportedOn.date,
      observation,
      beneficiaries,
      createdByAccountId: actor.accountId,
      submissionToken: params.submissionToken ?? null,
    });
    if (inserted === "duplicate") return { ok: true as const, followUpId };
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "innovation.follow_up_added",
      entityType: "innovation",
      entityId: innovation.id,
      details: { followUpId, reportedOn: reportedOn.date },
      ipAddress: actor.ipAddress,
    });
    return { ok: true as const, followUpId };
  });
}

/** Remove a follow-up report and its attachments. */
export async function removeFollowUp(
  db: Database,
  actor: ProjectActor,
  params: { innovationId: number; followUpId: number },
): Promise<"removed" | "notFound"> {
  return db.transaction(async (tx) => {
    const followUp = await getFollowUp(tx, params.innovationId, params.followUpId);
    if (!followUp) return "notFound" as const;
    await deleteAttachmentsOf(tx, "follow_up", [followUp.id]);
    await deleteFollowUp(tx, followUp.id);
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "innovation.follow_up_removed",
      entityType: "innovation",
      entityId: params.innovationId,
      details: { followUpId: followUp.id, reportedOn: followUp.reportedOn },
      ipAddress: actor.ipAddress,
    });
    return "removed" as const;
  });
}
