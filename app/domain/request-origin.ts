/**
 * Is a state-changing request coming from another site? Browsers send `Sec-Fetch-Site` and
 * `Origin` on form posts; a request carrying neither (curl, old browsers) is let through,
 * since SameSite=Lax cookies already keep a foreign site's posts unauthenticated.
 */
export function isCrossSiteMutation(request: {
  origin: string | null;
  secFetchSite: string | null;
  host: string;
}): boolean {
  if (request.secFetchSite === "cross-site") return true;
  if (!request.origin) return false;
  if (request.origin === "null") return true;
  try {
    return new URL(request.origin).host !== request.host;
  } catch {
    return true;
  }
}
