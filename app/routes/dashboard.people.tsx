import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { fiscalYearOf, fiscalYearRange } from "../domain/fiscal-year";
import { personDisplayName } from "../domain/person-name";
import { dashboardMessages } from "../i18n/catalogue/dashboard";
import { resolveLocale } from "../i18n/locale.server";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { listDivisions } from "../models/people.server";
import { getAppSettings } from "../models/settings.server";
import { chosenFiscalYear, requireDashboardScope } from "../services/dashboard-access.server";
import { participationDetails, type ParticipantDetail } from "../services/indicators.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [dashboardMessages], "dashboard.drill.pageTitle");

/**
 * From a percentage to the people behind it. Executives and HR see everyone (and may narrow to
 * a division); a director sees their own division only, whatever the URL says.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requireDashboardScope(request);
  if (scope.kind === "noDivision") throw new Response("Forbidden", { status: 403 });
  const url = new URL(request.url);
  const database = db();
  const settings = await getAppSettings(database);
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const fiscalYearBE = chosenFiscalYear(url.searchParams.get("fy"), planYears, fiscalYearOf(new Date(), settings.fiscalCalendar));
  const askedDivision = Number(url.searchParams.get("division"));
  const divisionId = scope.kind === "division" ? scope.divisionId : Number.isInteger(askedDivision) && askedDivision > 0 ? askedDivision : undefined;
  const locale = resolveLocale(request, scope.user.locale);
  const [details, divisions] = await Promise.all([participationDetails(database, fiscalYearBE, { divisionId }), listDivisions(database)]);
  // Who has and has not taken part is personal data (PDPA): the read is logged.
  await recordAudit(database, {
    actorAccountId: scope.user.accountId,
    action: "participation.viewed",
    entityType: "participation",
    entityId: String(fiscalYearBE),
    details: { divisionId: divisionId ?? null },
    ipAddress: clientAddress(request),
  });
  return json({
    fiscalYearBE,
    divisionId: divisionId ?? null,
    canChooseDivision: scope.kind === "organisation",
    divisions: divisions.map((division) => ({ id: division.id, nameTh: division.nameTh, nameEn: division.nameEn })),
    // Each person by the name the reader reads (PRODUCT.md §5), still in Thai name order.
    counted: details.counted.map((row) => ({ ...row, name: personDisplayName(row, locale) })),
    notCounted: details.notCounted.map((row) => ({ ...row, name: personDisplayName(row, locale) })),
  });
}

function PeopleTable({ rows, caption }: { rows: (ParticipantDetail & { name: string })[]; caption: string }) {
  const { t, locale } = useI18n(dashboardMessages);
  const what = (row: ParticipantDetail) =>
    [
      row.countedIdeas > 0 ? t("dashboard.drill.ideas", { count: row.countedIdeas }) : null,
      row.comments > 0 ? t("dashboard.drill.comments", { count: row.comments }) : null,
      row.trainingSessions > 0 ? t("dashboard.drill.training", { count: row.trainingSessions }) : null,
    ].filter(Boolean);
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("roster.code")}</th>
            <th scope="col">{t("dashboard.drill.name")}</th>
            <th scope="col">{t("dashboard.division")}</th>
            <th scope="col">{t("dashboard.drill.what")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.personId}>
              <td>{row.employeeCode}</td>
              <th scope="row">{row.name}</th>
              <td>{(locale === "en" && row.divisionNameEn) || row.divisionNameTh || "–"}</td>
              <td>
                {what(row).join(" · ") || t("dashboard.drill.nothing")}
                {row.ideas.length > 0 ? (
                  <ul>
                    {row.ideas.map((idea) => (
                      <li key={idea.id}>
                        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ParticipationPeoplePage() {
  const data = useLoaderData<typeof loader>();
  const { t, fiscalYear, locale } = useI18n(dashboardMessages);
  return (
    <>
      <p>
        <Link to={`/dashboard?fy=${data.fiscalYearBE}`}>← {t("dashboard.drill.back")}</Link>
      </p>
      <h1>{t("dashboard.drill.title", { fiscalYear: fiscalYear(data.fiscalYearBE) })}</h1>
      {data.canChooseDivision ? (
        <Form method="get" className="actions">
          <input type="hidden" name="fy" value={data.fiscalYearBE} />
          <label htmlFor="division">{t("dashboard.division")}</label>
          <select id="division" name="division" defaultValue={data.divisionId ?? ""}>
            <option value="">{t("dashboard.drill.allDivisions")}</option>
            {data.divisions.map((division) => (
              <option key={division.id} value={division.id}>
                {(locale === "en" && division.nameEn) || division.nameTh}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            {t("dashboard.show")}
          </button>
        </Form>
      ) : null}
      <p>
        <a className="button secondary" href={`/dashboard/people/csv?fy=${data.fiscalYearBE}${data.divisionId ? `&division=${data.divisionId}` : ""}`} download>
          {t("dashboard.exportCsv")}
        </a>
      </p>
      <h2>{t("dashboard.drill.counted", { count: data.counted.length })}</h2>
      <PeopleTable rows={data.counted} caption={t("dashboard.drill.counted", { count: data.counted.length })} />
      <h2>{t("dashboard.drill.notCounted", { count: data.notCounted.length })}</h2>
      <PeopleTable rows={data.notCounted} caption={t("dashboard.drill.notCounted", { count: data.notCounted.length })} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
