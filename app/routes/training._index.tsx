import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { trainingYearOverview, trainingYears } from "../services/training-figures.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "training.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr");
  const database = db();
  const { years, current } = await trainingYears(database);
  const asked = Number(new URL(request.url).searchParams.get("fy"));
  const fiscalYear = years.includes(asked) ? asked : current;
  const overview = await trainingYearOverview(database, fiscalYear);
  return json({ years, overview });
}

export default function TrainingPage() {
  const { years, overview } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t, date, number, percent, fiscalYear, locale } = useI18n(rosterMessages);
  const share = (value: number | null) => (value === null ? "–" : percent(value));
  const deleted = searchParams.get("deleted");
  return (
    <>
      <h1>{t("training.title")}</h1>
      {deleted ? <FormNotice tone="ok">{t("training.deleted")}</FormNotice> : null}
      <div className="actions">
        <Link to="/training/new" className="button">
          {t("training.new")}
        </Link>
        <a href={`/training/export?fy=${overview.fiscalYear}`} className="button secondary" download>
          {t("training.exportYear")}
        </a>
      </div>
      <Form method="get" className="card" aria-label={t("training.chooseYear")}>
        <div className="filters">
          <div className="field">
            <label htmlFor="fy">{t("training.fiscalYear")}</label>
            <select id="fy" name="fy" defaultValue={overview.fiscalYear}>
              {years.map((year) => (
                <option key={year} value={year}>
                  {fiscalYear(year)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">{t("training.show")}</button>
          </div>
        </div>
      </Form>

      <section className="card" aria-labelledby="share-heading">
        <h2 id="share-heading">{t("training.shareTitle", { year: fiscalYear(overview.fiscalYear) })}</h2>
        <p className="training-share">
          <strong>{share(overview.share)}</strong>{" "}
          {t("training.shareSentence", { trained: number(overview.trained), employed: number(overview.employed), hours: number(overview.hours) })}
        </p>
        <p className="muted">{t("training.shareRule", { from: date(overview.dates.firstDay), to: date(overview.dates.lastDay) })}</p>
        <div className="table-wrap">
          <table>
            <caption>{t("training.byDivision")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("roster.division")}</th>
                <th scope="col" className="num">
                  {t("training.employed")}
                </th>
                <th scope="col" className="num">
                  {t("training.trained")}
                </th>
                <th scope="col" className="num">
                  {t("training.share")}
                </th>
                <th scope="col" className="num">
                  {t("training.hours")}
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.divisions.map((division) => (
                <tr key={division.divisionId ?? "none"}>
                  <th scope="row">{division.divisionId === null ? t("training.noDivision") : (locale === "en" && division.nameEn) || division.nameTh}</th>
                  <td className="num">{number(division.employed)}</td>
                  <td className="num">{number(division.trained)}</td>
                  <td className="num">{share(division.share)}</td>
                  <td className="num">{number(division.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("training.sessionsOf", { year: fiscalYear(overview.fiscalYear) })}</h2>
        {overview.sessions.length === 0 ? (
          <p className="card">{t("training.noSessions")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("training.sessionsOf", { year: fiscalYear(overview.fiscalYear) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("training.date")}</th>
                  <th scope="col">{t("training.field.title")}</th>
                  <th scope="col">{t("training.field.organiser")}</th>
                  <th scope="col">{t("training.field.plan")}</th>
                  <th scope="col" className="num">
                    {t("training.field.hours")}
                  </th>
                  <th scope="col" className="num">
                    {t("training.attendees")}
                  </th>
                  <th scope="col" className="num">
                    {t("training.attendeeHours")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.sessions.map((session) => (
                  <tr key={session.id}>
                    <td>{session.startDate === session.endDate ? date(session.startDate) : t("training.dateRange", { from: date(session.startDate), to: date(session.endDate) })}</td>
                    <td>
                      <Link to={`/training/${session.id}`}>{session.title}</Link>
                    </td>
                    <td>{session.organiser}</td>
                    <td>{session.planCode ?? "–"}</td>
                    <td className="num">{number(session.hours)}</td>
                    <td className="num">
                      <Link to={`/training/${session.id}/attendance`}>
                        {number(session.attendees)}
                        <span className="visually-hidden"> {t("training.attendanceOf", { title: session.title })}</span>
                      </Link>
                    </td>
                    <td className="num">{number(session.attendeeHours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
