import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { ProjectFields } from "../components/project-fields";
import { calendarDateIn } from "../domain/calendar-date";
import { readSubmissionToken } from "../domain/submission-token";
import { resolveLocale } from "../i18n/locale.server";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";
import { getAppSettings } from "../models/settings.server";
import {
  createProject,
  emptyProjectFormValues,
  loadProjectFormOptions,
  parseProjectForm,
  projectFormValues,
  projectInputProblems,
} from "../services/projects.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [projectsMessages], "projects.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "committee");
  const { fiscalCalendar } = await getAppSettings(db());
  const options = await loadProjectFormOptions(db(), {
    locale: resolveLocale(request, user.locale),
    today: calendarDateIn(new Date(), fiscalCalendar.timeZone),
  });
  // One token per form shown: the same form posted twice makes one project.
  return json({ ...options, values: emptyProjectFormValues(), submissionToken: randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const formData = await request.formData();
  const values = projectFormValues(formData);
  const database = db();
  const { fiscalCalendar } = await getAppSettings(database);
  const parsed = await parseProjectForm(database, values, { today: calendarDateIn(new Date(), fiscalCalendar.timeZone) });
  const { memberProblems } = parsed;
  const fieldErrors = { ...(await projectInputProblems(database, parsed.input)), ...parsed.fieldErrors };
  if (Object.keys(fieldErrors).length > 0) return json({ values, fieldErrors, memberProblems }, { status: 400 });
  // A repeat of a post already saved lands on that project, as the first post did.
  const submissionToken = readSubmissionToken(formData.get("submissionToken"));
  const result = await createProject(database, { accountId: user.accountId, personId: user.personId, ipAddress: clientAddress(request) }, parsed.input, submissionToken);
  if (!result.ok) return json({ values, fieldErrors: result.fieldErrors, memberProblems }, { status: 400 });
  return redirect(`/projects/${result.projectId}?done=created`);
}

export default function NewProjectPage() {
  const { planOptions, staffOptions, staffListed, values, submissionToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n(projectsMessages);
  return (
    <>
      <p>
        <Link to="/projects">← {t("projects.back")}</Link>
      </p>
      <div className="card">
        <h1>{t("projects.new.title")}</h1>
        <p className="muted">{t("projects.new.intro")}</p>
        {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
        <Form method="post" className="stack">
          <input type="hidden" name="submissionToken" value={submissionToken} />
          <ProjectFields
            values={actionData?.values ?? values}
            fieldErrors={actionData?.fieldErrors ?? {}}
            planOptions={planOptions}
            staffOptions={staffOptions}
            staffListed={staffListed}
            memberProblems={actionData?.memberProblems}
          />
          <div>
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("projects.new.submit")}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
