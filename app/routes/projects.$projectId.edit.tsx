import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { ProjectFields } from "../components/project-fields";
import { calendarDateIn } from "../domain/calendar-date";
import { personEntry } from "../domain/person-entry";
import { resolveLocale } from "../i18n/locale.server";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";
import { getProjectDetail, projectPersonIds } from "../models/projects.server";
import { getAppSettings } from "../models/settings.server";
import {
  loadProjectFormOptions,
  parseProjectForm,
  projectFormValues,
  projectInputProblems,
  updateProject,
  type ProjectFormValues,
} from "../services/projects.server";
import { notFound, recordIdFromAddress } from "../http-errors.server";

export const meta: MetaFunction = () => [{ title: "แก้ไขโครงการ · นวัต" }];

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
  const values: ProjectFormValues = {
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
  return json({ ...options, values, project: { id: project.id, nameTh: project.nameTh, nameEn: project.nameEn } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const projectId = recordIdFromAddress(params.projectId);
  const formData = await request.formData();
  const values = projectFormValues(formData);
  const database = db();
  const { fiscalCalendar } = await getAppSettings(database);
  // The project's people may stay on it though they have left; anyone new must be on the staff today.
  const parsed = await parseProjectForm(database, values, {
    today: calendarDateIn(new Date(), fiscalCalendar.timeZone),
    alsoPersonIds: await projectPersonIds(database, projectId),
  });
  const { memberProblems } = parsed;
  const fieldErrors = { ...(await projectInputProblems(database, parsed.input, { update: parsed.input })), ...parsed.fieldErrors };
  if (Object.keys(fieldErrors).length > 0) return json({ values, fieldErrors, memberProblems }, { status: 400 });
  const result = await updateProject(database, { accountId: user.accountId, personId: user.personId, ipAddress: clientAddress(request) }, projectId, parsed.input);
  if (result === "notFound") throw notFound();
  if (!result.ok) return json({ values, fieldErrors: result.fieldErrors, memberProblems }, { status: result.fieldErrors.status === "projects.error.moveRefused" ? 409 : 400 });
  return redirect(`/projects/${projectId}?done=saved`);
}

export default function EditProjectPage() {
  const { planOptions, staffOptions, staffListed, values, project } = useLoaderData<typeof loader>();
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
        {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
        <Form method="post" className="stack">
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

export const ErrorBoundary = RouteErrorBoundary;
