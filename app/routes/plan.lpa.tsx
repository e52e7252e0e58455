import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole, requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice } from "../components/forms";
import { LPA_AREA_CODES, parseLpaFiscalYear, parseLpaForm, type LpaFormValues, type ReportFormError } from "../domain/report-forms";
import { hasAnyRole } from "../domain/roles";
import type { MessageKey } from "../i18n/messages.server";
import { reportsMessages } from "../i18n/catalogue/reports";
import { useI18n } from "../i18n/use-i18n";
import { deleteLpaScore, listLpaHistory, saveLpaScore } from "../models/lpa.server";
import { participationSettings } from "../services/participation-rule.server";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [reportsMessages], "reports.lpa.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const database = db();
  const [history, settings] = await Promise.all([listLpaHistory(database), participationSettings(database)]);
  const closedYears = settings.years.filter((year) => year.closedAt !== null).map((year) => year.fiscalYearBE);
  const rows = history.map((row) => {
    const previous = history.find((candidate) => candidate.fiscalYearBE === row.fiscalYearBE - 1) ?? null;
    return { ...row, updatedAt: undefined, change: previous ? row.score - previous.score : null, closed: closedYears.includes(row.fiscalYearBE) };
  });
  const editYear = Number(new URL(request.url).searchParams.get("edit"));
  const editing = rows.find((row) => row.fiscalYearBE === editYear) ?? null;
  const nextYear = history.length > 0 ? history[history.length - 1].fiscalYearBE + 1 : settings.planYears[0];
  const values: LpaFormValues = {
    fiscalYear: String(editing?.fiscalYearBE ?? nextYear),
    score: editing ? editing.score.toFixed(2) : "",
    source: editing?.source ?? "",
    ...Object.fromEntries(LPA_AREA_CODES.map((code) => [code, editing?.areas?.[code]?.toFixed(2) ?? ""])),
  } as LpaFormValues;
  return json({ rows: rows.reverse(), canEdit: hasAnyRole(user.roles, ["admin"]), values, editing: editing !== null });
}

type ActionResult = { values: LpaFormValues; fieldErrors: Partial<Record<keyof LpaFormValues, ReportFormError>>; refusal: MessageKey | null };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const actor = { accountId: admin.accountId, ipAddress: clientAddress(request) };
  const formData = await request.formData();
  const field = (name: string) => String(formData.get(name) ?? "").slice(0, 1000);
  const intent = field("intent");
  const database = db();
  if (intent === "delete") {
    const fiscalYearBE = parseLpaFiscalYear(field("fiscalYear"));
    if (fiscalYearBE === null) throw notFound();
    const result = await deleteLpaScore(database, actor, fiscalYearBE);
    if (result === "notFound") throw notFound();
    if (result === "closed") return json<ActionResult>({ values: emptyValues(), fieldErrors: {}, refusal: "reports.error.closed" }, { status: 409 });
    return redirect("/plan/lpa?deleted=1");
  }
  if (intent !== "save") throw new Response("Unknown intent", { status: 400 });
  const values = {
    fiscalYear: field("fiscalYear"),
    score: field("score"),
    source: field("source"),
    ...Object.fromEntries(LPA_AREA_CODES.map((code) => [code, field(code)])),
  } as LpaFormValues;
  const parsed = parseLpaForm(values);
  if (!parsed.ok) return json<ActionResult>({ values, fieldErrors: parsed.fieldErrors, refusal: null }, { status: 400 });
  const result = await saveLpaScore(database, actor, parsed.input);
  if (result === "closed") return json<ActionResult>({ values, fieldErrors: {}, refusal: "reports.error.closed" }, { status: 409 });
  return redirect("/plan/lpa?saved=1");
}

function emptyValues(): LpaFormValues {
  return { fiscalYear: "", score: "", source: "", area1: "", area2: "", area3: "", area4: "", area5: "" };
}

