import { parseRecordId } from "./domain/record-id";

/**
 * A 404 for a loader or action to throw: Remix renders the route's error boundary, which says
 * "not found" in the reader's language. One place, so every route answers a missing thing alike.
 */
export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/**
 * The record id in an address (`/ideas/:ideaId`), or a thrown 404: junk, "042", "1e3" and ids
 * past the column's range never reach a query (see parseRecordId).
 */
export function recordIdFromAddress(param: string | undefined): number {
  const id = parseRecordId(param);
  if (id === null) throw notFound();
  return id;
}
