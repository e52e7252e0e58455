import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { openDatabase } from "../../db/client.server";
import { ideaComments, ideaVotes } from "../../db/schema";
import { SERVER_ENTRY, startBuiltServer } from "./fixtures/built-server";
import { findPersonId, testDatabaseUrl } from "./test-database";

// The built server on PGlite killed with SIGKILL in the middle of a stream of writes: every write
// it acknowledged is in the data folder afterwards, and the folder opens again (the dead
// process's lock is taken over). PostgreSQL's own crash safety is the server's, not ours.

const DEMO_PASSWORD = "nawat-demo";
const VOTE_ROUTE = encodeURIComponent("routes/ideas.$ideaId.vote");
/** Writes acknowledged before the kill: enough that the kill lands mid-stream, not at the start. */
const ACKNOWLEDGED_BEFORE_KILL = 40;
const WRITERS = 4;


async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "" }),
    redirect: "manual",
  });
  const cookies = response.headers.getSetCookie();
  if (response.status !== 302 || cookies.length === 0) throw new Error(`sign-in of ${username}: ${response.status}`);
  return cookies.map((line) => line.split(";")[0]).join("; ");
}

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database after a crash", () => {
  it.skipIf(Boolean(testDatabaseUrl))(
    testDatabaseUrl
      ? "skipped on PostgreSQL: there a crash is the database server's (WAL + fsync), not the app's; this covers embedded PGlite"
      : "SIGKILL during a stream of writes loses no acknowledged write, and the data folder opens again",
    async () => {
      expect(existsSync(SERVER_ENTRY), `${SERVER_ENTRY} is missing: run npm run build first`).toBe(true);
      const dir = mkdtempSync(path.join(tmpdir(), "nawat-crash-"));
      folders.push(dir);
      const dataDir = path.join(dir, "data");
      const server = await startBuiltServer({ NODE_ENV: "production", DATA_DIR: dataDir });
      const { child } = server;
      const baseUrl = server.origin;
      const output = server.output;
      const exited = server.exited.then(({ signal }) => signal);

      const acknowledgedComments = new Map<number, string>();
      const acknowledgedVotes = new Set<number>();
      let refusedOrFailedAfterKill = 0;
      let failedBeforeKill = 0;
      try {
        const staff = await signIn(baseUrl, "LS025");
        const list = await fetch(`${baseUrl}/ideas`, { headers: { cookie: staff } });
        const ideaIds = [...new Set([...(await list.text()).matchAll(/href="\/ideas\/(\d+)"/g)].map((match) => Number(match[1])))];
        expect(ideaIds.length).toBeGreaterThan(5);

        let killed = false;
        let sequence = 0;
        let reachedTarget: () => void = () => {};
        const target = new Promise<void>((resolve) => (reachedTarget = resolve));
        const acknowledged = () => acknowledgedComments.size + acknowledgedVotes.size;

        // Each writer: comments with unique bodies, and a vote now and then, one after another.
        async function writer(): Promise<void> {
          while (!killed) {
            const n = sequence++;
            const ideaId = ideaIds[n % ideaIds.length];
            try {
              if (n % 5 === 4) {
                const response = await fetch(`${baseUrl}/ideas/${ideaId}/vote?_data=${VOTE_ROUTE}`, {
                  method: "POST",
                  headers: { cookie: staff },
                  body: new URLSearchParams({ intent: "vote" }),
                });
                const result = response.status === 200 ? ((await response.json()) as { result: string }).result : undefined;
                if (result === "added" || result === "already") acknowledgedVotes.add(ideaId);
              } else {
                const body = `ความเห็นก่อนเครื่องดับ #${n}`;
                const response = await fetch(`${baseUrl}/ideas/${ideaId}/comments`, {
                  method: "POST",
                  headers: { cookie: staff },
                  body: new URLSearchParams({ body }),
                  redirect: "manual",
                });
                const commentId = /#comment-(\d+)$/.exec(response.headers.get("location") ?? "")?.[1];
                if (response.status === 302 && commentId) acknowledgedComments.set(Number(commentId), body);
              }
            } catch {
              // Only after the kill: the connection dies with the server. Not acknowledged.
              if (!killed) {
                failedBeforeKill++;
                reachedTarget(); // stop now: the check below reports it
                return;
              }
              refusedOrFailedAfterKill++;
            }
            if (acknowledged() >= ACKNOWLEDGED_BEFORE_KILL) reachedTarget();
          }
        }
        const writers = Array.from({ length: WRITERS }, () => writer());
        await target;
        // Mid-stream: the writers have requests in flight at this moment.
        killed = true;
        expect(child.kill("SIGKILL")).toBe(true);
        expect(await exited).toBe("SIGKILL");
        await Promise.all(writers);
        expect(failedBeforeKill, output()).toBe(0);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
      expect(acknowledgedComments.size).toBeGreaterThan(0);
      expect(acknowledgedVotes.size).toBeGreaterThan(0);
      // The process died holding the lock: its pid is dead, and the lock is taken over once stale.
      expect(existsSync(path.join(dataDir, ".nawat.lock"))).toBe(true);

      const reopening = Date.now();
      const handle = await openDatabase({ dataDir }); // what the server does first on a restart
      const reopenMs = Date.now() - reopening;
      try {
        expect(reopenMs).toBeLessThan(20_000);
        const comments = await handle.db
          .select({ id: ideaComments.id, body: ideaComments.body })
          .from(ideaComments)
          .where(inArray(ideaComments.id, [...acknowledgedComments.keys()]));
        expect(new Map(comments.map((comment) => [comment.id, comment.body]))).toEqual(acknowledgedComments);
        const personId = await findPersonId(handle.db, "LS025");
        const votes = await handle.db
          .select({ ideaId: ideaVotes.ideaId })
          .from(ideaVotes)
          .where(and(eq(ideaVotes.personId, personId), inArray(ideaVotes.ideaId, [...acknowledgedVotes])));
        expect(new Set(votes.map((vote) => vote.ideaId))).toEqual(acknowledgedVotes);
        // The database is whole, not just readable: it takes a write after recovery.
        await handle.db.insert(ideaComments).values({ ideaId: [...acknowledgedVotes][0], authorPersonId: personId, body: "หลังเครื่องดับ" });
      } finally {
        await handle.close();
      }
      console.log(
        `[crash] acknowledged before SIGKILL: ${acknowledgedComments.size} comments, ${acknowledgedVotes.size} votes; ` +
          `${refusedOrFailedAfterKill} requests cut by the kill; all acknowledged writes found; reopened in ${reopenMs} ms`,
      );
    },
    90_000,
  );
});
