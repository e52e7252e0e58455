import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice, TextAreaField } from "../components/forms";
import { fiscalYearOf } from "../domain/fiscal-year";
import type { ParticipationRule } from "../domain/participation-rule";
import { recordedByName } from "../domain/person-name";
import { ruleFromForm, type ReportFormError, type RuleFormValues, type RuleScope } from "../domain/report-forms";
import type { MessageKey } from "../i18n/messages.server";
import { reportsMessages } from "../i18n/catalogue/reports";
import { resolveLocale } from "../i18n/locale.server";
import { useI18n } from "../i18n/use-i18n";
import { getAppSettings } from "../models/settings.server";
import { chosenFiscalYear } from "../services/dashboard-access.server";
import { participationSettings, saveParticipationRule } from "../services/participation-rule.server";
import { closeFiscalYear, reopenFiscalYear } from "../services/year-close.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [reportsMessages], "reports.rule.title");

const REASON_MAX = 500;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const database = db();
  const { fiscalCalendar } = await getAppSettings(database);
  const { planYears, years, categories } = await participationSettings(database);
  const fiscalYearBE = chosenFiscalYear(new URL(request.url).searchParams.get("fy"), planYears, fiscalYearOf(new Date(), fiscalCalendar));
  const locale = resolveLocale(request, admin.locale);
  // Who closed each year, by the name the reader reads (PRODUCT.md §5).
  const shownYears = years.map(({ closedByNameTh, closedByNameEn, ...year }) => ({ ...year, closedByName: recordedByName({ byNameTh: closedByNameTh, byNameEn: closedByNameEn }, locale) }));
  return json({ fiscalYearBE, years: shownYears, categories });
}

type ActionResult = {
  intent: string;
  rule: RuleFormValues & { scope: RuleScope };
  reason: string;
  fieldErrors: { categories?: ReportFormError; reason?: ReportFormError };
  refusal: MessageKey | null;
};

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const actor = { accountId: admin.accountId, ipAddress: clientAddress(request) };
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const database = db();
  const { planYears, categories } = await participationSettings(database);
  const fiscalYearBE = Number(formData.get("fy"));
  if (!["rule", "close", "reopen"].includes(intent)) throw new Response("Unknown intent", { status: 400 });
  if (!planYears.includes(fiscalYearBE)) throw new Response("Unknown fiscal year", { status: 400 });
  const rule: ActionResult["rule"] = {
    categoryCodes: formData.getAll("category").map(String),
    countComments: formData.get("countComments") === "on",
    countTrainingAttendance: formData.get("countTrainingAttendance") === "on",
    excludeRejectedAtScreening: formData.get("excludeRejectedAtScreening") === "on",
    scope: formData.get("scope") === "thisYear" ? "thisYear" : "following",
  };
  const reason = String(formData.get("reason") ?? "").slice(0, REASON_MAX);
  const reply = (result: Partial<ActionResult>, status: number) => json<ActionResult>({ intent, rule, reason, fieldErrors: {}, refusal: null, ...result }, { status });
  const back = (query: string) => redirect(`/admin/participation?fy=${fiscalYearBE}&${query}`);

  if (intent === "rule") {
    const parsed = ruleFromForm(rule, categories.map((category) => category.code));
    if (!parsed.ok) return reply({ fieldErrors: { categories: parsed.error } }, 400);
    const result = await saveParticipationRule(database, actor, { fiscalYearBE, rule: parsed.rule, scope: rule.scope, planYears });
    if (result.status === "closed") return reply({ refusal: "reports.rule.closedNotice" }, 409);
    return back(new URLSearchParams({ saved: "rule", years: result.changedYears.join(","), skipped: result.skippedClosedYears.join(",") }).toString());
  }
  if (intent === "close") {
    const result = await closeFiscalYear(database, actor, fiscalYearBE);
    if (result === "notOver") return reply({ refusal: "reports.close.notOver" }, 409);
    if (result === "alreadyClosed") return reply({ refusal: "reports.close.alreadyClosed" }, 409);
    return back("saved=closed");
  }
  const result = await reopenFiscalYear(database, actor, fiscalYearBE, reason);
  if (result === "reasonRequired") return reply({ fieldErrors: { reason: "reports.error.required" } }, 400);
  if (result === "notClosed") return reply({ refusal: "reports.reopen.notClosed" }, 409);
  return back("saved=reopened");
}

