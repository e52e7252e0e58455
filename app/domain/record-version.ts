/**
 * An edit form's record version: the loader puts the row's version (a counter raised by every
 * save) in a hidden `version` field; the save is written only if the row is still at that
 * version, so a form shown before someone else's save cannot silently undo it.
 */
export function readRecordVersion(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^[0-9]{1,9}$/.test(value) ? Number(value) : null;
}
