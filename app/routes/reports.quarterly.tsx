import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice, TextAreaField } from "../components/forms";
import { ReportDivisionTable, ReportIndicatorTable } from "../components/report-indicators";
import { ReportMovement } from "../components/report-movement";
import { AsOf, PrintButton, ReportParagraphs, ReportSignatures } from "../components/report-parts";
import { ReportPeriodForm } from "../components/report-period-form";
import { fiscalYearRange } from "../domain/fiscal-year";
import { cleanReportText, REPORT_TEXT_MAX, type ReportFormError } from "../domain/report-forms";
import { chosenReportQuarter, isFiscalQuarter } from "../domain/report-period";
import { hasAnyRole } from "../domain/roles";
import { dashboardMessages } from "../i18n/catalogue/dashboard";
import { reportsMessages } from "../i18n/catalogue/reports";
import { InThai, useI18n } from "../i18n/use-i18n";
import { saveQuarterlyText } from "../models/quarterly-reports.server";
import { getAppSettings } from "../models/settings.server";
import { quarterlyReport } from "../services/reports.server";
import printStyles from "../styles/print.css";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [], "nav.reports");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

/**
 * Who reads the Mayor's report: executives, the committee (which writes it) and administrators.
 * Who writes its problems and next steps: the committee and executives.
 */
const READERS = ["executive", "committee", "admin"] as const;
const WRITERS = ["committee", "executive"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ...READERS);
  const database = db();
  const settings = await getAppSettings(database);
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const url = new URL(request.url);
  const period = chosenReportQuarter({ fy: url.searchParams.get("fy"), q: url.searchParams.get("q") }, planYears, new Date(), settings.fiscalCalendar);
  const report = await quarterlyReport(database, period);
  return json({ planYears, report, canWrite: hasAnyRole(user.roles, WRITERS) });
}

type ActionResult = { problems: string; nextSteps: string; fieldErrors: { problems?: ReportFormError; nextSteps?: ReportFormError }; conflict: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ...WRITERS);
  const formData = await request.formData();
  if (formData.get("intent") !== "texts") throw new Response("Unknown intent", { status: 400 });
  const settings = await getAppSettings(db());
  const fiscalYearBE = Number(formData.get("fy"));
  const quarter = Number(formData.get("q"));
  if (fiscalYearBE < settings.planPeriod.firstFiscalYearBE || fiscalYearBE > settings.planPeriod.lastFiscalYearBE || !isFiscalQuarter(quarter)) {
    throw new Response("Unknown quarter", { status: 400 });
  }
  const typed = { problems: String(formData.get("problems") ?? "").slice(0, 2 * REPORT_TEXT_MAX), nextSteps: String(formData.get("nextSteps") ?? "").slice(0, 2 * REPORT_TEXT_MAX) };
  const problems = cleanReportText(typed.problems);
  const nextSteps = cleanReportText(typed.nextSteps);
  if (!problems.ok || !nextSteps.ok) {
    return json<ActionResult>(
      { ...typed, conflict: false, fieldErrors: { problems: problems.ok ? undefined : problems.error, nextSteps: nextSteps.ok ? undefined : nextSteps.error } },
      { status: 400 },
    );
  }
  const result = await saveQuarterlyText(db(), { accountId: user.accountId, ipAddress: clientAddress(request) }, {
    fiscalYearBE,
    quarter,
    problems: problems.text,
    nextSteps: nextSteps.text,
    version: String(formData.get("version") ?? ""),
  });
  if (result.status === "conflict") return json<ActionResult>({ ...typed, conflict: true, fieldErrors: {} }, { status: 409 });
  return redirect(`/reports/quarterly?fy=${fiscalYearBE}&q=${quarter}&saved=1`);
}

/**
 * The report itself, always in Thai with Buddhist Era dates (PRODUCT.md §6: it goes to the Mayor),
 * whatever language the reader chose for the menu, the quarter picker and the buttons around it.
 */
