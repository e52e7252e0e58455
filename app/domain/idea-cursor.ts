/**
 * Keyset pagination for the idea list: the page after a cursor holds the rows that sort after
 * the last row shown, found through an index, so page 1,000 costs what page 1 costs.
 */
export const IDEA_SORTS = ["newest", "votes", "discussed"] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];

export function isIdeaSort(value: unknown): value is IdeaSort {
  return typeof value === "string" && (IDEA_SORTS as readonly string[]).includes(value);
}

/** The last row shown: its sort key (ISO instant for newest, a count otherwise) and id. */
export type IdeaCursor = { sort: IdeaSort; key: string | number; id: number };

export function encodeIdeaCursor(cursor: IdeaCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id]), "utf8").toString("base64url");
}

/** The largest PostgreSQL `integer`: ids and counts are integer columns. */
const MAX_INTEGER = 2_147_483_647;
/** The instant as the list writes it (Date.toISOString): anything else may be a date PostgreSQL refuses. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isStoredInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_INTEGER;

/**
 * A cursor from the URL, or null when it is missing, malformed, for another sort, or holds a
 * value the database could not compare (an id or count past an integer column, a date in a
 * shape the list never writes): a crafted cursor gives the first page, never a server error.
 */
export function decodeIdeaCursor(value: string | null, sort: IdeaSort): IdeaCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [cursorSort, key, id] = parsed as unknown[];
    if (cursorSort !== sort || !isStoredInteger(id)) return null;
    if (sort === "newest") {
      // Written back the same: V8 reads "2026-02-30" as 2 March, PostgreSQL refuses it.
      if (typeof key !== "string" || !ISO_INSTANT.test(key) || Number.isNaN(Date.parse(key)) || new Date(key).toISOString() !== key) return null;
    } else if (!isStoredInteger(key)) {
      return null;
    }
    return { sort, key: key as string | number, id: id as number };
  } catch {
    return null;
  }
}
