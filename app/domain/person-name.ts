/**
 * A person's name as the reader sees it (PRODUCT.md §5: the roster has an optional English name).
 * In English, the roster's English name when the person has one; otherwise, and always in Thai,
 * the Thai name ("prefix+first last"). Lists keep their Thai order (Intl.Collator("th") on the
 * Thai name, §7) whichever name is shown.
 */
export function personDisplayName(person: { nameTh: string; nameEn?: string | null }, locale: "th" | "en"): string {
  const english = person.nameEn?.trim();
  return locale === "en" && english ? english : person.nameTh;
}

/**
 * Who recorded, moved or saved something ("by" lines), as the reader sees them: the person's
 * name by personDisplayName's rule, or null when no one is known (a system move, a removed account).
 */
export function recordedByName(names: { byNameTh: string | null; byNameEn?: string | null }, locale: "th" | "en"): string | null {
  return names.byNameTh === null ? null : personDisplayName({ nameTh: names.byNameTh, nameEn: names.byNameEn }, locale);
}
