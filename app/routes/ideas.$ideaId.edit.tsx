import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice } from "../components/forms";
import { IdeaForm, IdeaTextKept } from "../components/idea-form";
import { calendarDateIn } from "../domain/calendar-date";
import { authorLock, type AuthorLock } from "../domain/idea-stages";
import { readRecordVersion } from "../domain/record-version";
import type { MessageKey } from "../i18n/messages.server";
import { resolveLocale } from "../i18n/locale.server";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { ideasFormMessages } from "../i18n/catalogue/ideas-form";
import { useI18n } from "../i18n/use-i18n";
import { renderMarkdown } from "../markdown.server";
import { findSimilarIdeas, getIdeaDetail, updateIdea, withdrawIdea, type AuthorChangeResult } from "../models/ideas.server";
import { getAppSettings } from "../models/settings.server";
import { ideaFormValues, loadIdeaFormOptions, parseIdeaForm, type IdeaFormValues } from "../services/idea-form.server";
import { personEntry } from "../domain/person-entry";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [ideasFormMessages], "ideas.edit.title");

const REFUSALS: Record<Exclude<AuthorChangeResult, "ok" | "notFound"> | "conflict", MessageKey> = {
  conflict: "ideas.edit.conflict",
  locked: "ideas.error.locked",
  withdrawn: "ideas.error.withdrawn",
  notAuthor: "ideas.error.notAuthor",
};
const LOCK_NOTICES: Record<AuthorLock, MessageKey> = { locked: REFUSALS.locked, withdrawn: REFUSALS.withdrawn };

async function loadIdeaForAuthor(request: Request, ideaIdParam: string | undefined) {
  const user = await requireUser(request);
  const ideaId = recordIdFromAddress(ideaIdParam);
  const { fiscalCalendar } = await getAppSettings(db());
  const idea = await getIdeaDetail(db(), ideaId, fiscalCalendar.timeZone);
  if (!idea) throw notFound();
  // Only an author may edit: anyone else gets 403, not a form.
  if (!idea.authors.some((author) => author.personId === user.personId)) throw new Response("Forbidden", { status: 403 });
  // Co-authors edit too: the co-author fields are checked against the submitter, not the editor.
  const submitterPersonId = idea.authors.find((author) => author.isSubmitter)?.personId ?? user.personId;
  return { user, idea, submitterPersonId, timeZone: fiscalCalendar.timeZone };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, idea, submitterPersonId, timeZone } = await loadIdeaForAuthor(request, params.ideaId);
  const options = await loadIdeaFormOptions(db(), {
    locale: resolveLocale(request, user.locale),
    today: calendarDateIn(new Date(), timeZone),
    excludePersonId: submitterPersonId,
  });
  const coAuthors = idea.authors.filter((author) => !author.isSubmitter).map((author) => personEntry(author.employeeCode, author.nameTh));
  while (coAuthors.length < 3) coAuthors.push("");
  const values: IdeaFormValues = {
    title: idea.title,
    problem: idea.problem,
    solution: idea.solution,
    benefit: idea.benefit,
    planId: idea.plan ? String(idea.plan.id) : "",
    coAuthors: coAuthors.slice(0, 3),
    tags: idea.tags.join(", "),
  };
  // The version the form shows: a save from it is refused once another author has saved the idea.
  return json({ ...options, values, version: idea.version, ideaId: idea.id, title: idea.title, lock: authorLock(idea.stage) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, idea, submitterPersonId } = await loadIdeaForAuthor(request, params.ideaId);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const database = db();
  const version = readRecordVersion(formData.get("version"));
  if (intent === "withdraw") {
    const typedReason = String(formData.get("reason") ?? "");
    const reason = typedReason.trim().slice(0, 500);
    const result = await withdrawIdea(database, { ideaId: idea.id, personId: user.personId, accountId: user.accountId, reason });
    if (result === "notFound") throw notFound();
    if (result !== "ok") {
      const noSimilar: Awaited<ReturnType<typeof findSimilarIdeas>> = [];
      // The reason typed comes back in its field (PRODUCT.md §7: a refusal loses nothing typed);
      // twice the field's length at most, so a forged huge field is not echoed whole.
      return json(
        { refusal: REFUSALS[result], values: null, fieldErrors: {}, similar: noSimilar, preview: null, withdrawReason: typedReason.slice(0, 1000), version: null },
        { status: 409 },
      );
    }
    return redirect(`/ideas/${idea.id}`);
  }
  const values = ideaFormValues(formData);
  const parsed = await parseIdeaForm(database, values, submitterPersonId);
  const similar = await findSimilarIdeas(database, values.title, { excludeIdeaId: idea.id });
  if (intent === "preview") {
    const preview = { problem: renderMarkdown(values.problem), solution: renderMarkdown(values.solution), benefit: renderMarkdown(values.benefit) };
    return json({ refusal: null, values, fieldErrors: parsed.ok ? {} : parsed.fieldErrors, similar, preview, withdrawReason: null, version });
  }
  if (!parsed.ok) return json({ refusal: null, values, fieldErrors: parsed.fieldErrors, similar, preview: null, withdrawReason: null, version }, { status: 400 });
  const result = await updateIdea(database, { ideaId: idea.id, personId: user.personId, input: parsed.input, version });
  if (result === "notFound") throw notFound();
  if (result === "conflict") {
    // Another author saved the idea since this form was shown: nothing written. The person keeps
    // what they typed, in the form, which now carries the saved version: they may save again.
    const current = await getIdeaDetail(database, idea.id, "UTC");
    if (!current) throw notFound();
    return json({ refusal: REFUSALS.conflict, values, fieldErrors: {}, similar, preview: null, withdrawReason: null, version: current.version }, { status: 409 });
  }
  // Review started (or the idea was withdrawn in another tab) while the author was typing: say
  // why, and the page shows the text sent back read-only (IdeaTextKept), so nothing is lost.
  if (result !== "ok") return json({ refusal: REFUSALS[result], values, fieldErrors: {}, similar, preview: null, withdrawReason: null, version }, { status: 409 });
  return redirect(`/ideas/${idea.id}?saved=1`);
}

