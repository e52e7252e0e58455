import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import * as build from "@remix-run/dev/server-build";
import compression from "compression";
import express from "express";
import { projectRoot } from "../db/project-root.server";
import { setDatabase } from "../db/runtime.server";
import { startDatabase } from "../db/startup.server";
import { isProduction } from "../app/config.server";
import { CLIENT_ADDRESS_HEADER, forgetRequest, REQUEST_ID_HEADER } from "../app/auth/current-user.server";
import { isCrossSiteMutation } from "../app/domain/request-origin";
import { withoutNulInFormBody, withoutNulInUrl } from "../app/domain/nul-characters";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

/** How long a stopping server keeps accepting, so requests already sent are served. */
const SHUTDOWN_DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 1000);

// PGlite never autovacuums; refresh statistics on a timer as well as at start-up.
const VACUUM_INTERVAL_MS = 6 * 60 * 60 * 1000;

const database = await startDatabase().catch((error: unknown) => {
  console.error(`[server] cannot open the database: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
setDatabase(database);

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "1" ? 1 : false);
app.use(compression());

// While shutting down, every answer closes its connection so keep-alive clients reconnect to
// another instance instead of reusing a socket that is about to go away; /healthz says 503 so a
// load balancer stops sending new work here.
let shuttingDown = false;
app.use((_request, response, next) => {
  if (shuttingDown) response.set("Connection", "close");
  next();
});

app.get("/healthz", (_request, response) => {
  response
    .status(shuttingDown ? 503 : 200)
    .set("Cache-Control", "no-store")
    .json({ ok: !shuttingDown, engine: database.engine });
});

// Fingerprinted build assets never change; everything else in public/ briefly cached.
const publicDir = path.join(projectRoot(), "public");
app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
// Every public file has an extension and no page has one: pages skip the disk lookup that
// express.static makes for each request it sees.
const publicFiles = express.static(publicDir, { maxAge: "1h" });
app.use((request, response, next) => (path.extname(request.path) ? publicFiles(request, response, next) : next()));

// Cross-site form posts are refused before any action runs (defence beside SameSite cookies).
app.use((request, response, next) => {
  const mutation = !["GET", "HEAD", "OPTIONS"].includes(request.method);
  if (
    mutation &&
    isCrossSiteMutation({
      origin: request.get("origin") ?? null,
      secFetchSite: request.get("sec-fetch-site") ?? null,
      host: request.get("host") ?? "",
    })
  ) {
    response.status(403).type("text/plain").send("Cross-site request refused");
    return;
  }
  next();
});

// NUL characters are dropped from the address and from form bodies before any route reads them:
// PostgreSQL refuses text holding one, so a search or a form with one was a server error, and no
// one types it (app/domain/nul-characters.ts). A form body is read here (up to FORM_BODY_LIMIT)
// and handed to Remix as it is (patches/@remix-run+express+*.patch); uploads (multipart) stream.
const FORM_BODY_LIMIT = "5mb";
app.use((request, _response, next) => {
  if (request.url.includes("%00")) {
    request.url = withoutNulInUrl(request.url);
    request.originalUrl = withoutNulInUrl(request.originalUrl);
  }
  next();
});
app.use(express.raw({ type: "application/x-www-form-urlencoded", limit: FORM_BODY_LIMIT }));
app.use((request, _response, next) => {
  if (Buffer.isBuffer(request.body)) request.body = withoutNulInFormBody(request.body);
  next();
});

app.use((request, response, next) => {
  // Overwritten, never trusted from the client: sign-in throttling counts per address.
  request.headers[CLIENT_ADDRESS_HEADER] = request.ip ?? "unknown";
  const requestId = randomBytes(12).toString("base64url");
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.on("close", () => forgetRequest(requestId));
  response.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (_request, response) => ({ cspNonce: response.locals.cspNonce as string }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(`[server] Nawat listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port} (${database.engine}${isProduction() ? ", production" : ""})`);
});

const vacuumTimer = setInterval(() => {
  database.vacuumAnalyze().catch((error: unknown) => console.error("[db] VACUUM ANALYZE failed", error));
}, VACUUM_INTERVAL_MS);
vacuumTimer.unref();

async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`[server] ${signal}: finishing requests in flight, then closing the database`);
  clearInterval(vacuumTimer);
  const forceExit = setTimeout(() => {
    console.error("[server] requests did not finish in 10 s; exiting");
    process.exit(1);
  }, 10_000);
  forceExit.unref();
  // Keep accepting for a moment: connections the kernel already queued (clients that sent their
  // request just before the signal) are served, not reset. Then stop listening — without
  // http.Server.close(), which since Node 19 also drops accepted sockets whose request has not
  // been read yet.
  await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_DRAIN_MS));
  net.Server.prototype.close.call(server, async () => {
    try {
      await database.close();
      console.log("[server] database closed");
      process.exit(0);
    } catch (error) {
      console.error("[server] closing the database failed", error);
      process.exit(1);
    }
  });
  // Sockets kept alive from before the signal close after their next answer (Connection: close)
  // or after keepAliveTimeout (5 s) idle; closing them early could cut a request being read.
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
