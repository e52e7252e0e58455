import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { personDisplayName } from "../domain/person-name";
import { compareThai } from "../i18n/format";
import { resolveLocale } from "../i18n/locale.server";
import type { MessageKey } from "../i18n/messages.server";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { getSession, listSessionRoster, type SessionRosterRow } from "../models/training.server";
import { hasSessionBegun, parseChecklistForm, saveSessionAttendance } from "../services/training-attendance.server";
import { recordIdFromAddress } from "../http-errors";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "training.attendance.title");

type Group = { key: string; divisionId: number | null; nameTh: string | null; nameEn: string | null; people: SessionRosterRow[] };

/** People by the division they were in on the session's first day; divisions in their order, people in Thai order. */
function groupByDivision(rows: SessionRosterRow[]): Group[] {
  const groups = new Map<string, Group & { sortOrder: number }>();
  for (const row of rows) {
    const key = row.divisionId === null ? "none" : String(row.divisionId);
    let group = groups.get(key);
    if (!group) {
      group = { key, divisionId: row.divisionId, nameTh: row.divisionNameTh, nameEn: row.divisionNameEn, people: [], sortOrder: row.divisionSortOrder ?? Number.MAX_SAFE_INTEGER };
      groups.set(key, group);
    }
    group.people.push(row);
  }
  return [...groups.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || (a.divisionId ?? 0) - (b.divisionId ?? 0))
    .map(({ sortOrder: _sortOrder, ...group }) => ({
      ...group,
      people: [...group.people].sort((a, b) => compareThai(`${a.firstNameTh} ${a.lastNameTh}`, `${b.firstNameTh} ${b.lastNameTh}`)),
    }));
}

async function loadSession(param: string | undefined) {
  const session = await getSession(db(), recordIdFromAddress(param));
  if (!session) throw notFound();
  return session;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const session = await loadSession(params.sessionId);
  const search = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const rows = await listSessionRoster(db(), session, { search });
  const begun = await hasSessionBegun(db(), session);
  const locale = resolveLocale(request, user.locale);
  // Each person by the name the reader reads (PRODUCT.md §5), still in Thai name order.
  const groups = groupByDivision(rows).map((group) => ({ ...group, people: group.people.map((row) => ({ ...row, name: personDisplayName(row, locale) })) }));
  return json({ session, begun, search, groups, formKey: randomUUID() });
}

type ActionData = {
  formKey: string;
  checked: number[];
  hoursTyped: Record<string, string>;
  errors: Record<string, MessageKey>;
  notice: MessageKey | null;
  refusal: MessageKey | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  const session = await loadSession(params.sessionId);
  const formData = await request.formData();
  const form = parseChecklistForm(formData, session.hours);
  const reply = (data: Omit<ActionData, "formKey" | "checked" | "hoursTyped" | "errors"> & Partial<ActionData>, status = 200) =>
    json<ActionData>({ formKey: randomUUID(), checked: form.checked, hoursTyped: form.hoursTyped, errors: {}, ...data }, { status });

  // "Select the whole division" / "clear": tick or untick everyone shown in it, not saved yet.
  const select = formData.get("selectDivision");
  const clear = formData.get("clearDivision");
  if (select !== null || clear !== null) {
    const key = String(select ?? clear);
    const shownRows = await listSessionRoster(db(), session, { personIds: form.shown });
    const inDivision = shownRows
      .filter((row) => (row.divisionId === null ? "none" : String(row.divisionId)) === key && (row.employed || row.hours !== null))
      .map((row) => row.personId);
    const checked = new Set(form.checked);
    for (const id of inDivision) {
      if (select !== null) checked.add(id);
      else checked.delete(id);
    }
    return reply({ checked: [...checked], notice: "training.attendance.notSavedYet", refusal: null });
  }

  if (Object.keys(form.errors).length > 0) return reply({ errors: form.errors, notice: null, refusal: "form.fixErrors" }, 400);
  const result = await saveSessionAttendance(db(), { accountId: user.accountId, ipAddress: clientAddress(request) }, { sessionId: session.id, shown: form.shown, ticked: form.ticked });
  if (result.status === "notFound") throw notFound();
  if (result.status === "notBegun") return reply({ notice: null, refusal: "training.attendance.notBegun" }, 400);
  if (result.status === "notEmployed") {
    const errors = Object.fromEntries(result.personIds.map((id) => [String(id), "training.error.notEmployed" as MessageKey]));
    return reply({ errors, notice: null, refusal: "form.fixErrors" }, 400);
  }
  const search = new URL(request.url).searchParams.get("q");
  const query = new URLSearchParams({ saved: "1", added: String(result.added), changed: String(result.changed), removed: String(result.removed) });
  if (search) query.set("q", search);
  return redirect(`/training/${session.id}/attendance?${query}`);
}

