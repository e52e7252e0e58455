/**
 * Read at run time, on purpose through a computed key: the Remix compiler replaces a literal
 * `process.env.NODE_ENV` in the server bundle with "production", which would make cookies
 * Secure (and unusable) on a plain-HTTP first run on a laptop.
 */
function runtimeEnv(name: string): string | undefined {
  return process.env[name];
}

/** Production: behind HTTPS. Turns on Secure cookies and HSTS. */
export function isProduction(): boolean {
  return runtimeEnv("NODE_ENV") === "production";
}
