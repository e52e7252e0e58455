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

/** A cursor from the URL, or null when it is missing, malformed or for another sort. */
export function decodeIdeaCursor(value: string | null, sort: IdeaSort): IdeaCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [cursorSort, key, id] = parsed as unknown[];
    if (cursorSort !== sort || !Number.isSafeInteger(id) || (id as number) < 0) return null;
    if (sort === "newest") {
      if (typeof key !== "string" || Number.isNaN(Date.parse(key))) return null;
    } else if (!Number.isSafeInteger(key) || (key as number) < 0) {
      return null;
    }
    return { sort, key: key as string | number, id: id as number };
  } catch {
    return null;
  }
}