export default function AttendancePage() {
  const { session, begun, search, groups, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, date, number, locale } = useI18n(rosterMessages);
  const checkedIds = actionData ? new Set(actionData.checked) : null;
  const isChecked = (row: SessionRosterRow) => (checkedIds ? checkedIds.has(row.personId) : row.hours !== null);
  const hoursOf = (row: SessionRosterRow) => actionData?.hoursTyped[row.personId] ?? String(row.hours ?? session.hours);
  const saved = searchParams.get("saved") && !actionData;
  const total = groups.reduce((sum, group) => sum + group.people.length, 0);
  const busy = navigation.state === "submitting";
  const formAction = search ? `?q=${encodeURIComponent(search)}` : undefined;
  return (
    <>
      <p>
        <Link to={`/training/${session.id}`}>← {session.title}</Link>
      </p>
      <h1>{t("training.attendance.title")}</h1>
      <p className="muted">
        {session.title} · {session.startDate === session.endDate ? date(session.startDate) : t("training.dateRange", { from: date(session.startDate), to: date(session.endDate) })} ·{" "}
        {t("training.attendance.sessionHours", { hours: number(session.hours) })}
      </p>
      {saved ? (
        <FormNotice tone="ok">
          {t("training.attendance.savedCounts", {
            added: number(Number(searchParams.get("added"))),
            changed: number(Number(searchParams.get("changed"))),
            removed: number(Number(searchParams.get("removed"))),
          })}
        </FormNotice>
      ) : null}
      {actionData?.notice ? <FormNotice tone="ok">{t(actionData.notice)}</FormNotice> : null}
      {actionData?.refusal ? <FormNotice tone="error">{t(actionData.refusal, { date: date(session.startDate) })}</FormNotice> : null}
      {!begun && actionData?.refusal !== "training.attendance.notBegun" ? <FormNotice tone="error">{t("training.attendance.notBegun", { date: date(session.startDate) })}</FormNotice> : null}

      <Form method="get" className="card" role="search">
        <div className="filters">
          <div className="field">
            <label htmlFor="q">{t("training.attendance.search")}</label>
            <input id="q" name="q" type="search" defaultValue={search} placeholder={t("training.attendance.searchHint")} />
          </div>
          <div className="actions">
            <button type="submit">{t("training.attendance.searchSubmit")}</button>
            {search ? <Link to={`/training/${session.id}/attendance`}>{t("training.attendance.clearSearch")}</Link> : null}
          </div>
        </div>
        {search ? <p className="muted">{t("training.attendance.filtered")}</p> : null}
      </Form>

      {total === 0 ? (
        <p className="card">{t("training.attendance.nobody")}</p>
      ) : (
        <Form method="post" action={formAction} key={actionData?.formKey ?? formKey} className="attendance-form">
          <p className="actions">
            <button type="submit" name="intent" value="save" disabled={busy}>
              {t("training.attendance.save")}
            </button>
            <span className="muted">{t("training.attendance.hint")}</span>
          </p>
          {groups.map((group) => {
            const divisionName = group.divisionId === null ? t("training.noDivision") : (locale === "en" && group.nameEn) || group.nameTh || "";
            const headingId = `division-${group.key}`;
            return (
              <section key={group.key} className="card" aria-labelledby={headingId}>
                <div className="actions">
                  <h2 id={headingId}>
                    {divisionName} <span className="muted">({number(group.people.length)})</span>
                  </h2>
                  <button type="submit" name="selectDivision" value={group.key} className="secondary" disabled={busy}>
                    {t("training.attendance.selectDivision", { division: divisionName })}
                  </button>
                  <button type="submit" name="clearDivision" value={group.key} className="secondary" disabled={busy}>
                    {t("training.attendance.clearDivision", { division: divisionName })}
                  </button>
                </div>
                <div className="table-wrap">
                  <table>
                    <caption className="visually-hidden">{divisionName}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("training.attendance.attended")}</th>
                        <th scope="col">{t("roster.code")}</th>
                        <th scope="col">{t("roster.position")}</th>
                        <th scope="col">{t("training.hours")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.people.map((row) => {
                        const name = row.name;
                        const error = actionData?.errors[row.personId];
                        return (
                          <tr key={row.personId}>
                            <th scope="row">
                              <input type="hidden" name="shown" value={row.personId} />
                              <label className="checkbox">
                                <input type="checkbox" name="attended" value={row.personId} defaultChecked={isChecked(row)} />
                                {name}
                              </label>
                              {!row.employed ? <span className="badge badge--warn">{t("training.attendance.notEmployedThen")}</span> : null}
                            </th>
                            <td>{row.employeeCode}</td>
                            <td>{row.positionTh}</td>
                            <td>
                              <input
                                type="text"
                                inputMode="decimal"
                                name={`hours-${row.personId}`}
                                defaultValue={hoursOf(row)}
                                aria-label={t("training.attendance.hoursOf", { name })}
                                aria-invalid={error ? true : undefined}
                                aria-describedby={error ? `hours-error-${row.personId}` : undefined}
                              />
                              {error ? (
                                <p className="field__error" id={`hours-error-${row.personId}`}>
                                  {t(error)}
                                </p>
                              ) : null}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
          <p>
            <button type="submit" name="intent" value="save" disabled={busy}>
              {t("training.attendance.save")}
            </button>
          </p>
        </Form>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
