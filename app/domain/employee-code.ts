import { asciiDigits } from "./target-input";

/**
 * An employee code (which is also the username) as stored and compared: trimmed, upper case,
 * Thai digits read as digits (a Thai keyboard or phone types "LS๐๒๕" for LS025), and invisible
 * format characters dropped (a code pasted from a document or chat carries a zero-width space
 * or a direction mark). A code is letters, digits and . _ - only, so neither can be part of one.
 */
export function normaliseEmployeeCode(value: string): string {
  return asciiDigits(value.normalize("NFC"))
    .replace(/\p{Cf}/gu, "")
    .trim()
    .toUpperCase();
}
