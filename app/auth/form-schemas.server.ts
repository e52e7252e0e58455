import { z } from "zod";

// Field errors are message keys: the route translates them into the person's language.
export const signInForm = z.object({
  username: z.string().trim().min(1, "login.required.username").max(64, "login.invalid"),
  password: z.string().min(1, "login.required.password").max(1024, "login.invalid"),
  redirectTo: z.string().optional(),
});

export const changePasswordForm = z.object({
  currentPassword: z.string().max(1024).optional(),
  newPassword: z.string().max(1024),
  confirmPassword: z.string().max(1024),
});

/** The first message key per field, from a failed safeParse. */
export function fieldErrorKeys(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
