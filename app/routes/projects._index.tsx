import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { IpStatusBadge } from "../components/innovation-fields";
import { ProjectProgress, ProjectStatusBadge, SelectField } from "../components/project-fields";
import { fiscalYearRange } from "../domain/fiscal-year";
import { PROJECT_STATUSES, type ProjectStatus } from "../domain/project-status";
import { personDisplayName } from "../domain/person-name";
import { parseRecordId } from "../domain/record-id";
import { hasAnyRole } from "../domain/roles";
import { compareThai } from "../i18n/format";
import { projectsMessages } from "../i18n/catalogue/projects";
import { projectsListMessages } from "../i18n/catalogue/projects-list";
import { resolveLocale } from "../i18n/locale.server";
import { useI18n } from "../i18n/use-i18n";
import { listInnovations } from "../models/innovations.server";
import { getPlanTree } from "../models/plan.server";
import { countsByFiscalYear, listProjects } from "../models/projects.server";
import { getAppSettings } from "../models/settings.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [projectsListMessages], "projects.list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const planId = parseRecordId(url.searchParams.get("plan") ?? "") ?? undefined;
  const statusParam = url.searchParams.get("status") ?? "";
  const status = (PROJECT_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as ProjectStatus) : undefined;
  const yearParam = Number(url.searchParams.get("year") ?? "");
  const fiscalYear = Number.isInteger(yearParam) && yearParam >= 2400 && yearParam <= 2800 ? yearParam : undefined;
  const database = db();
  const [projects, innovations, counts, tree, settings] = await Promise.all([
    listProjects(database, { planId, status, fiscalYear }),
    listInnovations(database, { planId, fiscalYear }),
    countsByFiscalYear(database),
    getPlanTree(database),
    getAppSettings(database),
  ]);
  // Started projects by fiscal year (latest first), then Thai name order; not started last.
  const sorted = [...projects].sort(
    (a, b) => (b.fiscalYear ?? -1) - (a.fiscalYear ?? -1) || compareThai(a.nameTh, b.nameTh),
  );
  const { firstFiscalYearBE, lastFiscalYearBE } = settings.planPeriod;
  const years = [...new Set([...fiscalYearRange(firstFiscalYearBE, lastFiscalYearBE), ...counts.map((row) => row.fiscalYear)])].sort((a, b) => a - b);
  let projectTotal = 0;
  let innovationTotal = 0;
  const perYear = years.map((year) => {
    const row = counts.find((entry) => entry.fiscalYear === year);
    // Cumulative since the plan began: years before the plan are not counted.
    if (year >= firstFiscalYearBE) {
      projectTotal += row?.projects ?? 0;
      innovationTotal += row?.innovations ?? 0;
    }
    return { fiscalYear: year, projects: row?.projects ?? 0, innovations: row?.innovations ?? 0, projectTotal, innovationTotal };
  });
  const locale = resolveLocale(request, user.locale);
  return json({
    // The owner by the name the reader reads (PRODUCT.md §5): English where the roster has one.
    projects: sorted.map(({ ownerNameTh, ownerNameEn, ...project }) => ({
      ...project,
      ownerName: ownerNameTh === null ? null : personDisplayName({ nameTh: ownerNameTh, nameEn: ownerNameEn }, locale),
    })),
    innovations,
    perYear,
    years,
    planOptions: tree.flatMap((strategy) => strategy.plans.map((plan) => ({ id: plan.id, code: plan.code, nameTh: plan.nameTh, nameEn: plan.nameEn }))),
    filters: { plan: planId ? String(planId) : "", status: status ?? "", year: fiscalYear ? String(fiscalYear) : "" },
    isCommittee: hasAnyRole(user.roles, ["committee"]),
  });
}

