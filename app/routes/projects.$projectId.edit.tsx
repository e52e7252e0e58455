import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import type { ProjectStatus } from "../../db/schema";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice, StaleSaveNotice } from "../components/forms";
import { ProjectFields } from "../components/project-fields";
import { calendarDateIn } from "../domain/calendar-date";
import { personEntry } from "../domain/person-entry";
import { readRecordVersion } from "../domain/record-version";
import { resolveLocale } from "../i18n/locale.server";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";
import { getProjectDetail, projectPersonIds, type ProjectDetail } from "../models/projects.server";
import { getAppSettings } from "../models/settings.server";
import {
  loadProjectFormOptions,
  parseProjectForm,
  projectFormValues,
  projectInputProblems,
  updateProject,
  type MemberProblem,
  type ProjectFieldErrors,
  type ProjectFormValues,
} from "../services/projects.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [projectsMessages], "projects.edit.title");

/** The form's fields as the project is saved now. */
function savedValues(project: ProjectDetail): ProjectFormValues {
  return {
    nameTh: project.nameTh,
    nameEn: project.nameEn,
    descriptionTh: project.descriptionTh,
    planId: project.plan ? String(project.plan.id) : "",
    owner: project.owner ? personEntry(project.owner.employeeCode, project.owner.nameTh) : "",
    members: project.members.map((member) => personEntry(member.employeeCode, member.nameTh)),
    budget: project.budget === null ? "" : String(project.budget),
    startDate: project.startDate ?? "",
    endDate: project.endDate ?? "",
    progress: String(project.progress),
    status: project.status,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "committee");
  const project = await getProjectDetail(db(), recordIdFromAddress(params.projectId));
  if (!project) throw notFound();
  const { fiscalCalendar } = await getAppSettings(db());
  const options = await loadProjectFormOptions(db(), {
    locale: resolveLocale(request, user.locale),
    today: calendarDateIn(new Date(), fiscalCalendar.timeZone),
    includePersonIds: [...(project.owner ? [project.owner.personId] : []), ...project.members.map((member) => member.personId)],
  });
  // The version the form shows: a save from it is refused once someone else has saved the project.
  return json({ ...options, values: savedValues(project), version: project.version, project: { id: project.id, nameTh: project.nameTh, nameEn: project.nameEn } });
}

type EditActionData = {
  values: ProjectFormValues;
  fieldErrors: ProjectFieldErrors;
  memberProblems: MemberProblem[];
  /** The version the form carries next: the one posted, or after a conflict the one saved now. */
  version: number | null;
  /** Someone saved the project since the form was shown: what is saved now (nothing was written). */
  conflict: ProjectFormValues | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const projectId = recordIdFromAddress(params.projectId);
  const formData = await request.formData();
  const values = projectFormValues(formData);
  const version = readRecordVersion(formData.get("version"));
  const database = db();
  const { fiscalCalendar } = await getAppSettings(database);
  // The project's people may stay on it though they have left; anyone new must be on the staff today.
  const parsed = await parseProjectForm(database, values, {
    today: calendarDateIn(new Date(), fiscalCalendar.timeZone),
    alsoPersonIds: await projectPersonIds(database, projectId),
  });
  const { memberProblems } = parsed;
  const answer = (data: Omit<EditActionData, "memberProblems" | "version" | "conflict"> & Partial<EditActionData>, status: number) =>
    json<EditActionData>({ memberProblems, version, conflict: null, ...data }, { status });
  const fieldErrors = { ...(await projectInputProblems(database, parsed.input, { update: parsed.input })), ...parsed.fieldErrors };
  if (Object.keys(fieldErrors).length > 0) return answer({ values, fieldErrors }, 400);
  const result = await updateProject(database, { accountId: user.accountId, personId: user.personId, ipAddress: clientAddress(request) }, projectId, parsed.input, { version });
  if (result === "notFound") throw notFound();
  if (result === "conflict") {
    // Nothing written: the person keeps what they typed, sees what is saved now, and may save again.
    const current = await getProjectDetail(database, projectId);
    if (!current) throw notFound();
    return answer({ values, fieldErrors: {}, version: current.version, conflict: savedValues(current) }, 409);
  }
  if (!result.ok) return answer({ values, fieldErrors: result.fieldErrors }, result.fieldErrors.status === "projects.error.moveRefused" ? 409 : 400);
  return redirect(`/projects/${projectId}?done=saved`);
}

export default function EditProjectPage() {
  const { planOptions, staffOptions, staffListed, values, version, project } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n(projectsMessages);
  const name = (locale === "en" && project.nameEn) || project.nameTh;
  return (
    <>
      <p>
        <Link to={`/projects/${project.id}`}>← {name}</Link>
      </p>
      <div className="card">
        <h1>{t("projects.edit.title")}</h1>
        {actionData?.conflict ? (
          <ConflictNotice typed={actionData.values} saved={actionData.conflict} />
        ) : actionData ? (
          <FormNotice tone="error">{t("form.fixErrors")}</FormNotice>
        ) : null}
        <Form method="post" className="stack">
          <input type="hidden" name="version" value={actionData ? (actionData.version ?? "") : version} />
          <ProjectFields
            values={actionData?.values ?? values}
            fieldErrors={actionData?.fieldErrors ?? {}}
            planOptions={planOptions}
            staffOptions={staffOptions}
            staffListed={staffListed}
            memberProblems={actionData?.memberProblems}
            withStatus
          />
          <div>
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("projects.edit.submit")}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}

const CONFLICT_FIELDS = ["nameTh", "nameEn", "descriptionTh", "owner", "members", "budget", "startDate", "endDate", "status", "progress"] as const;

/** The project changed since the form was shown: say so, and list what is saved now where it differs from what was typed. */
function ConflictNotice({ typed, saved }: { typed: ProjectFormValues; saved: ProjectFormValues }) {
  const { t } = useI18n(projectsMessages);
  const shown = (field: (typeof CONFLICT_FIELDS)[number], values: ProjectFormValues) => {
    const value = values[field];
    if (Array.isArray(value)) return value.map((line) => line.trim()).filter((line) => line !== "").join(", ");
    if (field === "status") return t(`projects.status.${value as ProjectStatus}`);
    return value.trim();
  };
  // People compare by what was typed first ("LS012" or "LS012 นายสมชาย ใจดี" is the same person); the team in any order.
  const people = (lines: string[]) => lines.map((line) => line.trim().split(/\s+/)[0]).filter((code) => code !== "").sort().join(" ");
  const differs = (field: (typeof CONFLICT_FIELDS)[number]) => {
    if (field === "members") return people(typed.members) !== people(saved.members);
    if (field === "owner") return people([typed.owner]) !== people([saved.owner]);
    return shown(field, typed) !== shown(field, saved);
  };
  const changes = CONFLICT_FIELDS.filter(differs).map((field) => ({ field, label: t(`projects.field.${field}`), saved: shown(field, saved) }));
  return <StaleSaveNotice message={t("projects.edit.conflict")} savedIntro={t("projects.edit.conflictSaved")} changes={changes} />;
}

export const ErrorBoundary = RouteErrorBoundary;
