import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type OpenOptions } from "../../db/client.server";
import { ideaComments, ideaVotes } from "../../db/schema";
import { SERVER_ENTRY, startBuiltServer } from "./fixtures/built-server";
import { engineName, findPersonId, testDatabaseUrl } from "./test-database";

// The built server (build/index.js, made by `npm run build` before the database tests) stopped
// with SIGTERM while a batch of requests is in flight: every request it had accepted is answered
// normally, it exits 0, and what it acknowledged is in the database afterwards.

const DEMO_PASSWORD = "nawat-demo";
/** Remix's data request for the vote action (what a fetcher sends): the action's JSON and status. */
const VOTE_ROUTE = encodeURIComponent("routes/ideas.$ideaId.vote");

type Outcome = { label: string; status?: number; error?: string; location?: string; body: string };
type Sent = { flushed: Promise<void>; done: Promise<Outcome> };

/** One request on its own connection; `flushed` once every byte of it has been handed to the kernel. */
function send(
  port: number,
  label: string,
  method: "GET" | "POST",
  pathname: string,
  options: { cookie?: string; form?: Record<string, string>; agent?: http.Agent } = {},
): Sent {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: http.OutgoingHttpHeaders = options.agent ? {} : { connection: "close" };
  if (options.cookie) headers.cookie = options.cookie;
  if (body !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers["content-length"] = Buffer.byteLength(body);
  }
  let markFlushed: () => void = () => {};
  const flushed = new Promise<void>((resolve) => (markFlushed = resolve));
  const done = new Promise<Outcome>((resolve) => {
    const request = http.request({ host: "127.0.0.1", port, method, path: pathname, headers, agent: options.agent ?? false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ label, status: response.statusCode, location: response.headers.location, body: text }));
      response.on("error", (error) => resolve({ label, status: response.statusCode, error: error.message, body: text }));
    });
    request.on("error", (error) => {
      markFlushed();
      resolve({ label, error: error.message, body: "" });
    });
    request.end(body, () => markFlushed());
  });
  return { flushed, done };
}

