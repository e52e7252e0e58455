import type { Database } from "../../db/client.server";
import { passwordProblem, type PasswordProblem } from "../domain/password-policy";
import { getPasswordHash, setPassword } from "../models/accounts.server";
import { recordAudit } from "../models/audit.server";
import { hashPassword, verifyPassword } from "./password.server";
import { endAllSessions, startSession } from "./session.server";

export type ChangePasswordErrors = {
  currentPassword?: "password.currentWrong";
  newPassword?: PasswordProblem;
  confirmPassword?: "password.mismatch";
};

/**
 * A person changes their own password. Unless an admin just set it (first sign-in), the
 * current password is asked for. Every other session ends; a new one is returned.
 */
export async function changeOwnPassword(
  db: Database,
  params: {
    accountId: string;
    username: string;
    requireCurrent: boolean;
    currentPassword: string;
    newPassword: string;
    confirmPassword: string;
    ipAddress: string;
  },
): Promise<{ ok: true; sessionCookie: string } | { ok: false; errors: ChangePasswordErrors }> {
  const errors: ChangePasswordErrors = {};
  const storedHash = await getPasswordHash(db, params.accountId);
  if (params.requireCurrent && !(await verifyPassword(storedHash, params.currentPassword))) {
    errors.currentPassword = "password.currentWrong";
  }
  const problem = passwordProblem(params.newPassword, { username: params.username });
  if (problem) errors.newPassword = problem;
  else if (storedHash && (await verifyPassword(storedHash, params.newPassword))) errors.newPassword = "password.mustDiffer";
  if (params.newPassword !== params.confirmPassword) errors.confirmPassword = "password.mismatch";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const passwordHash = await hashPassword(params.newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, params.accountId, { passwordHash, mustChangePassword: false });
    await recordAudit(tx, {
      actorAccountId: params.accountId,
      action: "account.password_changed",
      entityType: "account",
      entityId: params.username,
      ipAddress: params.ipAddress,
    });
  });
  await endAllSessions(params.accountId);
  return { ok: true, sessionCookie: await startSession(params.accountId) };
}
