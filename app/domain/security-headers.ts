/**
 * Headers for every HTML response. The CSP allows only this origin and, for inline scripts
 * Remix writes (hydration data), the per-request nonce.
 */
export function securityHeaders(options: { nonce: string | undefined; production: boolean }): Record<string, string> {
  const scriptSource = options.nonce ? `'self' 'nonce-${options.nonce}'` : "'self'";
  const headers: Record<string, string> = {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src ${scriptSource}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (options.production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
