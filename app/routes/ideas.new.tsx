import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { IdeaForm } from "../components/idea-form";
import { calendarDateIn } from "../domain/calendar-date";
import { readSubmissionToken } from "../domain/submission-token";
import { fiscalYearOf } from "../domain/fiscal-year";
import { resolveLocale } from "../i18n/locale.server";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { ideasFormMessages } from "../i18n/catalogue/ideas-form";
import { useI18n } from "../i18n/use-i18n";
import { renderMarkdown } from "../markdown.server";
import { createIdea, findSimilarIdeas } from "../models/ideas.server";
import { getAppSettings } from "../models/settings.server";
import { emptyIdeaFormValues, ideaFormValues, loadIdeaFormOptions, parseIdeaForm } from "../services/idea-form.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [ideasFormMessages], "ideas.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { fiscalCalendar } = await getAppSettings(db());
  const options = await loadIdeaFormOptions(db(), {
    locale: resolveLocale(request, user.locale),
    today: calendarDateIn(new Date(), fiscalCalendar.timeZone),
    excludePersonId: user.personId,
  });
  // One token per form shown: a double submit of this form creates one idea.
  return json({ ...options, submissionToken: randomUUID(), values: emptyIdeaFormValues() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const values = ideaFormValues(formData);
  const database = db();
  const parsed = await parseIdeaForm(database, values, user.personId);
  const similar = await findSimilarIdeas(database, values.title);
  if (formData.get("intent") === "preview") {
    const preview = {
      problem: renderMarkdown(values.problem),
      solution: renderMarkdown(values.solution),
      benefit: renderMarkdown(values.benefit),
    };
    return json({ values, fieldErrors: parsed.ok ? {} : parsed.fieldErrors, similar, preview });
  }
  if (!parsed.ok) return json({ values, fieldErrors: parsed.fieldErrors, similar, preview: null }, { status: 400 });
  const { fiscalCalendar } = await getAppSettings(database);
  const now = new Date();
  const { ideaId } = await createIdea(database, {
    input: parsed.input,
    submitterPersonId: user.personId,
    accountId: user.accountId,
    submissionToken: readSubmissionToken(formData.get("submissionToken")) ?? randomUUID(),
    fiscalYear: fiscalYearOf(now, fiscalCalendar),
    now,
  });
  return redirect(`/ideas/${ideaId}?created=1`);
}

export default function NewIdeaPage() {
  const { planOptions, staffOptions, submissionToken, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n(ideasMessages, ideasFormMessages);
  const hasErrors = actionData && Object.keys(actionData.fieldErrors).length > 0 && !actionData.preview;
  return (
    <div className="card">
      <h1>{t("ideas.new.title")}</h1>
      <p className="muted">{t("ideas.new.intro")}</p>
      {hasErrors ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
      <IdeaForm
        values={actionData?.values ?? values}
        fieldErrors={actionData?.fieldErrors ?? {}}
        planOptions={planOptions}
        staffOptions={staffOptions}
        submissionToken={submissionToken}
        similar={actionData?.similar ?? []}
        preview={actionData?.preview ?? null}
        submitLabel={t("ideas.submit")}
      />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
