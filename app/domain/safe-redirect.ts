/**
 * Where to send someone after signing in: only a path on this site, never another host
 * (`//evil.example`, `/\evil`, `https://…`), so a link cannot turn sign-in into a redirector.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) {
    return fallback;
  }
  // Control characters could be read as part of a scheme by some clients.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;
  return target;
}
