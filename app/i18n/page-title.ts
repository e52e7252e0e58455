import { coreMessages } from "./catalogue/core";
import { fillPlaceholders, isLocale, type AppLocale } from "./locales";
import type { Catalogue, MessageKey } from "./messages.server";

/** One piece of a title: a message key (with its values), or text from a record (an idea's title). */
export type TitlePart = MessageKey | { key: MessageKey; values?: Record<string, string | number> } | { text: string };

/** What a route's `meta` is given that this needs: the matches, the root's among them. */
type MetaMatches = readonly { id: string; data?: unknown }[];

/** The reader's language and the English messages, from the root loader's data (Thai without it). */
export function localeOfMatches(matches: MetaMatches): { locale: AppLocale; english: Readonly<Record<string, string>> | null } {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown; englishMessages?: Readonly<Record<string, string>> | null } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : "th";
  return { locale, english: locale === "en" ? (root?.englishMessages ?? null) : null };
}

/**
 * A page's `<title>` in the reader's language: the parts, then the app's name, joined by " · ".
 * For a route's `meta`, on the server and in the browser alike:
 * `export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [ideasMessages], "nav.ideas")`.
 * Thai comes from core and the catalogues passed (the ones the page passes to useI18n, so
 * nothing more is bundled); English from the root loader's data, sent to English readers only.
 * A key found in neither shows as itself, as useI18n's `t` does.
 */
export function pageTitle(matches: MetaMatches, catalogues: readonly Catalogue[], ...parts: TitlePart[]): [{ title: string }] {
  const { english } = localeOfMatches(matches);
  const thai: readonly Catalogue[] = [coreMessages, ...catalogues];
  const lookUp = (key: string): string => {
    if (english?.[key] !== undefined) return english[key];
    for (const catalogue of thai) if (Object.hasOwn(catalogue, key)) return catalogue[key]!;
    return key;
  };
  const words = [...parts, "app.name" as const].map((part) => {
    if (typeof part === "string") return lookUp(part);
    if ("text" in part) return part.text;
    return fillPlaceholders(lookUp(part.key), part.values);
  });
  return [{ title: words.filter((word) => word !== "").join(" · ") }];
}

/** A record's name in the reader's language: English where it has one, else Thai. */
export function nameIn(matches: MetaMatches, record: { nameTh: string; nameEn?: string | null }): string {
  return (localeOfMatches(matches).locale === "en" && record.nameEn) || record.nameTh;
}
