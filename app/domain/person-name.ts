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
