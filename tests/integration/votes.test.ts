import { and, eq, inArray, sql } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client.server";
import { accounts, ideaAuthors, ideas, ideaVotes, people, staffCategories } from "../../db/schema";
import { startSession } from "../../app/auth/session.server";
import type { IdeaStage } from "../../app/domain/idea-stages";
import { updateIdea, type IdeaInput } from "../../app/models/ideas.server";
import { addVote, getVoteSummary, removeVote } from "../../app/models/votes.server";
import { action as voteAction, loader as voteLoader } from "../../app/routes/ideas.$ideaId.vote";
import { engineName, findPersonId, pgErrorCode, queryRows, withDemoDatabaseForFile } from "./test-database";

let db: Database;
/** For the races on PostgreSQL: a handle with more connections than the default test pool. */
let raceHandle: DatabaseHandle | undefined;
let raceDb: Database;

withDemoDatabaseForFile(async (database) => {
  db = database.handle.db;
  raceHandle = database.databaseUrl ? await openDatabase({ databaseUrl: database.databaseUrl, maxConnections: 20 }) : undefined;
  raceDb = raceHandle?.db ?? db;
});
afterAll(async () => {
  await raceHandle?.close();
});

const personIdOf = (employeeCode: string) => findPersonId(db, employeeCode);

let ideaNumber = 0;
/** A new idea written straight into the tables, authored by `authorIds` (the first submits). */
async function createIdea(authorIds: number[], stage: IdeaStage = "submitted"): Promise<number> {
  ideaNumber += 1;
  const [idea] = await db
    .insert(ideas)
    .values({
      title: `ไอเดียทดสอบการโหวต ${ideaNumber}`,
      problem: "ปัญหา",
      solution: "วิธีแก้",
      benefit: "ประโยชน์",
      fiscalYear: 2570,
      stage,
    })
    .returning({ id: ideas.id });
  await db.insert(ideaAuthors).values(authorIds.map((personId, index) => ({ ideaId: idea.id, personId, isSubmitter: index === 0 })));
  return idea.id;
}

/** The counter on the idea and the rows behind it. */
async function counts(ideaId: number): Promise<{ voteCount: number; rows: number }> {
  const [idea] = await db.select({ voteCount: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId));
  const [rows] = await db.select({ n: sql<number>`count(*)::int` }).from(ideaVotes).where(eq(ideaVotes.ideaId, ideaId));
  return { voteCount: idea.voteCount, rows: Number(rows.n) };
}

/** `count` people who exist only for this test (the demo has 40). */
async function createPeople(count: number, prefix: string): Promise<number[]> {
  const [category] = await db.select({ id: staffCategories.id }).from(staffCategories).limit(1);
  const rows = await db
    .insert(people)
    .values(
      Array.from({ length: count }, (_, index) => ({
        employeeCode: `${prefix}${String(index + 1).padStart(3, "0")}`,
        prefixTh: "นาย",
        firstNameTh: `ทดสอบ${index + 1}`,
        lastNameTh: "โหวต",
        positionTh: "เจ้าหน้าที่",
        categoryId: category.id,
      })),
    )
    .returning({ id: people.id });
  return rows.map((row) => row.id);
}