async function signIn(port: number, username: string): Promise<string> {
  const cookie = await new Promise<string>((resolve, reject) => {
    const body = new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "" }).toString();
    const request = http.request(
      { host: "127.0.0.1", port, method: "POST", path: "/login", agent: false, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        const cookies = response.headers["set-cookie"] ?? [];
        if (response.statusCode !== 302 || cookies.length === 0) reject(new Error(`sign-in of ${username}: ${response.statusCode}`));
        else resolve(cookies.map((line) => line.split(";")[0]).join("; "));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
  return cookie;
}

const folders: string[] = [];
let dropDatabase: (() => Promise<void>) | undefined;
afterAll(async () => {
  await dropDatabase?.();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function databaseForServer(): Promise<{ env: Record<string, string>; open: OpenOptions }> {
  if (!testDatabaseUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "nawat-shutdown-"));
    folders.push(dir);
    const dataDir = path.join(dir, "data");
    return { env: { DATA_DIR: dataDir }, open: { dataDir } };
  }
  const name = `nawat_shutdown_${randomBytes(4).toString("hex")}`;
  const serverUrl = testDatabaseUrl; // narrowed for the closure below
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  dropDatabase = async () => {
    const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, open: { databaseUrl: url.toString(), maxConnections: 2 } };
}

describe(`graceful shutdown of the built server on ${engineName}`, () => {
  it("SIGTERM during a batch of reads and writes: all accepted requests answered normally, exit 0, writes kept", async () => {
    expect(existsSync(SERVER_ENTRY), `${SERVER_ENTRY} is missing: run npm run build first`).toBe(true);
    const database = await databaseForServer();
    const server = await startBuiltServer({ ...database.env, NODE_ENV: "production" }); // migrates and loads the demo on first start
    try {
      const staff = await signIn(server.port, "LS025");
      const executive = await signIn(server.port, "LS001");
      const list = await send(server.port, "list", "GET", "/ideas", { cookie: staff }).done;
      expect(list.status).toBe(200);
      const ideaIds = [...new Set([...list.body.matchAll(/href="\/ideas\/(\d+)"/g)].map((match) => Number(match[1])))];
      expect(ideaIds.length).toBeGreaterThan(5);

      // The batch: pages (the list, ideas, the dashboard) and writes (a vote on every idea on
      // the list, a comment on five). Each goes on a keep-alive connection the server has
      // already accepted and answered on (warmed with /healthz), so every request of the batch
      // is one the server accepted: none may be dropped when the signal comes.
      const requests: Array<[label: string, method: "GET" | "POST", pathname: string, cookie: string, form?: Record<string, string>]> = [];
      for (const ideaId of ideaIds) requests.push([`vote ${ideaId}`, "POST", `/ideas/${ideaId}/vote?_data=${VOTE_ROUTE}`, staff, { intent: "vote" }]);
      for (let i = 0; i < 4; i++) requests.push(["list", "GET", "/ideas", staff]);
      for (let i = 0; i < 3; i++) requests.push(["dashboard", "GET", "/dashboard", executive]);
      for (const ideaId of ideaIds.slice(0, 5)) {
        requests.push([`idea ${ideaId}`, "GET", `/ideas/${ideaId}`, staff]);
        requests.push([`comment ${ideaId}`, "POST", `/ideas/${ideaId}/comments`, staff, { body: `ความเห็นระหว่างปิดเครื่อง ${ideaId}` }]);
      }
      const agent = new http.Agent({ keepAlive: true, maxSockets: requests.length, scheduling: "fifo" });
      const warmed = await Promise.all(requests.map(() => send(server.port, "warm", "GET", "/healthz", { agent }).done));
      expect(warmed.every((outcome) => outcome.status === 200)).toBe(true);
      expect(Object.values(agent.freeSockets).flat()).toHaveLength(requests.length);

      const batch = requests.map(([label, method, pathname, cookie, form]) => send(server.port, label, method, pathname, { cookie, form, agent }));
      let answered = 0;
      for (const sent of batch) void sent.done.then(() => answered++);
      await Promise.all(batch.map((sent) => sent.flushed));
      const inFlightAtSignal = batch.length - answered;
      expect(server.child.kill("SIGTERM")).toBe(true);

      const outcomes = await Promise.all(batch.map((sent) => sent.done));
      agent.destroy();
      const exit = await server.exited;
      const failures = outcomes.filter((outcome) => outcome.error || !outcome.status || outcome.status >= 500);
      expect(failures, server.output()).toEqual([]);
      expect(exit, server.output()).toEqual({ code: 0, signal: null });
      expect(server.output()).toMatch(/SIGTERM: finishing requests in flight[\s\S]*database closed/);
      // The test proves something only if the signal came while requests were still running.
      expect(inFlightAtSignal, "every request was answered before SIGTERM: nothing was in flight").toBeGreaterThan(0);

      for (const outcome of outcomes) {
        if (outcome.label.startsWith("vote")) expect([200, 403, 409], outcome.label).toContain(outcome.status);
        if (outcome.label.startsWith("comment")) expect([302, 409], outcome.label).toContain(outcome.status);
        if (/^(list|idea|dashboard)/.test(outcome.label)) expect(outcome.status, outcome.label).toBe(200);
      }
      const acknowledgedVotes = outcomes
        .filter((outcome) => outcome.label.startsWith("vote") && outcome.status === 200)
        .map((outcome) => {
          // What a fetcher gets: the vote is in ("added", or "already" there).
          expect(["added", "already"]).toContain((JSON.parse(outcome.body) as { result: string }).result);
          return Number(outcome.label.split(" ")[1]);
        });
      const acknowledgedComments = outcomes
        .map((outcome) => /#comment-(\d+)$/.exec(outcome.location ?? ""))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => Number(match[1]));
      expect(acknowledgedVotes.length).toBeGreaterThan(0);
      expect(acknowledgedComments.length).toBeGreaterThan(0);

      // Restart on the same database: the lock was released, and every acknowledged write is there.
      const handle = await openDatabase(database.open);
      try {
        const personId = await findPersonId(handle.db, "LS025");
        const votes = await handle.db
          .select({ ideaId: ideaVotes.ideaId })
          .from(ideaVotes)
          .where(and(eq(ideaVotes.personId, personId), inArray(ideaVotes.ideaId, acknowledgedVotes)));
        expect(votes.map((vote) => vote.ideaId).sort((a, b) => a - b)).toEqual([...acknowledgedVotes].sort((a, b) => a - b));
        const comments = await handle.db.select({ id: ideaComments.id }).from(ideaComments).where(inArray(ideaComments.id, acknowledgedComments));
        expect(comments).toHaveLength(acknowledgedComments.length);
      } finally {
        await handle.close();
      }
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
    }
  }, 90_000);
});
