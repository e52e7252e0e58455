/**
 * Search over ideas. Thai is written without spaces between words, so a word-based index
 * (to_tsvector 'simple') would see a whole Thai phrase as one token. Instead every idea keeps
 * one lower-cased `search_text` and a query term matches anywhere inside it (ILIKE '%term%',
 * served by a pg_trgm GIN index), which finds a Thai word inside a sentence.
 */
export const MAX_SEARCH_TERMS = 6;

/**
 * Invisible format characters (Unicode Cf: zero-width space, joiners, direction marks, BOM, soft
 * hyphen). Thai text pasted from a word processor carries zero-width spaces between words as
 * line-break hints, where they cannot be seen: they are no part of a word, so neither the text
 * searched nor a query nor a tag keeps them ("แจ้ง\u200Bซ่อม" is found by "แจ้งซ่อม").
 */
const INVISIBLE = /\p{Cf}/gu;
export const MAX_TERM_LENGTH = 60;

export function buildSearchText(parts: {
  title: string;
  problem: string;
  solution: string;
  benefit: string;
  tags: readonly string[];
  authorNames: readonly string[];
}): string {
  return [parts.title, parts.problem, parts.solution, parts.benefit, parts.tags.join(" "), parts.authorNames.join(" ")]
    .join("\n")
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .toLowerCase();
}

/** Terms of a query: split on spaces, lower-cased, duplicates and empties dropped, bounded. */
export function parseSearchTerms(query: string): string[] {
  const terms = query
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .toLowerCase()
    .split(/\s+/u)
    .map((term) => term.slice(0, MAX_TERM_LENGTH))
    .filter((term) => term.length > 0);
  return [...new Set(terms)].slice(0, MAX_SEARCH_TERMS);
}

/** Escape LIKE wildcards so a person searching for "100%" or "a_b" gets what they typed. */
export function escapeLikePattern(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Tags as typed ("ผู้สูงอายุ, ภัยพิบัติ"): trimmed, de-duplicated, at most 5 of 30 characters. */
export const MAX_TAGS = 5;
export const MAX_TAG_LENGTH = 30;

export function parseTags(input: string): { tags: string[]; tooMany: boolean; tooLong: boolean } {
  const raw = input
    .split(/[,，、\n#]+/u)
    .map((tag) => tag.normalize("NFC").replace(INVISIBLE, "").trim().replace(/\s+/gu, " "))
    .filter((tag) => tag.length > 0);
  const unique = [...new Map(raw.map((tag) => [tag.toLowerCase(), tag])).values()];
  return {
    tags: unique.slice(0, MAX_TAGS).map((tag) => tag.slice(0, MAX_TAG_LENGTH)),
    tooMany: unique.length > MAX_TAGS,
    tooLong: unique.some((tag) => [...tag].length > MAX_TAG_LENGTH),
  };
}