export default function ProjectsPage() {
  const { projects, innovations, perYear, years, planOptions, filters, isCommittee } = useLoaderData<typeof loader>();
  const { t, locale, date, number, fiscalYear } = useI18n(projectsMessages, projectsListMessages);
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  const filtered = filters.plan !== "" || filters.status !== "" || filters.year !== "";
  return (
    <>
      <h1>{t("projects.list.title")}</h1>
      <p className="muted">{t("projects.list.intro")}</p>
      {isCommittee ? (
        <p>
          <Link to="/projects/new" className="button">
            {t("projects.list.new")}
          </Link>
        </p>
      ) : null}

      <section className="card" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="visually-hidden">
          {t("projects.list.filters")}
        </h2>
        <Form method="get" className="filters">
          <SelectField label={t("projects.col.plan")} selectProps={{ id: "filter-plan", name: "plan", defaultValue: filters.plan }}>
            <option value="">{t("projects.list.all")}</option>
            {planOptions.map((plan) => (
              <option key={plan.id} value={String(plan.id)}>
                {plan.code} {name(plan)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("projects.col.status")} selectProps={{ id: "filter-status", name: "status", defaultValue: filters.status }}>
            <option value="">{t("projects.list.all")}</option>
            {PROJECT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`projects.status.${status}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("projects.col.fiscalYear")} selectProps={{ id: "filter-year", name: "year", defaultValue: filters.year }}>
            <option value="">{t("projects.list.all")}</option>
            {years.map((year) => (
              <option key={year} value={String(year)}>
                {fiscalYear(year)}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit">{t("projects.list.filter")}</button>
            {filtered ? <Link to="/projects">{t("projects.list.clear")}</Link> : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">
          {t("projects.list.projects")} <span className="muted">({t("projects.list.count", { count: number(projects.length) })})</span>
        </h2>
        {projects.length === 0 ? (
          <p className="muted">{t("projects.list.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="wide-table">
              <thead>
                <tr>
                  <th scope="col">{t("projects.col.project")}</th>
                  <th scope="col">{t("projects.col.plan")}</th>
                  <th scope="col">{t("projects.col.owner")}</th>
                  <th scope="col">{t("projects.col.status")}</th>
                  <th scope="col">{t("projects.col.progress")}</th>
                  <th scope="col">{t("projects.col.fiscalYear")}</th>
                  <th scope="col" className="num">
                    {t("projects.col.ideas")}
                  </th>
                  <th scope="col" className="num">
                    {t("projects.col.innovations")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {projects.map((project) => (
                  <tr key={project.id}>
                    <th scope="row">
                      <Link to={`/projects/${project.id}`}>{name(project)}</Link>
                    </th>
                    <td>{project.planCode ?? t("projects.noPlan")}</td>
                    <td>{project.ownerName ?? t("projects.nobody")}</td>
                    <td>
                      <ProjectStatusBadge status={project.status} />
                    </td>
                    <td>
                      <ProjectProgress value={project.progress} label={`${t("projects.col.progress")} ${name(project)}`} />
                    </td>
                    <td>{project.fiscalYear ? fiscalYear(project.fiscalYear, true) : t("projects.list.notStarted")}</td>
                    <td className="num">{number(project.ideaCount)}</td>
                    <td className="num">{number(project.innovationCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="innovations-heading">
        <h2 id="innovations-heading">
          {t("projects.list.innovations")} <span className="muted">({t("projects.list.innovationCount", { count: number(innovations.length) })})</span>
        </h2>
        {innovations.length === 0 ? (
          <p className="muted">{t("projects.list.innovationsEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="wide-table">
              <thead>
                <tr>
                  <th scope="col">{t("projects.col.innovation")}</th>
                  <th scope="col">{t("projects.col.project")}</th>
                  <th scope="col">{t("projects.col.deliveredOn")}</th>
                  <th scope="col">{t("projects.col.ip")}</th>
                  <th scope="col" className="num">
                    {t("projects.col.followUps")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {innovations.map((innovation) => (
                  <tr key={innovation.id}>
                    <th scope="row">
                      <Link to={`/innovations/${innovation.id}`}>{name(innovation)}</Link>
                    </th>
                    <td>
                      <Link to={`/projects/${innovation.projectId}`}>{locale === "en" && innovation.projectNameEn ? innovation.projectNameEn : innovation.projectNameTh}</Link>
                    </td>
                    <td>{date(innovation.deliveredOn, "medium")}</td>
                    <td>
                      <IpStatusBadge status={innovation.ipStatus} />
                    </td>
                    <td className="num">{number(innovation.followUpCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="per-year-heading">
        <h2 id="per-year-heading">{t("projects.list.perYear")}</h2>
        <p className="muted">{t("projects.list.perYearHint")}</p>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("projects.col.fiscalYear")}</th>
                <th scope="col" className="num">
                  {t("projects.list.projectsInYear")}
                </th>
                <th scope="col" className="num">
                  {t("projects.list.cumulative")}
                </th>
                <th scope="col" className="num">
                  {t("projects.list.innovationsInYear")}
                </th>
                <th scope="col" className="num">
                  {t("projects.list.cumulative")}
                </th>
              </tr>
            </thead>
            <tbody>
              {perYear.map((row) => (
                <tr key={row.fiscalYear}>
                  <th scope="row">{fiscalYear(row.fiscalYear)}</th>
                  <td className="num">{number(row.projects)}</td>
                  <td className="num">{number(row.projectTotal)}</td>
                  <td className="num">{number(row.innovations)}</td>
                  <td className="num">{number(row.innovationTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
