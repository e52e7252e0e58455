import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client.server";
import { accounts, ideas, innovations, people, projects, trainingSessions } from "../../../db/schema";
import { demoAccounts } from "../../../db/seed/data/staff";
import type { SampleIds } from "./types";

/** Real rows of the seeded demo database for route params: the first of each table ("1" if empty) and the staff demo account. */
export async function readSampleIds(db: Database): Promise<SampleIds> {
  const first = async (table: typeof ideas | typeof people | typeof projects | typeof innovations | typeof trainingSessions) =>
    String((await db.select({ id: table.id }).from(table).orderBy(table.id).limit(1))[0]?.id ?? 1);
  const staffCode = demoAccounts.find((account) => account.role === "staff")!.employeeCode;
  const [staffAccount] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, staffCode));
  return {
    someAccountId: staffAccount?.id ?? "",
    someIdeaId: await first(ideas),
    somePersonId: await first(people),
    someProjectId: await first(projects),
    someInnovationId: await first(innovations),
    someTrainingSessionId: await first(trainingSessions),
  };
}
