import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice } from "../components/forms";
import { SelectField } from "../components/roster-person-form";
import { TrainingYearTotals } from "../components/training-year-totals";
import { AccountStatusLabel } from "../components/account-status";
import { accountStatus, hasLeft } from "../domain/account-status";
import type { MessageKey } from "../i18n/messages.server";
import { rosterMessages } from "../i18n/catalogue/roster";
import { accountMessages } from "../i18n/catalogue/account";
import { adminMessages } from "../i18n/catalogue/admin";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { employedOn, getPersonDetail } from "../models/roster.server";
import { organisationToday } from "../models/settings.server";
import { createStaffAccount, endEmployment, loadPersonFormOptions, moveDivision, personFormDefaults, startEmployment } from "../services/roster-people.server";
import { personTraining } from "../services/training-figures.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "rosterHr.person.details");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const database = db();
  const person = await getPersonDetail(database, recordIdFromAddress(params.personId));
  if (!person) throw notFound();
  const [{ rows: training, totals }, options, todayDate] = await Promise.all([personTraining(database, person.personId), loadPersonFormOptions(database), organisationToday(database)]);
  // Personal data (PDPA): opening a person's record is a sensitive read and is logged.
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "roster.person_viewed",
    entityType: "person",
    entityId: person.personId,
    ipAddress: clientAddress(request),
  });
  const latest = person.periods.at(-1) ?? null;
  return json({
    person,
    training,
    totals,
    divisions: options.divisions,
    employedToday: employedOn(person.periods, todayDate),
    accountStatus: person.account ? accountStatus({ disabled: person.account.disabled, left: hasLeft(person.periods, todayDate) }) : null,
    latestPeriod: latest,
    viewerIsAdmin: user.roles.includes("admin"),
    defaults: personFormDefaults(person, todayDate),
  });
}

type ActionError = { intent: string; field: string; error: MessageKey; params?: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  const personId = recordIdFromAddress(params.personId);
  const actor = { accountId: user.accountId, ipAddress: clientAddress(request) };
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const field = (name: string) => String(formData.get(name) ?? "").slice(0, 40);
  const values = { endDate: field("endDate"), startDate: field("startDate"), effectiveDate: field("effectiveDate"), divisionId: field("divisionId"), rehireDivisionId: field("rehireDivisionId") };
  const database = db();
  const fail = (error: Omit<ActionError, "values" | "intent">) => json<ActionError>({ intent, values, ...error }, { status: 400 });
  if (intent === "end") {
    const result = await endEmployment(database, actor, personId, values.endDate);
    if (!result.ok) {
      if ("notFound" in result) throw notFound();
      return fail(result);
    }
  } else if (intent === "rehire" || intent === "move") {
    const { divisionCodeById } = await loadPersonFormOptions(database);
    const result =
      intent === "rehire"
        ? await startEmployment(database, actor, personId, { rawStartDate: values.startDate, divisionId: Number(values.rehireDivisionId), divisionCodeById })
        : await moveDivision(database, actor, personId, { rawEffectiveDate: values.effectiveDate, divisionId: Number(values.divisionId), divisionCodeById });
    if (!result.ok) {
      if ("notFound" in result) throw notFound();
      return fail(result);
    }
  } else if (intent === "account") {
    const result = await createStaffAccount(database, actor, {
      personId,
      initialPassword: String(formData.get("initialPassword") ?? "").slice(0, 1024),
      today: await organisationToday(database),
    });
    if (!result.ok) return fail({ field: "initialPassword", error: result.error });
  } else {
    return fail({ field: "intent", error: "form.fixErrors" });
  }
  return redirect(`/roster/${personId}?saved=${intent}`);
}

const SAVED_MESSAGES: Record<string, MessageKey> = {
  created: "rosterHr.person.created",
  details: "rosterHr.saved",
  unchanged: "rosterHr.unchanged",
  end: "rosterHr.person.ended",
  rehire: "rosterHr.person.rehired",
  move: "rosterHr.person.moved",
  account: "rosterHr.person.accountCreated",
};

/** One of this page's forms: it posts to the action above, which tells them apart by `intent`. */
function IntentForm({ intent, title, submit, busy, children }: { intent: string; title?: string; submit: string; busy: boolean; children: ReactNode }) {
  return (
    <Form method="post" className="stack roster-inline-form">
      <input type="hidden" name="intent" value={intent} />
      {title ? <h3>{title}</h3> : null}
      {children}
      <div>
        <button type="submit" disabled={busy}>
          {submit}
        </button>
      </div>
    </Form>
  );
}

