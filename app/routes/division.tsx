import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { PageNav, usePeopleCaption } from "../components/page-nav";
import { RosterTable } from "../components/roster-table";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { organisationToday } from "../models/settings.server";
import { toRosterTableRows } from "../models/roster-view.server";
import { listRosterPage, requestedPage } from "../services/roster-list.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [], "nav.myDivision");

/** A director sees the staff of their own division only: the division comes from the session. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "director");
  if (user.divisionId === null) return json({ division: null, rows: [], list: null });
  const database = db();
  const today = await organisationToday(database);
  // One page at a time, in Thai name order, like HR's roster: a large division is not one long table.
  const list = await listRosterPage(
    database,
    { onDate: today, employedBetween: { from: today, to: today }, divisionId: user.divisionId },
    requestedPage(new URL(request.url).searchParams.get("page")),
  );
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "division_roster.viewed",
    entityType: "division",
    entityId: user.divisionId,
    details: { page: list.page, rows: list.rows.length, total: list.total },
    ipAddress: clientAddress(request),
  });
  return json({
    division: { nameTh: user.divisionNameTh ?? "", nameEn: user.divisionNameEn ?? "" },
    rows: toRosterTableRows(list.rows),
    list: { total: list.total, page: list.page, pageCount: list.pageCount, from: list.from, to: list.to },
  });
}

export default function DivisionPage() {
  const { division, rows, list } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const caption = usePeopleCaption();
  if (!division || !list) {
    return <p className="card">{t("division.none")}</p>;
  }
  const divisionName = (locale === "en" && division.nameEn) || division.nameTh;
  return (
    <>
      <h1>{t("division.title", { division: divisionName })}</h1>
      <RosterTable rows={rows} caption={caption(list)} />
      <PageNav page={list.page} pageCount={list.pageCount} hrefOf={(page) => (page > 1 ? `/division?page=${page}` : "/division")} label={t("roster.pages")} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
