import { and, count, eq } from "drizzle-orm";
import { loader as myDataLoader } from "../../app/routes/account.data";
import { loader as exportLoader } from "../../app/routes/account.data_.export";
import { loader as personLoader } from "../../app/routes/roster_.$personId";
import type { Database } from "../../db/client.server";
import { accounts, auditLog, ideaAuthors, ideaComments, ideaVotes, people, trainingAttendance } from "../../db/schema";
import { routeClient } from "./route-client";
import { withDemoDatabaseForFile } from "./test-database";

// PDPA (PRODUCT §7): a person can see and export what is held about them. The page and the
// download carry the person's own roster record, account, ideas, votes, comments and training,
// never a password hash, and never anyone else's data; opening someone's record shows on theirs.

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const { get } = routeClient(() => db);

async function personIdOf(code: string): Promise<number> {
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.employeeCode, code));
  return person.id;
}

type Exported = {
  exportedAt: string;
  person: { employeeCode: string; periods: unknown[]; assignments: unknown[] };
  account: { username: string; roles: string[] } & Record<string, unknown>;
  ideas: { ideaId: number }[];
  votes: { ideaId: number }[];
  comments: { commentId: number; body: string }[];
  training: { sessionId: number }[];
  recordAccess: { action: string; actorUsername: string | null }[];
};

async function exported(username: string): Promise<{ response: Response; text: string; data: Exported }> {
  const response = await get(exportLoader, "/account/data/export", username);
  const text = await response.text();
  return { response, text, data: JSON.parse(text) as Exported };
}

describe("my data (PDPA)", () => {
  it("the download holds everything the person did, counted against the database, and nothing of anyone else", async () => {
    const personId = await personIdOf("LS025");
    const { response, text, data } = await exported("LS025");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="nawat-my-data-LS025-\d{4}-\d{2}-\d{2}\.json"/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");

    expect(data.person.employeeCode).toBe("LS025");
    expect(data.person.periods.length).toBeGreaterThan(0);
    expect(data.person.assignments.length).toBeGreaterThan(0);
    expect(data.account.username).toBe("LS025");
    expect(data.account.roles).toContain("staff");
    // Never the password hash, under any name.
    const [{ hash }] = await db.select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.username, "LS025"));
    expect(text).not.toContain(hash);
    expect(text).not.toMatch(/passwordHash|password_hash|\$argon2/);

    const countOf = async (rows: Promise<{ value: number }[]>) => Number((await rows)[0].value);
    expect(data.ideas.length).toBe(await countOf(db.select({ value: count() }).from(ideaAuthors).where(eq(ideaAuthors.personId, personId))));
    expect(data.votes.length).toBe(await countOf(db.select({ value: count() }).from(ideaVotes).where(eq(ideaVotes.personId, personId))));
    expect(data.training.length).toBe(await countOf(db.select({ value: count() }).from(trainingAttendance).where(eq(trainingAttendance.personId, personId))));
    const ownComments = await db.select({ id: ideaComments.id }).from(ideaComments).where(eq(ideaComments.authorPersonId, personId));
    expect(data.comments.map((comment) => comment.commentId).sort()).toEqual(ownComments.map((comment) => comment.id).sort());
    // The demo gives LS025 something in each list, so the comparisons above compare something.
    expect(data.ideas.length + data.votes.length + data.comments.length).toBeGreaterThan(0);

    // Another person's download has none of LS025's comments or ideas.
    const other = await exported("LS001");
    expect(other.data.person.employeeCode).toBe("LS001");
    const ls025Comments = new Set(ownComments.map((comment) => comment.id));
    expect(other.data.comments.some((comment) => ls025Comments.has(comment.commentId))).toBe(false);
  });

  it("a download is written to the audit log; HR opening the record shows on the person's page", async () => {
    const personId = await personIdOf("LS030");
    const hrOpened = await get(personLoader, `/roster/${personId}`, "LS004", { personId: String(personId) });
    expect(hrOpened.status).toBe(200);

    const page = await get(myDataLoader, "/account/data", "LS030");
    expect(page.status).toBe(200);
    const shown = (await page.json()) as { recordAccess: { items: { action: string; actorUsername: string | null }[] }; person: { employeeCode: string } };
    expect(shown.person.employeeCode).toBe("LS030");
    expect(shown.recordAccess.items).toContainEqual(expect.objectContaining({ action: "roster.person_viewed", actorUsername: "LS004" }));

    await exported("LS030");
    const logged = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.action, "personal_data.exported"), eq(auditLog.entityType, "person"), eq(auditLog.entityId, String(personId))));
    expect(logged.length).toBe(1);
  });

  it("the page shows at most 50 items of a list and says how many more the download has", async () => {
    const page = await get(myDataLoader, "/account/data", "LS025");
    const shown = (await page.json()) as Record<string, { items: unknown[]; total: number }>;
    for (const list of ["ideas", "votes", "comments", "following", "projects", "training", "notifications", "recordAccess"]) {
      expect(shown[list].items.length).toBe(Math.min(50, shown[list].total));
    }
  });

  it("someone signed out is sent to sign in", async () => {
    const response = await exportLoader({ request: new Request("http://localhost/account/data/export"), params: {}, context: {} }).catch((thrown: unknown) => thrown as Response);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("/login");
  });
});
