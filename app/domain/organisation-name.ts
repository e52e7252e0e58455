import { visibleLength } from "./visible-text";

/** The longest organisation name taken, in characters (the plan's longest unit name is ~60). */
export const ORGANISATION_NAME_MAX = 200;

export type OrganisationNameProblem = "settings.nameRequired" | "settings.nameTooLong";

/**
 * The organisation's names as an admin typed them: the Thai name is required (it heads every
 * page and the quarterly report to the head of the organisation), the English one optional.
 */
export function parseOrganisationNames(raw: { nameTh: unknown; nameEn: unknown }):
  | { ok: true; names: { nameTh: string; nameEn: string } }
  | { ok: false; fieldErrors: Partial<Record<"nameTh" | "nameEn", OrganisationNameProblem>> } {
  const nameTh = typeof raw.nameTh === "string" ? raw.nameTh.trim() : "";
  const nameEn = typeof raw.nameEn === "string" ? raw.nameEn.trim() : "";
  const fieldErrors: Partial<Record<"nameTh" | "nameEn", OrganisationNameProblem>> = {};
  if (visibleLength(nameTh) === 0) fieldErrors.nameTh = "settings.nameRequired";
  else if ([...nameTh].length > ORGANISATION_NAME_MAX) fieldErrors.nameTh = "settings.nameTooLong";
  if ([...nameEn].length > ORGANISATION_NAME_MAX) fieldErrors.nameEn = "settings.nameTooLong";
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, names: { nameTh, nameEn } };
}
