import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { InnovationFields } from "../components/innovation-fields";
import { readSubmissionToken } from "../domain/submission-token";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";
import { countProjectInnovations } from "../models/innovations.server";
import { getProjectDetail } from "../models/projects.server";
import { deliverInnovation, emptyInnovationFormValues, innovationFormValues } from "../services/innovations.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [projectsMessages], "projects.innovation.newTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "committee");
  const project = await getProjectDetail(db(), recordIdFromAddress(params.projectId));
  if (!project) throw notFound();
  const first = (await countProjectInnovations(db(), project.id)) === 0;
  return json({
    project: { id: project.id, nameTh: project.nameTh, nameEn: project.nameEn, status: project.status, ideaCount: project.ideas.length },
    first,
    values: emptyInnovationFormValues(),
    // One token per form shown: the same form posted twice records one innovation.
    submissionToken: randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const projectId = recordIdFromAddress(params.projectId);
  const formData = await request.formData();
  const values = innovationFormValues(formData);
  const submissionToken = readSubmissionToken(formData.get("submissionToken"));
  // A repeat of a post already saved lands on that innovation, as the first post did.
  const result = await deliverInnovation(db(), { accountId: user.accountId, personId: user.personId, ipAddress: clientAddress(request) }, { projectId, values, submissionToken });
  if (result === "notFound") throw notFound();
  if (!result.ok) return json({ values, fieldErrors: result.fieldErrors }, { status: result.fieldErrors.project ? 409 : 400 });
  return redirect(`/innovations/${result.innovationId}?done=${result.first ? "deliveredFirst" : "delivered"}`);
}

export default function DeliverInnovationPage() {
  const { project, first, values, submissionToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n(projectsMessages);
  const name = (locale === "en" && project.nameEn) || project.nameTh;
  const projectError = actionData?.fieldErrors.project;
  return (
    <>
      <p>
        <Link to={`/projects/${project.id}`}>← {name}</Link>
      </p>
      <div className="card">
        <h1>{t("projects.innovation.newTitle")}</h1>
        <p className="muted">{t("projects.innovation.newIntro", { project: name })}</p>
        {first && project.ideaCount > 0 ? <FormNotice tone="ok">{t("projects.innovation.firstHint")}</FormNotice> : null}
        {project.status === "cancelled" ? <FormNotice tone="error">{t("projects.error.projectCancelled")}</FormNotice> : null}
        {actionData ? <FormNotice tone="error">{t(projectError ?? "form.fixErrors")}</FormNotice> : null}
        <Form method="post" className="stack">
          <input type="hidden" name="submissionToken" value={submissionToken} />
          <InnovationFields values={actionData?.values ?? values} fieldErrors={actionData?.fieldErrors ?? {}} />
          <div>
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("projects.innovation.submit")}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
