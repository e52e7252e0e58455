/**
 * A create form's submission token: the loader puts a fresh random UUID in the form (a hidden
 * `submissionToken` field), the action stores it on the row it creates, under a unique
 * constraint. A form sent twice (a double press, a resend after a timeout, JavaScript off)
 * carries the same token, so the second post finds the first one's row instead of making another.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The token a posted form carried, or null when it carried none (or not one the app made). */
export function readSubmissionToken(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" && UUID.test(value) ? value : null;
}
