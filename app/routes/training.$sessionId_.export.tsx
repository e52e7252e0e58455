import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { recordAudit } from "../models/audit.server";
import { getSession, listAttendanceForExport } from "../models/training.server";
import { attendanceCsv } from "../services/training-export.server";
import { csvFileResponse } from "../services/roster-list.server";
import { recordIdFromAddress } from "../http-errors";
import { notFound } from "../http-errors";

/** One session's attendance as CSV (UTF-8 with BOM, formula-safe); `employee_code,hours` import back. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr");
  const database = db();
  const session = await getSession(database, recordIdFromAddress(params.sessionId));
  if (!session) throw notFound();
  const rows = await listAttendanceForExport(database, { sessionId: session.id });
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "attendance.exported",
    entityType: "training_session",
    entityId: session.id,
    details: { rows: rows.length },
    ipAddress: clientAddress(request),
  });
  return csvFileResponse(attendanceCsv(rows, "session"), `attendance-session-${session.id}.csv`);
}