type Span = { id: number; start: string; end: string | null };

/** Employment periods or division assignments: from, to (or "ongoing"), and with `what` a first column saying what the span was. */
function SpanTable<Row extends Span>({ caption, spans, what }: { caption: string; spans: readonly Row[]; what?: { heading: string; of: (span: Row) => string } }) {
  const { t, date } = useI18n(rosterMessages);
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {what ? <th scope="col">{what.heading}</th> : null}
            <th scope="col">{t("rosterHr.from")}</th>
            <th scope="col">{t("rosterHr.to")}</th>
          </tr>
        </thead>
        <tbody>
          {spans.map((span) => (
            <tr key={span.id}>
              {what ? <td>{what.of(span)}</td> : null}
              <td>{date(span.start)}</td>
              <td>{span.end ? date(span.end) : t("rosterHr.ongoing")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function PersonPage() {
  const { person, training, totals, divisions, employedToday, accountStatus, latestPeriod, viewerIsAdmin, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, locale, date, number } = useI18n(rosterMessages, accountMessages, adminMessages);
  const pick = (th: string, en: string) => (locale === "en" && en) || th;
  const saved = searchParams.get("saved");
  const errorOf = (intent: string, field: string) => {
    if (!actionData || actionData.intent !== intent || actionData.field !== field) return null;
    const params = Object.fromEntries(Object.entries(actionData.params ?? {}).map(([key, value]) => [key, key === "date" ? date(value) : value]));
    return t(actionData.error, params);
  };
  const typed = (intent: string, field: keyof ActionError["values"], fallback: string) =>
    actionData && actionData.intent === intent ? actionData.values[field] : fallback;
  const name = `${person.prefixTh}${person.firstNameTh} ${person.lastNameTh}`;
  const currentDivision = person.assignments.at(-1);
  const busy = navigation.state === "submitting";
  return (
    <>
      <p>
        <Link to="/roster">← {t("roster.title")}</Link>
      </p>
      <h1>{name}</h1>
      <p>
        <span className="badge">{person.employeeCode}</span>
        {employedToday ? <span className="badge">{t("rosterHr.person.employed")}</span> : <span className="badge badge--warn">{t("roster.left")}</span>}
      </p>
      {saved && SAVED_MESSAGES[saved] && !actionData ? <FormNotice tone="ok">{t(SAVED_MESSAGES[saved])}</FormNotice> : null}
      {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}

      <section className="card" aria-labelledby="details-heading">
        <div className="actions">
          <h2 id="details-heading">{t("rosterHr.person.details")}</h2>
          <Link to={`/roster/${person.personId}/edit`}>{t("rosterHr.person.edit")}</Link>
        </div>
        <dl className="roster-details">
          <dt>{t("roster.code")}</dt>
          <dd>{person.employeeCode}</dd>
          <dt>{t("roster.name")}</dt>
          <dd>{name}</dd>
          <dt>{t("rosterHr.person.nameEn")}</dt>
          <dd>{person.firstNameEn || person.lastNameEn ? `${person.firstNameEn ?? ""} ${person.lastNameEn ?? ""}`.trim() : "–"}</dd>
          <dt>{t("rosterHr.field.email")}</dt>
          <dd>{person.email ?? "–"}</dd>
          <dt>{t("roster.position")}</dt>
          <dd>{person.positionTh}</dd>
          <dt>{t("roster.category")}</dt>
          <dd>{pick(person.categoryNameTh, person.categoryNameEn)}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="employment-heading">
        <h2 id="employment-heading">{t("rosterHr.person.employment")}</h2>
        <SpanTable caption={t("rosterHr.person.employment")} spans={person.periods} />
        {latestPeriod && (latestPeriod.end === null || employedToday) ? (
          <IntentForm intent="end" title={t("rosterHr.person.endTitle")} submit={t("rosterHr.person.endSubmit")} busy={busy}>
            <Field
              label={t("rosterHr.person.endDate")}
              hint={t("rosterHr.dateHint")}
              error={errorOf("end", "endDate")}
              inputProps={{ id: "end-date", name: "endDate", type: "text", defaultValue: typed("end", "endDate", defaults.endDate), autoComplete: "off" }}
            />
          </IntentForm>
        ) : (
          <IntentForm intent="rehire" title={t("rosterHr.person.rehireTitle")} submit={t("rosterHr.person.rehireSubmit")} busy={busy}>
            <Field
              label={t("rosterHr.person.rehireDate")}
              hint={t("rosterHr.dateHint")}
              error={errorOf("rehire", "startDate")}
              inputProps={{ id: "rehire-date", name: "startDate", type: "text", defaultValue: typed("rehire", "startDate", ""), autoComplete: "off" }}
            />
            <SelectField
              id="rehire-division"
              name="rehireDivisionId"
              label={t("roster.division")}
              value={typed("rehire", "rehireDivisionId", currentDivision ? String(currentDivision.divisionId) : "")}
              placeholder={t("rosterHr.choose")}
              options={divisions.map((division) => ({ value: String(division.id), label: pick(division.nameTh, division.nameEn) }))}
              error={errorOf("rehire", "rehireDivisionId")}
            />
          </IntentForm>
        )}
      </section>

      <section className="card" aria-labelledby="division-heading">
        <h2 id="division-heading">{t("rosterHr.person.divisions")}</h2>
        <SpanTable
          caption={t("rosterHr.person.divisions")}
          spans={person.assignments}
          what={{ heading: t("roster.division"), of: (assignment) => pick(assignment.divisionNameTh, assignment.divisionNameEn) }}
        />
        {employedToday ? (
          <IntentForm intent="move" title={t("rosterHr.person.moveTitle")} submit={t("rosterHr.person.moveSubmit")} busy={busy}>
            <p className="muted">{t("rosterHr.person.moveHint")}</p>
            <SelectField
              id="move-division"
              name="divisionId"
              label={t("rosterHr.person.moveTo")}
              value={typed("move", "divisionId", "")}
              placeholder={t("rosterHr.choose")}
              options={divisions
                .filter((division) => division.id !== currentDivision?.divisionId)
                .map((division) => ({ value: String(division.id), label: pick(division.nameTh, division.nameEn) }))}
              error={errorOf("move", "divisionId")}
            />
            <Field
              label={t("rosterHr.person.moveDate")}
              hint={t("rosterHr.dateHint")}
              error={errorOf("move", "effectiveDate")}
              inputProps={{ id: "move-date", name: "effectiveDate", type: "text", defaultValue: typed("move", "effectiveDate", defaults.effectiveDate), autoComplete: "off" }}
            />
          </IntentForm>
        ) : null}
      </section>

      <section className="card" aria-labelledby="training-heading">
        <h2 id="training-heading">{t("training.person.title")}</h2>
        {training.length === 0 ? (
          <p className="muted">{t("training.person.none")}</p>
        ) : (
          <>
            <TrainingYearTotals totals={totals} />
            <div className="table-wrap roster-spaced">
              <table>
                <caption>{t("training.person.sessions")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("training.date")}</th>
                    <th scope="col">{t("training.field.title")}</th>
                    <th scope="col" className="num">
                      {t("training.hours")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {training.map((row) => (
                    <tr key={row.sessionId}>
                      <td>{date(row.startDate)}</td>
                      <td>
                        <Link to={`/training/${row.sessionId}`}>{row.title}</Link>
                      </td>
                      <td className="num">{number(row.hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t("rosterHr.person.account")}</h2>
        {person.account ? (
          <>
            <p>
              {t("accounts.username")}: <strong>{person.account.username}</strong>{" "}
              {accountStatus ? <AccountStatusLabel status={accountStatus} /> : null}
              {person.account.mustChangePassword ? <span className="badge badge--warn">{t("accounts.mustChange")}</span> : null}
            </p>
            <p>
              {t("accounts.roles")}:{" "}
              {person.account.roles.map((role) => (
                <span key={role} className="badge">
                  {t(`role.${role}`)}
                </span>
              ))}
            </p>
            {viewerIsAdmin ? (
              <p>
                <Link to={`/admin/accounts/${person.account.accountId}`}>{t("accounts.edit")}</Link>
              </p>
            ) : (
              <p className="muted">{t("rosterHr.person.accountAdminHint")}</p>
            )}
            {/* Not employed today yet not "left" (employment starts later): the account still signs in. */}
            {!employedToday && accountStatus === "active" ? <p className="muted">{t("rosterHr.person.leaverAccountHint")}</p> : null}
          </>
        ) : employedToday ? (
          <IntentForm intent="account" submit={t("accounts.createSubmit")} busy={busy}>
            <p className="muted">{t("rosterHr.person.accountHint")}</p>
            <Field
              label={t("accounts.initialPassword")}
              hint={t("accounts.initialPasswordHint")}
              error={errorOf("account", "initialPassword")}
              inputProps={{ id: "initial-password", name: "initialPassword", type: "text", autoComplete: "off", minLength: 8 }}
            />
          </IntentForm>
        ) : (
          <p className="muted">{t("rosterHr.person.noAccountLeft")}</p>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