export default function EditIdeaPage() {
  const { planOptions, staffOptions, values, version, ideaId, title, lock } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n(ideasMessages, ideasFormMessages);
  // One notice: the refusal of what was just sent, else why the idea can no longer change.
  const notice = actionData?.refusal ?? (lock ? LOCK_NOTICES[lock] : null);
  // A refused withdrawal's reason, shown back in its field: editable while the idea may still be
  // withdrawn, else read-only outside any form (like IdeaTextKept), so it can still be copied.
  const typedReason = actionData?.withdrawReason ?? null;
  return (
    <>
      <p>
        <Link to={`/ideas/${ideaId}`}>← {title}</Link>
      </p>
      <div className="card">
        <h1>{t("ideas.edit.title")}</h1>
        {notice === REFUSALS.conflict ? (
          <FormNotice tone="error">
            <p>{t(notice)}</p>
            <p>
              <a href={`/ideas/${ideaId}`} target="_blank" rel="noreferrer">
                {t("ideas.edit.conflictLink")}
              </a>
            </p>
          </FormNotice>
        ) : notice ? (
          <FormNotice tone="error">{t(notice)}</FormNotice>
        ) : null}
        {lock ? (
          actionData?.values ? <IdeaTextKept values={actionData.values} planOptions={planOptions} /> : null
        ) : (
          <IdeaForm
            values={actionData?.values ?? values}
            version={actionData ? (actionData.version ?? "") : version}
            fieldErrors={actionData?.fieldErrors ?? {}}
            planOptions={planOptions}
            staffOptions={staffOptions}
            similar={actionData?.similar ?? []}
            preview={actionData?.preview ?? null}
            submitLabel={t("ideas.edit.save")}
            excludeIdeaId={ideaId}
          />
        )}
      </div>
      {lock && typedReason === null ? null : (
        <section className="card" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t("ideas.withdraw.title")}</h2>
          {lock ? (
            <Field label={t("ideas.withdraw.reason")} inputProps={{ id: "withdraw-reason", name: "reason", type: "text", readOnly: true, defaultValue: typedReason ?? "" }} />
          ) : (
            <>
              <p className="muted">{t("ideas.withdraw.hint")}</p>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="withdraw" />
                <Field label={t("ideas.withdraw.reason")} inputProps={{ id: "withdraw-reason", name: "reason", type: "text", maxLength: 500, defaultValue: typedReason ?? "" }} />
                <div>
                  <button type="submit" className="danger">
                    {t("ideas.withdraw.confirm")}
                  </button>
                </div>
              </Form>
            </>
          )}
        </section>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