function QuarterlyReportDocument({ report }: { report: SerializeFrom<typeof loader>["report"] }) {
  const { t, fiscalYear, date, dateTime } = useI18n(dashboardMessages, reportsMessages);
  const { year, movement, texts } = report;
  const organisation = report.organisation.nameTh;
  return (
    <article className="report" lang="th" aria-labelledby="report-title">
      <header className="report-header">
        {organisation ? <p className="report-organisation">{organisation}</p> : null}
        <h1 id="report-title">{t("reports.quarterly.heading", { quarter: report.quarter, fiscalYear: fiscalYear(report.fiscalYearBE) })}</h1>
        <p>{t("reports.quarterly.period", { from: date(report.firstDay), to: date(report.lastDay) })}</p>
        {organisation ? <p>{t("reports.quarterly.addressee", { organisation })}</p> : null}
        <AsOf closed={year.closed} state={report.state} asOfDate={report.asOfDate} todayDate={report.todayDate} />
      </header>

      <section className="report-section" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">1. {t("reports.section.indicators")}</h2>
        <ReportIndicatorTable figures={year.figures} caption={fiscalYear(report.fiscalYearBE)} />
        <ReportDivisionTable divisions={year.byDivision} caption={t("dashboard.byDivision")} />
      </section>

      <section className="report-section report-section--break" aria-labelledby="movement-heading">
        <h2 id="movement-heading">2. {t("reports.section.movement")}</h2>
        <ReportMovement movement={movement} />
      </section>

      <section className="report-section" aria-labelledby="texts-heading">
        <h2 id="texts-heading">3. {t("reports.section.texts")}</h2>
        <h3>{t("reports.texts.problems")}</h3>
        <ReportParagraphs text={texts.problems} />
        <h3>{t("reports.texts.nextSteps")}</h3>
        <ReportParagraphs text={texts.nextSteps} />
        {texts.updatedAt && texts.updatedByNameTh ? (
          <p className="muted report-controls">{t("reports.texts.lastSaved", { name: texts.updatedByNameTh, date: dateTime(texts.updatedAt) })}</p>
        ) : null}
      </section>

      <ReportSignatures />
    </article>
  );
}

export default function QuarterlyReportPage() {
  const { planYears, report, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n(dashboardMessages, reportsMessages);
  const { texts } = report;
  const query = `fy=${report.fiscalYearBE}&q=${report.quarter}`;
  return (
    <>
      <div className="report-controls">
        <p>
          <Link to={`/reports/yearly?fy=${report.fiscalYearBE}`}>{t("reports.yearlyLink")}</Link>
        </p>
        <ReportPeriodForm years={planYears} fiscalYearBE={report.fiscalYearBE} quarter={report.quarter} />
        <div className="actions">
          <PrintButton />
          <a className="button secondary" href={`/reports/quarterly/csv?${query}`} download>
            {t("reports.csv.download")}
          </a>
        </div>
        <p className="muted">{t("reports.printHint")}</p>
        {searchParams.get("saved") && !actionData ? <FormNotice tone="ok">{t("reports.saved")}</FormNotice> : null}
      </div>

      <InThai>
        <QuarterlyReportDocument report={report} />
      </InThai>

      {canWrite ? (
        <section className="card report-form" aria-labelledby="texts-form-heading" id="texts-form">
          <h2 id="texts-form-heading">{t("reports.texts.form")}</h2>
          {actionData?.conflict ? <FormNotice tone="error">{t("reports.texts.conflict")}</FormNotice> : null}
          {actionData && !actionData.conflict ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
          <Form method="post" className="stack" key={texts.version}>
            <input type="hidden" name="intent" value="texts" />
            <input type="hidden" name="fy" value={report.fiscalYearBE} />
            <input type="hidden" name="q" value={report.quarter} />
            <input type="hidden" name="version" value={texts.version} />
            <TextAreaField
              label={t("reports.texts.problems")}
              hint={t("reports.texts.hint", { max: REPORT_TEXT_MAX })}
              error={actionData?.fieldErrors.problems ? t(actionData.fieldErrors.problems) : null}
              textareaProps={{ id: "problems", name: "problems", rows: 6, defaultValue: actionData?.problems ?? texts.problems }}
            />
            <TextAreaField
              label={t("reports.texts.nextSteps")}
              hint={t("reports.texts.hint", { max: REPORT_TEXT_MAX })}
              error={actionData?.fieldErrors.nextSteps ? t(actionData.fieldErrors.nextSteps) : null}
              textareaProps={{ id: "nextSteps", name: "nextSteps", rows: 6, defaultValue: actionData?.nextSteps ?? texts.nextSteps }}
            />
            <div>
              <button type="submit">{t("reports.texts.save")}</button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