export default function LpaPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, fiscalYear } = useI18n(reportsMessages);
  const values = actionData?.values.fiscalYear ? actionData.values : data.values;
  const errors = actionData?.fieldErrors ?? {};
  const error = (name: keyof LpaFormValues) => (errors[name] ? t(errors[name]!) : null);
  const signed = (value: number) => `${value > 0 ? "+" : ""}${value.toFixed(2)}`;
  return (
    <>
      <p>
        <Link to="/plan">← {t("nav.plan")}</Link>
      </p>
      <h1>{t("reports.lpa.title")}</h1>
      <p className="muted">{t("reports.lpa.intro")}</p>
      {searchParams.get("saved") && !actionData ? <FormNotice tone="ok">{t("reports.saved")}</FormNotice> : null}
      {searchParams.get("deleted") && !actionData ? <FormNotice tone="ok">{t("reports.lpa.deleted")}</FormNotice> : null}
      {actionData?.refusal ? <FormNotice tone="error">{t(actionData.refusal)}</FormNotice> : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("reports.lpa.history")}</h2>
        {data.rows.length === 0 ? (
          <p className="card">{t("reports.lpa.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("reports.year")}</th>
                  <th scope="col" className="num">
                    {t("reports.lpa.score")}
                  </th>
                  <th scope="col" className="num">
                    {t("reports.lpa.change")}
                  </th>
                  {LPA_AREA_CODES.map((code, index) => (
                    <th key={code} scope="col" className="num">
                      <abbr title={t(`reports.lpa.area.${code}`)}>{t("reports.lpa.areaShort", { number: index + 1 })}</abbr>
                    </th>
                  ))}
                  <th scope="col">{t("reports.lpa.source")}</th>
                  {data.canEdit ? <th scope="col">{t("reports.manage")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.fiscalYearBE}>
                    <th scope="row">{fiscalYear(row.fiscalYearBE, true)}</th>
                    <td className="num">{row.score.toFixed(2)}</td>
                    <td className="num">
                      {row.change === null ? (
                        "–"
                      ) : (
                        <>
                          {signed(row.change)}{" "}
                          <span className={row.change > 0 ? "badge badge--ok" : "badge badge--danger"}>{row.change > 0 ? t("reports.lpa.above") : t("reports.lpa.notAbove")}</span>
                        </>
                      )}
                    </td>
                    {LPA_AREA_CODES.map((code) => (
                      <td key={code} className="num">
                        {row.areas?.[code] === undefined ? "–" : row.areas[code]!.toFixed(2)}
                      </td>
                    ))}
                    <td className="lpa-source">{row.source}</td>
                    {data.canEdit ? (
                      <td>
                        {row.closed ? null : (
                          <div className="activity-tools">
                            <Link to={`/plan/lpa?edit=${row.fiscalYearBE}#lpa-form`} aria-label={t("reports.lpa.edit", { year: fiscalYear(row.fiscalYearBE, true) })}>
                              {t("reports.lpa.editShort")}
                            </Link>
                            <Form method="post" className="row-form">
                              <input type="hidden" name="intent" value="delete" />
                              <input type="hidden" name="fiscalYear" value={row.fiscalYearBE} />
                              <button type="submit" className="secondary" aria-label={t("reports.lpa.delete", { year: fiscalYear(row.fiscalYearBE, true) })}>
                                {t("reports.lpa.deleteShort")}
                              </button>
                            </Form>
                          </div>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ul className="muted lpa-areas">
          {LPA_AREA_CODES.map((code) => (
            <li key={code}>{t(`reports.lpa.area.${code}`)}</li>
          ))}
        </ul>
      </section>

      {data.canEdit ? (
        <section className="card" aria-labelledby="lpa-form-heading" id="lpa-form">
          <h2 id="lpa-form-heading">{t("reports.lpa.form")}</h2>
          <p className="muted">{t("reports.lpa.formHint")}</p>
          {actionData && !actionData.refusal ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
          <Form method="post" className="stack" key={`${values.fiscalYear}-${data.editing}`}>
            <input type="hidden" name="intent" value="save" />
            <div className="field-row">
              <Field
                label={t("reports.year")}
                hint={t("reports.lpa.yearHint")}
                error={error("fiscalYear")}
                inputProps={{ id: "lpa-year", name: "fiscalYear", type: "text", inputMode: "numeric", maxLength: 4, defaultValue: values.fiscalYear }}
              />
              <Field
                label={t("reports.lpa.score")}
                error={error("score")}
                inputProps={{ id: "lpa-score", name: "score", type: "text", inputMode: "decimal", maxLength: 6, defaultValue: values.score }}
              />
            </div>
            <Field label={t("reports.lpa.source")} error={error("source")} inputProps={{ id: "lpa-source", name: "source", type: "text", maxLength: 300, defaultValue: values.source }} />
            <fieldset>
              <legend>{t("reports.lpa.areasLegend")}</legend>
              <div className="field-row">
                {LPA_AREA_CODES.map((code) => (
                  <Field
                    key={code}
                    label={t(`reports.lpa.area.${code}`)}
                    error={error(code)}
                    inputProps={{ id: `lpa-${code}`, name: code, type: "text", inputMode: "decimal", maxLength: 6, defaultValue: values[code] }}
                  />
                ))}
              </div>
            </fieldset>
            <div>
              <button type="submit">{t("reports.lpa.save")}</button>
            </div>
          </Form>
        </section>
      ) : (
        <p className="muted">{t("reports.lpa.readOnly")}</p>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
