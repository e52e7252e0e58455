import { and, asc, eq, gte, isNull, notExists, or, sql, type SQL } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client.server";
import { accountRoles, accounts, divisionAssignments, divisions, employmentPeriods, people } from "../../db/schema";
import { accountStatus, canSignIn, type AccountStatus } from "../domain/account-status";
import type { Role } from "../domain/roles";
import type { AppLocale } from "../i18n/messages.server";
import { personNameEn, personNameTh } from "./people-sql.server";
import { normaliseUsername } from "./sign-in-attempts.server";

export type AccountForSignIn = {
  id: string;
  passwordHash: string;
  mustChangePassword: boolean;
  status: AccountStatus;
};

/**
 * Someone whose every employment period ended before `today` has left: their account stops
 * working the day after HR records the end, without anyone having to disable it. A person
 * with no employment recorded, or starting later, is not "left". The SQL of `hasLeft` in
 * app/domain/account-status.ts.
 */
function hasLeft(personId: SQL, today: string) {
  return sql<boolean>`(exists (select 1 from ${employmentPeriods} ep where ep.person_id = ${personId})
    and not exists (select 1 from ${employmentPeriods} ep where ep.person_id = ${personId} and (ep.end_date is null or ep.end_date >= ${today}::date)))`;
}

/** An account's status from its row: PGlite may answer a boolean expression as 't'/'f'. */
function statusOf(row: { disabledAt: Date | null; left: boolean }): AccountStatus {
  return accountStatus({ disabled: row.disabledAt !== null, left: row.left === true || (row.left as unknown) === "t" });
}

export async function findAccountForSignIn(db: Database, username: string, today: string): Promise<AccountForSignIn | null> {
  const [row] = await db
    .select({
      id: accounts.id,
      passwordHash: accounts.passwordHash,
      mustChangePassword: accounts.mustChangePassword,
      disabledAt: accounts.disabledAt,
      // Qualified by hand: drizzle leaves columns unqualified in a one-table select, and the
      // subquery's own person_id would shadow it.
      left: hasLeft(sql`"accounts"."person_id"`, today),
    })
    .from(accounts)
    .where(eq(accounts.username, normaliseUsername(username)));
  if (!row) return null;
  return { id: row.id, passwordHash: row.passwordHash, mustChangePassword: row.mustChangePassword, status: statusOf(row) };
}

/** What every request needs to know about the signed-in person. */
export type SignedInAccount = {
  accountId: string;
  username: string;
  personId: number;
  displayNameTh: string;
  displayNameEn: string | null;
  locale: AppLocale;
  mustChangePassword: boolean;
  roles: Role[];
  /** The person's division today (directors see this division). */
  divisionId: number | null;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
};

export async function getSignedInAccount(db: Database, accountId: string, today: string): Promise<SignedInAccount | null> {
  const [row] = await db
    .select({
      accountId: accounts.id,
      username: accounts.username,
      personId: people.id,
      nameTh: personNameTh(),
      nameEn: personNameEn(),
      locale: accounts.locale,
      mustChangePassword: accounts.mustChangePassword,
      disabledAt: accounts.disabledAt,
      left: hasLeft(sql`"people"."id"`, today),
      roles: sql<Role[]>`coalesce((select array_agg(${accountRoles.role} order by ${accountRoles.role}) from ${accountRoles} where ${accountRoles.accountId} = ${accounts.id}), '{}')`,
      divisionId: divisions.id,
      divisionNameTh: divisions.nameTh,
      divisionNameEn: divisions.nameEn,
    })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .leftJoin(
      divisionAssignments,
      and(
        eq(divisionAssignments.personId, people.id),
        sql`${divisionAssignments.startDate} <= ${today}`,
        or(isNull(divisionAssignments.endDate), gte(divisionAssignments.endDate, today)),
      ),
    )
    .leftJoin(divisions, eq(divisions.id, divisionAssignments.divisionId))
    .where(eq(accounts.id, accountId))
    .limit(1);
  if (!row || !canSignIn(statusOf(row))) return null;
  return {
    accountId: row.accountId,
    username: row.username,
    personId: row.personId,
    displayNameTh: row.nameTh,
    displayNameEn: row.nameEn,
    locale: row.locale === "en" ? "en" : "th",
    mustChangePassword: row.mustChangePassword,
    roles: parseRoleArray(row.roles),
    divisionId: row.divisionId,
    divisionNameTh: row.divisionNameTh,
    divisionNameEn: row.divisionNameEn,
  };
}

// postgres.js returns text[] as an array; PGlite may too, but a '{a,b}' string is handled as well.
function parseRoleArray(value: unknown): Role[] {
  if (Array.isArray(value)) return value as Role[];
  if (typeof value === "string") return value.replace(/^\{|\}$/g, "").split(",").filter(Boolean) as Role[];
  return [];
}

