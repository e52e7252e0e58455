import { asciiDigits } from "./target-input";

/** The largest value of a PostgreSQL `integer` (serial ids). */
const MAX_SERIAL_ID = 2_147_483_647;

/**
 * A serial id from a URL segment or form field ("42"), or null for anything else ("042",
 * "1e3", "-1", "4.2", out of range), so a bad id is a 404 and never a database error.
 */
export function parseRecordId(value: unknown): number | null {
  if (typeof value !== "string") return null;
  // Thai digits (๒๕๗๐) are the same number: someone typed the address, or a year, in Thai.
  const digits = asciiDigits(value);
  if (!/^[1-9][0-9]{0,9}$/.test(digits)) return null;
  const id = Number(digits);
  return id <= MAX_SERIAL_ID ? id : null;
}
