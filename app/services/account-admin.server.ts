import type { Database } from "../../db/client.server";
import { passwordProblem, type PasswordProblem } from "../domain/password-policy";
import { ROLES, isRole, type Role } from "../domain/roles";
import {
  AccountExistsError,
  createAccount,
  getAccount,
  setAccountDisabled,
  setAccountRoles,
  setPassword,
} from "../models/accounts.server";
import { recordAudit } from "../models/audit.server";
import { organisationToday } from "../models/settings.server";
import { hashPassword } from "../auth/password.server";
import { endAllSessions } from "../auth/session.server";

type Actor = { accountId: string; ipAddress: string };

/** Roles from a form's checkboxes: unknown values are dropped, staff is always kept. */
export function rolesFromForm(values: FormDataEntryValue[]): Role[] {
  return ROLES.filter((role) => role === "staff" || values.some((value) => value === role && isRole(value)));
}

export async function adminCreateAccount(
  db: Database,
  actor: Actor,
  params: { personId: number; initialPassword: string; roles: Role[] },
): Promise<{ ok: true; username: string } | { ok: false; errors: { personId?: "accounts.personTaken" | "accounts.personUnknown"; initialPassword?: PasswordProblem } }> {
  const problem = passwordProblem(params.initialPassword, { username: "" });
  if (problem) return { ok: false, errors: { initialPassword: problem } };
  const passwordHash = await hashPassword(params.initialPassword);
  try {
    return await db.transaction(async (tx) => {
      const created = await createAccount(tx, { personId: params.personId, passwordHash, roles: params.roles, mustChangePassword: true });
      if (!created) return { ok: false as const, errors: { personId: "accounts.personUnknown" as const } };
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: "account.created",
        entityType: "account",
        entityId: created.username,
        details: { roles: params.roles },
        ipAddress: actor.ipAddress,
      });
      return { ok: true as const, username: created.username };
    });
  } catch (error) {
    if (error instanceof AccountExistsError) return { ok: false, errors: { personId: "accounts.personTaken" } };
    throw error;
  }
}

export async function adminSetRoles(
  db: Database,
  actor: Actor,
  accountId: string,
  roles: Role[],
): Promise<"saved" | "notSelf" | "notFound"> {
  const account = await getAccount(db, accountId, await organisationToday(db));
  if (!account) return "notFound";
  // An admin cannot lock everyone out by removing their own admin role.
  if (accountId === actor.accountId && account.roles.includes("admin") && !roles.includes("admin")) return "notSelf";
  await db.transaction(async (tx) => {
    const saved = await setAccountRoles(tx, accountId, roles);
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "account.roles_changed",
      entityType: "account",
      entityId: account.username,
      details: { before: account.roles, after: saved },
      ipAddress: actor.ipAddress,
    });
  });
  return "saved";
}

export async function adminResetPassword(
  db: Database,
  actor: Actor,
  accountId: string,
  newPassword: string,
): Promise<"saved" | "notFound" | PasswordProblem> {
  const account = await getAccount(db, accountId, await organisationToday(db));
  if (!account) return "notFound";
  const problem = passwordProblem(newPassword, { username: account.username });
  if (problem) return problem;
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, accountId, { passwordHash, mustChangePassword: true });
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: "account.password_reset",
      entityType: "account",
      entityId: account.username,
      ipAddress: actor.ipAddress,
    });
  });
  await endAllSessions(accountId);
  return "saved";
}

export async function adminSetDisabled(
  db: Database,
  actor: Actor,
  accountId: string,
  disabled: boolean,
): Promise<"saved" | "notSelf" | "notFound"> {
  const account = await getAccount(db, accountId, await organisationToday(db));
  if (!account) return "notFound";
  if (disabled && accountId === actor.accountId) return "notSelf";
  await db.transaction(async (tx) => {
    await setAccountDisabled(tx, accountId, disabled);
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: disabled ? "account.disabled" : "account.enabled",
      entityType: "account",
      entityId: account.username,
      ipAddress: actor.ipAddress,
    });
  });
  // A disabled account's sessions end at once, on every device.
  if (disabled) await endAllSessions(accountId);
  return "saved";
}