export type AccountListRow = {
  accountId: string;
  username: string;
  nameTh: string;
  /** The English name from the roster, null without one (personNameEn). */
  nameEn: string | null;
  roles: Role[];
  /** Disabled by an administrator (what the enable/disable button changes). */
  disabled: boolean;
  /** What sign-in does with the account on `today`: active, disabled, or left (employment ended). */
  status: AccountStatus;
  mustChangePassword: boolean;
};

/** Every account, with its status on `today` (the organisation's date). */
export function listAccounts(db: Database, today: string): Promise<AccountListRow[]> {
  return selectAccounts(db, today);
}

export async function getAccount(db: Database, accountId: string, today: string): Promise<AccountListRow | null> {
  const [row] = await selectAccounts(db, today, accountId);
  return row ?? null;
}

async function selectAccounts(db: Database, today: string, accountId?: string): Promise<AccountListRow[]> {
  const rows = await db
    .select({
      accountId: accounts.id,
      username: accounts.username,
      nameTh: personNameTh(),
      nameEn: personNameEn(),
      disabledAt: accounts.disabledAt,
      left: hasLeft(sql`"people"."id"`, today),
      mustChangePassword: accounts.mustChangePassword,
      roles: sql<Role[]>`coalesce((select array_agg(${accountRoles.role} order by ${accountRoles.role}) from ${accountRoles} where ${accountRoles.accountId} = ${accounts.id}), '{}')`,
    })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(accountId === undefined ? undefined : eq(accounts.id, accountId))
    .orderBy(asc(accounts.username));
  return rows.map((row) => ({
    accountId: row.accountId,
    username: row.username,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    roles: parseRoleArray(row.roles),
    disabled: row.disabledAt !== null,
    status: statusOf(row),
    mustChangePassword: row.mustChangePassword,
  }));
}

/** People still employed on `today` who have no account yet (candidates for a new one). */
export async function listPeopleWithoutAccount(db: Database, today: string) {
  return db
    .select({ personId: people.id, employeeCode: people.employeeCode, nameTh: personNameTh(), nameEn: personNameEn() })
    .from(people)
    .where(
      and(
        notExists(db.select({ one: sql`1` }).from(accounts).where(eq(accounts.personId, people.id))),
        sql`exists (select 1 from ${employmentPeriods} where ${employmentPeriods.personId} = ${people.id} and ${employmentPeriods.startDate} <= ${today} and (${employmentPeriods.endDate} is null or ${employmentPeriods.endDate} >= ${today}))`,
      ),
    )
    .orderBy(asc(people.employeeCode));
}

export class AccountExistsError extends Error {}

/** Create an account for a person; the username is their employee code. */
export async function createAccount(
  db: Database,
  params: { personId: number; passwordHash: string; roles: Role[]; mustChangePassword: boolean },
): Promise<{ accountId: string; username: string } | null> {
  const [person] = await db.select({ code: people.employeeCode }).from(people).where(eq(people.id, params.personId));
  if (!person) return null;
  const accountId = randomUUID();
  const inserted = await db
    .insert(accounts)
    .values({
      id: accountId,
      personId: params.personId,
      username: normaliseUsername(person.code),
      passwordHash: params.passwordHash,
      mustChangePassword: params.mustChangePassword,
    })
    .onConflictDoNothing()
    .returning({ id: accounts.id });
  if (inserted.length === 0) throw new AccountExistsError();
  await setAccountRoles(db, accountId, params.roles);
  return { accountId, username: normaliseUsername(person.code) };
}

/** Replace an account's roles; "staff" is always kept. */
export async function setAccountRoles(db: Database, accountId: string, roles: readonly Role[]): Promise<Role[]> {
  const finalRoles = [...new Set<Role>(["staff", ...roles])].sort();
  await db.delete(accountRoles).where(eq(accountRoles.accountId, accountId));
  await db.insert(accountRoles).values(finalRoles.map((role) => ({ accountId, role })));
  return finalRoles;
}

export async function setPassword(
  db: Database,
  accountId: string,
  params: { passwordHash: string; mustChangePassword: boolean },
): Promise<void> {
  await db
    .update(accounts)
    .set({ passwordHash: params.passwordHash, mustChangePassword: params.mustChangePassword, passwordChangedAt: new Date() })
    .where(eq(accounts.id, accountId));
}

export async function setAccountDisabled(db: Database, accountId: string, disabled: boolean): Promise<void> {
  await db
    .update(accounts)
    .set({ disabledAt: disabled ? new Date() : null })
    .where(eq(accounts.id, accountId));
}

export async function setAccountLocale(db: Database, accountId: string, locale: AppLocale): Promise<void> {
  await db.update(accounts).set({ locale }).where(eq(accounts.id, accountId));
}

export async function getPasswordHash(db: Database, accountId: string): Promise<string | null> {
  const [row] = await db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, accountId));
  return row?.hash ?? null;
}
