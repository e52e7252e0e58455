import type { Database } from "../../db/client.server";
import type { CurrentUser } from "../auth/current-user.server";
import { getAccountRecord, listPersonalActivity, listRecordAccess } from "../models/personal-data.server";
import { getPersonDetail } from "../models/roster.server";
import { personTraining } from "./training-figures.server";

/** The newest audit entries about the person that the page and the download carry. */
export const RECORD_ACCESS_LIMIT = 200;

/**
 * Everything the app holds about the person signed in (PDPA: a person can see and export what
 * is held about them): their roster record, their account (never the password hash), what they
 * did (ideas, votes, comments, follows, projects, training), what they were told
 * (notifications), and who opened or changed their record. Read by their own person id only.
 */
export async function personalDataOf(db: Database, user: Pick<CurrentUser, "personId" | "username" | "roles">) {
  const [record, account, activity, training, recordAccess] = await Promise.all([
    getPersonDetail(db, user.personId),
    getAccountRecord(db, user.personId),
    listPersonalActivity(db, user.personId),
    personTraining(db, user.personId),
    listRecordAccess(db, user.personId, user.username, RECORD_ACCESS_LIMIT),
  ]);
  // The roster record's own copy of the account holds internal ids; the account section says it all.
  const person = record && { ...record, account: undefined };
  return {
    person,
    account: account && { ...account, roles: user.roles },
    ...activity,
    training: training.rows,
    recordAccess,
  };
}

export type PersonalData = Awaited<ReturnType<typeof personalDataOf>>;
