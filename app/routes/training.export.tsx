import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { recordAudit } from "../models/audit.server";
import { listAttendanceForExport } from "../models/training.server";
import { attendanceCsv } from "../services/training-export.server";
import { csvFileResponse } from "../services/roster-list.server";
import { trainingYears } from "../services/training-figures.server";

/** Every session's attendance in a fiscal year (?fy=2569) as CSV (UTF-8 with BOM, formula-safe). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const database = db();
  const { years, current } = await trainingYears(database);
  const asked = Number(new URL(request.url).searchParams.get("fy"));
  const fiscalYear = years.includes(asked) ? asked : current;
  const rows = await listAttendanceForExport(database, { fiscalYear });
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "attendance.exported",
    entityType: "training_year",
    entityId: fiscalYear,
    details: { rows: rows.length },
    ipAddress: clientAddress(request),
  });
  return csvFileResponse(attendanceCsv(rows, "year"), `attendance-fy${fiscalYear}.csv`);
}
