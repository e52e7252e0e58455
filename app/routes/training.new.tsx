import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { readSubmissionToken } from "../domain/submission-token";
import { TrainingSessionForm } from "../components/roster-training-session-form";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { createSession, loadSessionFormOptions, readSessionForm } from "../services/training-sessions.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "training.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr");
  const { planOptions, emptyForm } = await loadSessionFormOptions(db());
  // One token per form shown: the same form posted twice makes one session.
  return json({ planOptions, values: emptyForm, submissionToken: randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  const formData = await request.formData();
  const database = db();
  const { planIds } = await loadSessionFormOptions(database);
  const { values, parsed } = readSessionForm(formData, planIds);
  if (!parsed.ok) return json({ values, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const submissionToken = readSubmissionToken(formData.get("submissionToken"));
  // A repeat of a post already saved lands on that session, as the first post did.
  const sessionId = await createSession(database, { accountId: user.accountId, ipAddress: clientAddress(request) }, parsed.input, submissionToken);
  return redirect(`/training/${sessionId}?saved=created`);
}

export default function NewTrainingSessionPage() {
  const { planOptions, values, submissionToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n(rosterMessages);
  return (
    <>
      <p>
        <Link to="/training">← {t("training.title")}</Link>
      </p>
      <div className="card">
        <h1>{t("training.new")}</h1>
        {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
        <TrainingSessionForm values={actionData?.values ?? values} fieldErrors={actionData?.fieldErrors ?? {}} planOptions={planOptions} submissionToken={submissionToken} submitLabel={t("training.create")} />
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