type Category = { code: string; nameTh: string; nameEn: string };

function useRuleSummary(categories: Category[]) {
  const { t, locale } = useI18n(reportsMessages);
  return (rule: ParticipationRule) => {
    const population =
      rule.countedCategoryCodes === null
        ? t("reports.rule.summary.allCategories")
        : rule.countedCategoryCodes.map((code) => {
            const category = categories.find((candidate) => candidate.code === code);
            return category ? (locale === "en" && category.nameEn) || category.nameTh : code;
          }).join(", ");
    const extras = [
      rule.countComments ? t("reports.rule.summary.comments") : null,
      rule.countTrainingAttendance ? t("reports.rule.summary.training") : null,
      !rule.countComments && !rule.countTrainingAttendance ? t("reports.rule.summary.ideasOnly") : null,
      rule.excludeRejectedAtScreening ? t("reports.rule.summary.excludeRejected") : null,
    ].filter(Boolean);
    return [population, ...extras].join(" · ");
  };
}

export default function ParticipationRulePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, fiscalYear, date, locale } = useI18n(reportsMessages);
  const summary = useRuleSummary(data.categories);
  const chosen = data.years.find((year) => year.fiscalYearBE === data.fiscalYearBE)!;
  const saved = actionData ? null : searchParams.get("saved");
  const listYears = (value: string | null) => (value ? value.split(",").filter(Boolean).map((year) => fiscalYear(Number(year), true)).join(", ") : "");
  const typedRule = actionData?.intent === "rule" ? actionData.rule : null;
  const ruleDefaults: RuleFormValues & { scope: RuleScope } = typedRule ?? {
    categoryCodes: chosen.rule.countedCategoryCodes ?? data.categories.map((category) => category.code),
    countComments: chosen.rule.countComments,
    countTrainingAttendance: chosen.rule.countTrainingAttendance,
    excludeRejectedAtScreening: chosen.rule.excludeRejectedAtScreening,
    scope: "following",
  };
  return (
    <>
      <h1>{t("reports.rule.title")}</h1>
      <p className="muted">{t("reports.rule.intro")}</p>
      {saved === "rule" ? (
        <FormNotice tone="ok">
          <p className="notice__line">{listYears(searchParams.get("years")) ? t("reports.rule.saved", { years: listYears(searchParams.get("years")) }) : t("reports.rule.unchanged")}</p>
          {listYears(searchParams.get("skipped")) ? <p className="notice__line">{t("reports.rule.skipped", { years: listYears(searchParams.get("skipped")) })}</p> : null}
        </FormNotice>
      ) : null}
      {saved === "closed" ? <FormNotice tone="ok">{t("reports.close.done")}</FormNotice> : null}
      {saved === "reopened" ? <FormNotice tone="ok">{t("reports.reopen.done")}</FormNotice> : null}
      {actionData?.refusal ? <FormNotice tone="error">{t(actionData.refusal)}</FormNotice> : null}

      <section aria-labelledby="years-heading">
        <h2 id="years-heading">{t("reports.rule.years")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reports.year")}</th>
                <th scope="col">{t("reports.rule.inForce")}</th>
                <th scope="col">{t("reports.rule.yearState")}</th>
              </tr>
            </thead>
            <tbody>
              {data.years.map((year) => (
                <tr key={year.fiscalYearBE} className={year.fiscalYearBE === data.fiscalYearBE ? "row--current" : undefined}>
                  <th scope="row">
                    <Link to={`/admin/participation?fy=${year.fiscalYearBE}`} aria-current={year.fiscalYearBE === data.fiscalYearBE ? "true" : undefined}>
                      {fiscalYear(year.fiscalYearBE, true)}
                    </Link>
                  </th>
                  <td>{summary(year.rule)}</td>
                  <td>
                    {year.closedAt ? t("reports.rule.closedAt", { date: date(year.closedAt), name: year.closedByName ?? "–" }) : t(`reports.rule.phase.${year.phase}`)}
                    {year.reopenReason && !year.closedAt ? <div className="muted">{t("reports.rule.reopened", { reason: year.reopenReason })}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t("reports.rule.editFor", { fiscalYear: fiscalYear(chosen.fiscalYearBE) })}</h2>
        {chosen.closedAt ? (
          <FormNotice tone="error">{t("reports.rule.closedNotice")}</FormNotice>
        ) : (
          <Form method="post" className="stack" key={`${chosen.fiscalYearBE}-${typedRule ? "typed" : "saved"}`}>
            <input type="hidden" name="intent" value="rule" />
            <input type="hidden" name="fy" value={chosen.fiscalYearBE} />
            <fieldset aria-describedby={`categories-hint${actionData?.fieldErrors.categories ? " categories-error" : ""}`}>
              <legend>{t("reports.rule.categories")}</legend>
              <p className="field__hint" id="categories-hint">
                {t("reports.rule.categoriesHint")}
              </p>
              {data.categories.map((category) => (
                <label key={category.code} className="checkbox">
                  <input type="checkbox" name="category" value={category.code} defaultChecked={ruleDefaults.categoryCodes.includes(category.code)} />
                  {(locale === "en" && category.nameEn) || category.nameTh}
                </label>
              ))}
              {actionData?.fieldErrors.categories ? (
                <p className="field__error" id="categories-error" role="alert">
                  {t(actionData.fieldErrors.categories)}
                </p>
              ) : null}
            </fieldset>
            <fieldset>
              <legend>{t("reports.rule.contributions")}</legend>
              <label className="checkbox">
                <input type="checkbox" name="countComments" defaultChecked={ruleDefaults.countComments} />
                {t("reports.rule.countComments")}
              </label>
              <label className="checkbox">
                <input type="checkbox" name="countTrainingAttendance" defaultChecked={ruleDefaults.countTrainingAttendance} />
                {t("reports.rule.countTraining")}
              </label>
              <label className="checkbox">
                <input type="checkbox" name="excludeRejectedAtScreening" defaultChecked={ruleDefaults.excludeRejectedAtScreening} />
                {t("reports.rule.excludeRejected")}
              </label>
            </fieldset>
            <fieldset>
              <legend>{t("reports.rule.scope")}</legend>
              <label className="checkbox">
                <input type="radio" name="scope" value="following" defaultChecked={ruleDefaults.scope === "following"} />
                {t("reports.rule.scope.following")}
              </label>
              <label className="checkbox">
                <input type="radio" name="scope" value="thisYear" defaultChecked={ruleDefaults.scope === "thisYear"} />
                {t("reports.rule.scope.thisYear")}
              </label>
            </fieldset>
            <div>
              <button type="submit">{t("reports.rule.save")}</button>
            </div>
          </Form>
        )}
      </section>

      {chosen.closedAt ? (
        <section className="card" aria-labelledby="reopen-heading">
          <h2 id="reopen-heading">{t("reports.reopen.title")}</h2>
          <p className="muted">{t("reports.reopen.hint")}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="reopen" />
            <input type="hidden" name="fy" value={chosen.fiscalYearBE} />
            <TextAreaField
              label={t("reports.reopen.reason")}
              error={actionData?.fieldErrors.reason ? t(actionData.fieldErrors.reason) : null}
              textareaProps={{ id: "reopen-reason", name: "reason", rows: 3, maxLength: REASON_MAX, defaultValue: actionData?.reason ?? "" }}
            />
            <div>
              <button type="submit" className="danger">
                {t("reports.reopen.submit", { fiscalYear: fiscalYear(chosen.fiscalYearBE) })}
              </button>
            </div>
          </Form>
        </section>
      ) : chosen.phase === "past" ? (
        <section className="card" aria-labelledby="close-heading">
          <h2 id="close-heading">{t("reports.close.title")}</h2>
          <p className="muted">{t("reports.close.hint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="fy" value={chosen.fiscalYearBE} />
            <button type="submit">{t("reports.close.submit", { fiscalYear: fiscalYear(chosen.fiscalYearBE) })}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
