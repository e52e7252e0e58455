/**
 * Password rules after NIST SP 800-63B / OWASP: a minimum length, a generous maximum, no
 * composition rules, and not the username. Returns message keys, not text.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "password.tooShort" | "password.tooLong" | "password.sameAsUsername" | "password.mustDiffer";

export function passwordProblem(
  password: string,
  context: { username: string; currentPassword?: string },
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "password.tooShort";
  if (length > PASSWORD_MAX_LENGTH) return "password.tooLong";
  if (password.trim().toLowerCase() === context.username.trim().toLowerCase()) return "password.sameAsUsername";
  if (context.currentPassword !== undefined && password === context.currentPassword) return "password.mustDiffer";
  return null;
}