describe(`votes (${engineName})`, () => {
  it("one vote per person: a second vote changes nothing", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const voter = await personIdOf("LS025");
    expect(await addVote(db, { ideaId, personId: voter })).toBe("added");
    expect(await addVote(db, { ideaId, personId: voter })).toBe("already");
    expect(await counts(ideaId)).toEqual({ voteCount: 1, rows: 1 });
    expect(await getVoteSummary(db, ideaId, voter)).toEqual({ voteCount: 1, viewerHasVoted: true, viewerIsAuthor: false });
  });

  it("a vote can be taken back, once", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const [a, b] = [await personIdOf("LS025"), await personIdOf("LS026")];
    await addVote(db, { ideaId, personId: a });
    await addVote(db, { ideaId, personId: b });
    expect(await removeVote(db, { ideaId, personId: a })).toBe("removed");
    expect(await removeVote(db, { ideaId, personId: a })).toBe("absent");
    expect(await counts(ideaId)).toEqual({ voteCount: 1, rows: 1 });
    expect(await getVoteSummary(db, ideaId, a)).toEqual({ voteCount: 1, viewerHasVoted: false, viewerIsAuthor: false });
    // and given again
    expect(await addVote(db, { ideaId, personId: a })).toBe("added");
    expect(await counts(ideaId)).toEqual({ voteCount: 2, rows: 2 });
  });

  it("no vote on one's own idea, nor on one co-authored", async () => {
    const [submitter, coAuthor] = [await personIdOf("LS011"), await personIdOf("LS012")];
    const ideaId = await createIdea([submitter, coAuthor]);
    expect(await addVote(db, { ideaId, personId: submitter })).toBe("own");
    expect(await addVote(db, { ideaId, personId: coAuthor })).toBe("own");
    expect(await counts(ideaId)).toEqual({ voteCount: 0, rows: 0 });
    expect(await getVoteSummary(db, ideaId, coAuthor)).toEqual({ voteCount: 0, viewerHasVoted: false, viewerIsAuthor: true });
  });

  it("a withdrawn idea or a duplicate takes no votes; the other stages do", async () => {
    const voter = await personIdOf("LS025");
    for (const stage of ["withdrawn", "duplicate"] as const) {
      const ideaId = await createIdea([await personIdOf("LS010")], stage);
      expect(await addVote(db, { ideaId, personId: voter }), stage).toBe("closed");
      expect(await counts(ideaId)).toEqual({ voteCount: 0, rows: 0 });
    }
    for (const stage of ["screening", "committee_review", "approved", "in_progress", "implemented", "not_adopted"] as const) {
      const ideaId = await createIdea([await personIdOf("LS010")], stage);
      expect(await addVote(db, { ideaId, personId: voter }), stage).toBe("added");
    }
  });

  it("an unknown idea: notFound, absent, and an empty summary", async () => {
    const voter = await personIdOf("LS025");
    expect(await addVote(db, { ideaId: 987_654, personId: voter })).toBe("notFound");
    expect(await removeVote(db, { ideaId: 987_654, personId: voter })).toBe("absent");
    expect(await getVoteSummary(db, 987_654, voter)).toEqual({ voteCount: 0, viewerHasVoted: false, viewerIsAuthor: false });
  });

  it("works inside a caller's transaction, and rolls back with it", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const voter = await personIdOf("LS027");
    await expect(
      db.transaction(async (tx) => {
        expect(await addVote(tx, { ideaId, personId: voter })).toBe("added");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await counts(ideaId)).toEqual({ voteCount: 0, rows: 0 });
  });
});

/** What the edit form sends for an idea made by createIdea, with `coAuthorPersonIds`. */
const editInput = (coAuthorPersonIds: number[]): IdeaInput => ({
  title: "ไอเดียที่มีผู้ร่วมเสนอเพิ่ม",
  problem: "ปัญหาที่พบในการทำงานประจำวัน",
  solution: "วิธีแก้ที่เสนอให้ลองทำดู",
  benefit: "ประโยชน์ที่คาดว่าจะได้รับ",
  planId: null,
  coAuthorPersonIds,
  tags: [],
});

