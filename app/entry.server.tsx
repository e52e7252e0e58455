import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { isProduction } from "./config.server";
import { securityHeaders } from "./domain/security-headers";

const ABORT_DELAY_MS = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  for (const [name, value] of Object.entries(
    securityHeaders({ nonce, production: isProduction() }),
  )) {
    responseHeaders.set(name, value);
  }
  // The whole document is rendered, then sent as one body. Nothing in the app streams (no defer,
  // no Suspense), and Remix's Express adapter flushes the compression stream after every chunk
  // it writes: a streamed page was gzipped in dozens of sync-flushed pieces (15% of the server's
  // CPU, and 60% more bytes than one gzip of the page).
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          const chunks: Buffer[] = [];
          const document = new Writable({
            write(chunk: Buffer, _encoding, done) {
              chunks.push(chunk);
              done();
            },
            final(done) {
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          pipe(document);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are worth logging here; before it, reject has Remix log them.
          if (shellRendered) console.error("[render]", error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS);
  });
}

/** Every unexpected server error is logged here, never shown to the person. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  console.error(`[error] ${request.method} ${new URL(request.url).pathname}`, error);
};
