import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "../auth/current-user.server";
import { csvFileResponse, rosterTemplateCsv } from "../services/roster-list.server";

/** An empty roster file: the header row only (UTF-8 with BOM), ready to fill in Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr");
  return csvFileResponse(rosterTemplateCsv(), "roster-template.csv");
}
