import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "../../db/runtime.server";
import { clientAddress, requireUser } from "../auth/current-user.server";
import { contentDisposition } from "../domain/attachment-kinds";
import { recordAudit } from "../models/audit.server";
import { organisationToday } from "../models/settings.server";
import { personalDataOf } from "../services/personal-data.server";

/**
 * Everything held about the person signed in, as one JSON file they can keep or hand on (PDPA:
 * a person can export what is held about them). The same data as /account/data, every item.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const database = db();
  const [data, today] = await Promise.all([personalDataOf(database, user), organisationToday(database)]);
  await recordAudit(database, {
    actorAccountId: user.accountId,
    action: "personal_data.exported",
    entityType: "person",
    entityId: user.personId,
    ipAddress: clientAddress(request),
  });
  const file = { exportedAt: new Date().toISOString(), ...data };
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition(`nawat-my-data-${user.username}-${today}.json`, false),
      "Cache-Control": "no-store",
    },
  });
}