describe(`a voter who becomes an author (${engineName})`, () => {
  it("added as a co-author on edit: their vote goes in the same transaction, the count stays equal to the rows", async () => {
    const [author, voter, other] = await Promise.all(["LS025", "LS016", "LS017"].map(personIdOf));
    const ideaId = await createIdea([author]);
    expect(await addVote(db, { ideaId, personId: voter })).toBe("added");
    expect(await addVote(db, { ideaId, personId: other })).toBe("added");
    expect(await counts(ideaId)).toEqual({ voteCount: 2, rows: 2 });

    expect(await updateIdea(db, { ideaId, personId: author, input: editInput([voter]) })).toBe("ok");
    expect(await counts(ideaId)).toEqual({ voteCount: 1, rows: 1 });
    expect(await getVoteSummary(db, ideaId, voter)).toEqual({ voteCount: 1, viewerHasVoted: false, viewerIsAuthor: true });
    expect(await getVoteSummary(db, ideaId, other)).toEqual({ voteCount: 1, viewerHasVoted: true, viewerIsAuthor: false });
    // Saved again with the same co-author: nothing more goes.
    expect(await updateIdea(db, { ideaId, personId: author, input: editInput([voter]) })).toBe("ok");
    expect(await counts(ideaId)).toEqual({ voteCount: 1, rows: 1 });
  });

  it("an edit that fails after removing the vote rolls it back with the rest", async () => {
    const [author, voter] = await Promise.all(["LS025", "LS018"].map(personIdOf));
    const ideaId = await createIdea([author]);
    await addVote(db, { ideaId, personId: voter });
    await expect(
      db.transaction(async (tx) => {
        expect(await updateIdea(tx, { ideaId, personId: author, input: editInput([voter]) })).toBe("ok");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await counts(ideaId)).toEqual({ voteCount: 1, rows: 1 });
    expect(await getVoteSummary(db, ideaId, voter)).toMatchObject({ viewerHasVoted: true, viewerIsAuthor: false });
  });

  it(`a vote and the edit adding the voter as co-author at the same moment: never both${engineName === "pglite" ? " (queries one at a time)" : ""}`, async () => {
    const [author, voter] = await Promise.all(["LS025", "LS019"].map(personIdOf));
    const ideaIds = await Promise.all(Array.from({ length: 10 }, () => createIdea([author])));
    await Promise.all(
      ideaIds.flatMap((ideaId) => [addVote(raceDb, { ideaId, personId: voter }), updateIdea(raceDb, { ideaId, personId: author, input: editInput([voter]) })]),
    );
    for (const ideaId of ideaIds) {
      expect(await counts(ideaId), `idea ${ideaId}`).toEqual({ voteCount: 0, rows: 0 });
      expect(await getVoteSummary(db, ideaId, voter), `idea ${ideaId}`).toMatchObject({ viewerHasVoted: false, viewerIsAuthor: true });
    }
  });
});

/** Await a statement the database must refuse: its SQLSTATE and the constraint it names. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string | undefined; constraint: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    let constraint: string | undefined;
    for (let depth = 0; current && depth < 5 && !constraint; depth++) {
      const found = current as { constraint?: unknown; constraint_name?: unknown };
      const name = found.constraint_name ?? found.constraint; // postgres.js, PGlite
      if (typeof name === "string") constraint = name;
      current = (current as { cause?: unknown }).cause;
    }
    return { code: pgErrorCode(error), constraint };
  }
  throw new Error("expected the database to refuse the statement, but it succeeded");
}

const voteByAuthor = { code: "23514", constraint: "idea_votes_not_by_authors" };
const authorWhoVoted = { code: "23514", constraint: "idea_authors_have_not_voted" };

describe(`the database refuses a vote on one's own idea, past the service (${engineName})`, () => {
  it("a vote row by the submitter or a co-author, written with SQL: refused, nothing counted", async () => {
    const [submitter, coAuthor, voter] = await Promise.all(["LS011", "LS012", "LS013"].map(personIdOf));
    const ideaId = await createIdea([submitter, coAuthor]);
    expect(await addVote(db, { ideaId, personId: voter })).toBe("added");
    for (const personId of [submitter, coAuthor]) {
      expect(await refusal(db.execute(sql`insert into idea_votes (idea_id, person_id) values (${ideaId}, ${personId})`))).toEqual(voteByAuthor);
      // What addVote does, without its check: the row and the counter in one transaction.
      const vote = db.transaction(async (tx) => {
        await tx.update(ideas).set({ voteCount: sql`${ideas.voteCount} + 1` }).where(eq(ideas.id, ideaId));
        await tx.insert(ideaVotes).values({ ideaId, personId });
      });
      expect(await refusal(vote)).toEqual(voteByAuthor);
    }
    // Moving someone's vote onto their own idea is a vote on it too.
    const other = await createIdea([await personIdOf("LS010")]);
    expect(await addVote(db, { ideaId: other, personId: submitter })).toBe("added");
    expect(await refusal(db.execute(sql`update idea_votes set idea_id = ${ideaId} where idea_id = ${other} and person_id = ${submitter}`))).toEqual(voteByAuthor);
    expect(await counts(ideaId)).toEqual({ voteCount: 1, rows: 1 });
    expect(await counts(other)).toEqual({ voteCount: 1, rows: 1 });
    // The service still answers first, with its own word.
    expect(await addVote(db, { ideaId, personId: coAuthor })).toBe("own");
  });

  it("an author row for someone whose vote on the idea stands: refused; once the vote is gone, accepted", async () => {
    const [submitter, voter] = await Promise.all(["LS011", "LS014"].map(personIdOf));
    const ideaId = await createIdea([submitter]);
    expect(await addVote(db, { ideaId, personId: voter })).toBe("added");
    expect(await refusal(db.insert(ideaAuthors).values({ ideaId, personId: voter }))).toEqual(authorWhoVoted);
    expect(await removeVote(db, { ideaId, personId: voter })).toBe("removed");
    await db.insert(ideaAuthors).values({ ideaId, personId: voter });
    expect(await getVoteSummary(db, ideaId, voter)).toEqual({ voteCount: 0, viewerHasVoted: false, viewerIsAuthor: true });
  });

  // Two connections: one writes and holds its transaction open, the other writes the other row
  // for the same person and idea. Without the trigger taking the idea's row, neither would see
  // the other's uncommitted row and both would commit.
  it.runIf(engineName === "postgres").each([
    { first: "author row", second: "vote", expected: voteByAuthor },
    { first: "vote", second: "author row", expected: authorWhoVoted },
  ])("an uncommitted $first and a $second by the same person at the same moment, with SQL: the $second waits, then is refused", async ({ first, expected }) => {
    const [submitter, person] = await Promise.all(["LS011", "LS015"].map(personIdOf));
    const ideaId = await createIdea([submitter]);
    const writeVote = (on: Database) => on.execute(sql`insert into idea_votes (idea_id, person_id) values (${ideaId}, ${person})`);
    const writeAuthor = (on: Database) => on.execute(sql`insert into idea_authors (idea_id, person_id) values (${ideaId}, ${person})`);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const firstWritten = new Promise<void>((resolve) => (written = resolve));
    const firstTransaction = raceDb.transaction(async (tx) => {
      await (first === "vote" ? writeVote(tx) : writeAuthor(tx));
      written();
      await released;
    });
    await firstWritten;
    const second = refusal(first === "vote" ? writeAuthor(raceDb) : writeVote(raceDb));
    // Until the second statement waits for the first transaction's lock (bounded: without the
    // lock it would not wait, and the test fails below).
    const waiting = async () => {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return Number(rows[0].n) > 0;
    };
    for (let attempt = 0; attempt < 50 && !(await waiting()); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await firstTransaction;
    expect(await second).toEqual(expected);
    const [row] = await queryRows<{ votes: number; authors: number }>(
      db,
      sql`select (select count(*)::int from idea_votes where idea_id = ${ideaId} and person_id = ${person}) as votes,
                 (select count(*)::int from idea_authors where idea_id = ${ideaId} and person_id = ${person}) as authors`,
    );
    expect(row).toEqual(first === "vote" ? { votes: 1, authors: 0 } : { votes: 0, authors: 1 });
  });
});

describe(`votes under concurrency (${engineName}${engineName === "pglite" ? ": queries run one at a time" : ""})`, () => {
  it("50 simultaneous votes by one person: one row, count 1", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const voter = await personIdOf("LS030");
    const results = await Promise.all(Array.from({ length: 50 }, () => addVote(raceDb, { ideaId, personId: voter })));
    expect(results.filter((result) => result === "added")).toHaveLength(1);
    expect(results.filter((result) => result === "already")).toHaveLength(49);
    expect(await counts(ideaId)).toEqual({ voteCount: 1, rows: 1 });
  });

  it("50 people voting at once: count 50", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const voters = await createPeople(50, "RACE");
    const results = await Promise.all(voters.map((personId) => addVote(raceDb, { ideaId, personId })));
    expect(results.every((result) => result === "added")).toBe(true);
    expect(await counts(ideaId)).toEqual({ voteCount: 50, rows: 50 });
  });

  it("votes given and taken back at the same time leave the count equal to the rows", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const voters = await createPeople(20, "MIX");
    // Half have voted already.
    for (const personId of voters.slice(0, 10)) await addVote(db, { ideaId, personId });
    const operations = voters.flatMap((personId, index) => [
      () => addVote(raceDb, { ideaId, personId }),
      () => removeVote(raceDb, { ideaId, personId }),
      () => (index % 2 === 0 ? addVote(raceDb, { ideaId, personId }) : removeVote(raceDb, { ideaId, personId })),
    ]);
    // A fixed shuffle, so a failure can be replayed.
    let seed = 7;
    const shuffled = [...operations].sort(() => ((seed = (seed * 48271) % 2147483647) % 3) - 1);
    await Promise.all(shuffled.map((operation) => operation()));
    const { voteCount, rows } = await counts(ideaId);
    expect(voteCount).toBe(rows);
    const voted = await db
      .select({ personId: ideaVotes.personId })
      .from(ideaVotes)
      .where(and(eq(ideaVotes.ideaId, ideaId), inArray(ideaVotes.personId, voters)));
    expect(voted).toHaveLength(rows);
  });
});

describe(`the vote route (${engineName})`, () => {
  async function cookieOf(username: string): Promise<string> {
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    return (await startSession(account.id)).split(";")[0];
  }

  function post(ideaId: number, cookie: string, fields: Record<string, string>) {
    return new Request(`http://localhost/ideas/${ideaId}/vote`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: new URLSearchParams(fields),
    });
  }

  async function run(promise: Promise<unknown>): Promise<Response> {
    try {
      return (await promise) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("a plain form post votes and goes back to the page it came from (a path on this site only)", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const cookie = await cookieOf("LS025");
    const response = await run(voteAction({ request: post(ideaId, cookie, { intent: "vote", redirectTo: `/ideas/${ideaId}?x=1` }), params: { ideaId: String(ideaId) }, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/ideas/${ideaId}?x=1`);
    expect(await counts(ideaId)).toEqual({ voteCount: 1, rows: 1 });

    const offsite = await run(voteAction({ request: post(ideaId, cookie, { intent: "unvote", redirectTo: "//evil.example/" }), params: { ideaId: String(ideaId) }, context: {} }));
    expect(offsite.headers.get("Location")).toBe(`/ideas/${ideaId}`);
    expect(await counts(ideaId)).toEqual({ voteCount: 0, rows: 0 });
  });

  it("a fetcher (no redirectTo) gets the outcome and the new summary as JSON", async () => {
    const author = await personIdOf("LS025");
    const ideaId = await createIdea([author]);
    const other = await run(voteAction({ request: post(ideaId, await cookieOf("LS027"), { intent: "vote" }), params: { ideaId: String(ideaId) }, context: {} }));
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual({ result: "added", summary: { voteCount: 1, viewerHasVoted: true, viewerIsAuthor: false } });

    const own = await run(voteAction({ request: post(ideaId, await cookieOf("LS025"), { intent: "vote" }), params: { ideaId: String(ideaId) }, context: {} }));
    expect(own.status).toBe(403);
    expect(await own.json()).toEqual({ result: "own", summary: { voteCount: 1, viewerHasVoted: false, viewerIsAuthor: true } });
  });

  it("an unknown idea or a bad id is a 404, a bad intent a 400, and GET goes to the idea", async () => {
    const cookie = await cookieOf("LS025");
    expect((await run(voteAction({ request: post(987_654, cookie, { intent: "vote" }), params: { ideaId: "987654" }, context: {} }))).status).toBe(404);
    expect((await run(voteAction({ request: post(1, cookie, { intent: "vote" }), params: { ideaId: "1e3" }, context: {} }))).status).toBe(404);
    expect((await run(voteAction({ request: post(1, cookie, { intent: "probe" }), params: { ideaId: "1" }, context: {} }))).status).toBe(400);
    const get = await run(
      voteLoader({ request: new Request("http://localhost/ideas/5/vote", { headers: { Cookie: cookie } }), params: { ideaId: "5" }, context: {} }),
    );
    expect(get.status).toBe(302);
    expect(get.headers.get("Location")).toBe("/ideas/5");
  });
});
