/**
 * Is this request a person's browser opening a page (following a link, typing an address), as
 * opposed to a script, a `fetch` or an image load? Browsers say so in `Sec-Fetch-Mode: navigate`;
 * without Fetch Metadata (an old browser), a request that accepts HTML is taken as one.
 * Used to answer a refused file download with the app's own error page rather than bare text.
 */
export function isDocumentNavigation(headers: { get(name: string): string | null }): boolean {
  const mode = headers.get("Sec-Fetch-Mode");
  if (mode !== null) return mode === "navigate";
  return /\btext\/html\b/i.test(headers.get("Accept") ?? "");
}
