import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { readRecordVersion } from "../domain/record-version";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { TrainingSessionForm } from "../components/roster-training-session-form";
import { personDisplayName } from "../domain/person-name";
import type { SessionFieldErrors, SessionFormValues } from "../domain/training-session";
import { sortByThaiName } from "../i18n/format";
import type { MessageKey } from "../i18n/messages.server";
import { resolveLocale } from "../i18n/locale.server";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { getSession, listAttendanceForExport } from "../models/training.server";
import { editSession, loadSessionFormOptions, readSessionForm, removeSession, sessionFormFromRow } from "../services/training-sessions.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [], "nav.training");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const database = db();
  const session = await getSession(database, recordIdFromAddress(params.sessionId));
  if (!session) throw notFound();
  const locale = resolveLocale(request, user.locale);
  const [attendance, { planOptions }] = await Promise.all([listAttendanceForExport(database, { sessionId: session.id }), loadSessionFormOptions(database)]);
  return json({
    session,
    // In Thai name order whichever name shows; each by the name the reader reads (PRODUCT.md §5).
    attendees: sortByThaiName(attendance, (row) => `${row.firstNameTh} ${row.lastNameTh}`).map((row) => ({
      employeeCode: row.employeeCode,
      name: personDisplayName(row, locale),
      divisionName: (locale === "en" && row.divisionNameEn) || row.divisionNameTh,
      hours: row.hours,
    })),
    planOptions,
    values: sessionFormFromRow(session, locale),
  });
}

type ActionData = {
  values: SessionFormValues | null;
  fieldErrors: SessionFieldErrors;
  refusal: MessageKey | null;
  /** The version the edit form carries next: the one posted, or after a conflict the one saved now. */
  version?: number | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  const sessionId = recordIdFromAddress(params.sessionId);
  const actor = { accountId: user.accountId, ipAddress: clientAddress(request) };
  const formData = await request.formData();
  const database = db();
  const intent = formData.get("intent");
  if (intent === "delete") {
    if (formData.get("confirm") !== "yes") return json<ActionData>({ values: null, fieldErrors: {}, refusal: "training.deleteConfirmNeeded" }, { status: 400 });
    const session = await getSession(database, sessionId);
    const result = await removeSession(database, actor, sessionId);
    if (result === "notFound" || !session) throw notFound();
    return redirect(`/training?fy=${session.fiscalYear}&deleted=1`);
  }
  if (intent !== "save") return json<ActionData>({ values: null, fieldErrors: {}, refusal: "form.fixErrors" }, { status: 400 });
  const { planIds } = await loadSessionFormOptions(database);
  const { values, parsed } = readSessionForm(formData, planIds);
  const version = readRecordVersion(formData.get("version"));
  if (!parsed.ok) return json<ActionData>({ values, fieldErrors: parsed.fieldErrors, refusal: null, version }, { status: 400 });
  const result = await editSession(database, actor, sessionId, parsed.input, { version });
  if (result === "notFound") throw notFound();
  if (result === "startAfterAttendance") return json<ActionData>({ values, fieldErrors: { startDate: "training.error.startAfterAttendance" }, refusal: null, version }, { status: 400 });
  if (result === "conflict") {
    // Nothing written: what was typed stays in the form; the page above shows the session as saved now.
    const current = await getSession(database, sessionId);
    if (!current) throw notFound();
    return json<ActionData>({ values, fieldErrors: {}, refusal: "training.conflict", version: current.version }, { status: 409 });
  }
  return redirect(`/training/${sessionId}?saved=${result === "saved" ? "updated" : "unchanged"}`);
}

const SAVED: Record<string, MessageKey> = {
  created: "training.created",
  updated: "training.updated",
  unchanged: "rosterHr.unchanged",
  attendance: "training.attendance.saved",
};

export default function TrainingSessionPage() {
  const { session, attendees, planOptions, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editVersion = actionData?.values ? (actionData.version ?? "") : session.version;
  const [searchParams] = useSearchParams();
  const { t, date, number, fiscalYear } = useI18n(rosterMessages);
  const saved = searchParams.get("saved");
  const totalHours = attendees.reduce((sum, row) => sum + row.hours, 0);
  return (
    <>
      <p>
        <Link to={`/training?fy=${session.fiscalYear}`}>← {t("training.title")}</Link>
      </p>
      <h1>{session.title}</h1>
      {saved && SAVED[saved] && !actionData ? <FormNotice tone="ok">{t(SAVED[saved])}</FormNotice> : null}
      {actionData?.refusal ? <FormNotice tone="error">{t(actionData.refusal)}</FormNotice> : null}
      {actionData && !actionData.refusal ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
      <section className="card" aria-labelledby="session-heading">
        <h2 id="session-heading">{t("training.details")}</h2>
        <dl className="roster-details">
          <dt>{t("training.date")}</dt>
          <dd>{session.startDate === session.endDate ? date(session.startDate) : t("training.dateRange", { from: date(session.startDate), to: date(session.endDate) })}</dd>
          <dt>{t("training.fiscalYear")}</dt>
          <dd>{fiscalYear(session.fiscalYear, true)}</dd>
          <dt>{t("training.field.hours")}</dt>
          <dd>{number(session.hours)}</dd>
          <dt>{t("training.field.topic")}</dt>
          <dd>{session.topic || "–"}</dd>
          <dt>{t("training.field.organiser")}</dt>
          <dd>{session.organiser || "–"}</dd>
          <dt>{t("training.field.plan")}</dt>
          <dd>{session.planCode ?? "–"}</dd>
          <dt>{t("training.field.location")}</dt>
          <dd>{session.location || "–"}</dd>
          <dt>{t("training.field.notes")}</dt>
          <dd>{session.notes || "–"}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="attendees-heading">
        <h2 id="attendees-heading">{t("training.attendees")}</h2>
        <div className="actions">
          <Link to={`/training/${session.id}/attendance`} className="button">
            {t("training.attendance.record")}
          </Link>
          <Link to={`/training/${session.id}/import`} className="button secondary">
            {t("training.import.link")}
          </Link>
          <a href={`/training/${session.id}/export`} className="button secondary" download>
            {t("training.exportSession")}
          </a>
        </div>
        {attendees.length === 0 ? (
          <p className="muted">{t("training.noAttendees")}</p>
        ) : (
          <div className="table-wrap roster-spaced">
            <table>
              <caption>{t("training.attendeeSummary", { count: number(attendees.length), hours: number(totalHours) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("roster.code")}</th>
                  <th scope="col">{t("roster.name")}</th>
                  <th scope="col">{t("roster.division")}</th>
                  <th scope="col" className="num">
                    {t("training.hours")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {attendees.map((row) => (
                  <tr key={row.employeeCode}>
                    <td>{row.employeeCode}</td>
                    <td>{row.name}</td>
                    <td>{row.divisionName ?? "–"}</td>
                    <td className="num">{number(row.hours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t("training.edit")}</h2>
        <TrainingSessionForm
          values={actionData?.values ?? values}
          fieldErrors={actionData?.fieldErrors ?? {}}
          planOptions={planOptions}
          version={editVersion}
          submitLabel={t("form.save")}
        />
      </section>

      <section className="card" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("training.delete")}</h2>
        <p className="muted">{t("training.deleteHint")}</p>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="delete" />
          <label className="checkbox">
            <input type="checkbox" name="confirm" value="yes" required /> {t("training.deleteConfirm")}
          </label>
          <div>
            <button type="submit" className="danger">
              {t("training.deleteSubmit")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
