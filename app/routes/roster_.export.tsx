import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { recordAudit } from "../models/audit.server";
import { csvFileResponse, listWholeRoster, rosterCsv, rosterQueryFrom } from "../services/roster-list.server";

/**
 * The roster as CSV (the import's columns, UTF-8 with BOM, formula-safe), with the list's
 * filters and search: every page of the list, not only the one shown. Division and employment
 * are the person's latest, as an import reads them, so an export can be edited and imported back.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const database = db();
  const { query, filters, today } = await rosterQueryFrom(database, new URL(request.url));
  const rows = await listWholeRoster(database, { ...filters, onDate: "9999-12-31" });
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "roster.exported",
    entityType: "roster",
    details: { show: query.show, divisionId: query.divisionId, categoryId: query.categoryId, searched: query.search !== "", rows: rows.length },
    ipAddress: clientAddress(request),
  });
  return csvFileResponse(rosterCsv(rows), `roster-${today}.csv`);
}
