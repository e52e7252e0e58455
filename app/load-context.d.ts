import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request CSP nonce: read in entry.server only, never returned from a loader. */
    cspNonce?: string;
  }
}
