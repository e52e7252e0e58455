import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client.server";
import {
  accounts,
  auditLog,
  ideaFollowers,
  ideaScores,
  ideaStageEvents,
  ideaVotes,
  ideas,
  notifications,
  plans,
  projects,
  scoringCriteria,
} from "../../db/schema";
import type { IdeaStage } from "../../app/domain/idea-stages";
import { withdrawIdea } from "../../app/models/ideas.server";
import { listDuplicatesOf } from "../../app/models/board.server";
import { getScoreSummary, getScoreSummaryFor, listIdeaScores, saveScores } from "../../app/models/scores.server";
import { moveIdea, type MoveActor } from "../../app/services/stage-moves.server";
import { engineName, expectDatabaseError, findPersonId, snapshotEveryTable, withDemoDatabaseForFile } from "./test-database";
import { insertIdea } from "./fixtures/ideas";

let db: Database;
/** For the race on PostgreSQL: a handle with more connections than the default test pool. */
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

async function committee(code: string): Promise<MoveActor> {
  const personId = await findPersonId(db, code);
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId));
  return { accountId: account.id, personId, kind: "committee", ipAddress: "203.0.113.9" };
}

let ideaNumber = 0;
/** A new idea written straight into the tables, in `stage`, authored by `authorCodes` (who follow it). */
async function createIdea(authorCodes: string[], stage: IdeaStage = "submitted"): Promise<number> {
  ideaNumber += 1;
  return insertIdea(db, { title: `ไอเดียทดสอบขั้นตอน ${ideaNumber}`, stage, authorCodes, history: "none", short: true });
}

async function stageOf(ideaId: number): Promise<IdeaStage> {
  const [row] = await db.select({ stage: ideas.stage }).from(ideas).where(eq(ideas.id, ideaId));
  return row.stage;
}

async function eventsOf(ideaId: number) {
  return db.select().from(ideaStageEvents).where(eq(ideaStageEvents.ideaId, ideaId)).orderBy(asc(ideaStageEvents.at), asc(ideaStageEvents.id));
}

async function vote(ideaId: number, codes: string[]) {
  const personIds = await Promise.all(codes.map((code) => findPersonId(db, code)));
  await db.insert(ideaVotes).values(personIds.map((personId) => ({ ideaId, personId })));
  await db.update(ideas).set({ voteCount: sql`${ideas.voteCount} + ${personIds.length}` }).where(eq(ideas.id, ideaId));
}

async function votersOf(ideaId: number): Promise<string[]> {
  const rows = await db.execute(sql`select p.employee_code as code from idea_votes v join people p on p.id = v.person_id where v.idea_id = ${ideaId} order by p.employee_code`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: { code: string }[] }).rows) as { code: string }[];
  return list.map((row) => row.code);
}

async function voteCountOf(ideaId: number): Promise<number> {
  const [row] = await db.select({ voteCount: ideas.voteCount }).from(ideas).where(eq(ideas.id, ideaId));
  return row.voteCount;
}

describe(`stage moves (${engineName})`, () => {
  it("a move records who, when, from, to, why and the meeting, notifies the authors and is audited", async () => {
    const ideaId = await createIdea(["LS034", "LS035"]);
    const actor = await committee("LS005");
    const now = new Date("2026-11-24T14:00:00+07:00");
    const result = await moveIdea(db, {
      ideaId,
      expectedFromStage: "submitted",
      toStage: "screening",
      actor,
      reason: "  ผ่านเกณฑ์เบื้องต้น  ",
      meeting: { number: "ครั้งที่ 11/2569", date: "2026-11-24", resolution: "ให้กลั่นกรองในรายละเอียด" },
      now,
    });
    expect(result).toMatchObject({ ok: true });
    const [idea] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
    expect(idea.stage).toBe("screening");
    expect(idea.stageChangedAt.toISOString()).toBe(now.toISOString());
    const events = await eventsOf(ideaId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      fromStage: "submitted",
      toStage: "screening",
      byAccountId: actor.accountId,
      reason: "ผ่านเกณฑ์เบื้องต้น",
      meetingNumber: "ครั้งที่ 11/2569",
      meetingDate: "2026-11-24",
      resolutionText: "ให้กลั่นกรองในรายละเอียด",
    });
    expect(events[0].at.toISOString()).toBe(now.toISOString());

    const notes = await db.select().from(notifications).where(eq(notifications.ideaId, ideaId));
    const recipients = await Promise.all(["LS034", "LS035"].map((code) => findPersonId(db, code)));
    expect(notes.map((note) => note.recipientPersonId).sort()).toEqual([...recipients].sort());
    for (const note of notes) {
      expect(note).toMatchObject({ kind: "stage_changed", actorPersonId: actor.personId, payload: { from: "submitted", to: "screening" } });
    }
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "idea.stage_changed"), eq(auditLog.entityId, String(ideaId))));
    expect(audit).toMatchObject({ actorAccountId: actor.accountId, entityType: "idea", ipAddress: "203.0.113.9" });
    expect(audit.details).toMatchObject({ from: "submitted", to: "screening", reason: "ผ่านเกณฑ์เบื้องต้น", meeting: { number: "ครั้งที่ 11/2569" } });
  });

  it("refused moves change nothing, and say why", async () => {
    const submitted = await createIdea(["LS031"]);
    const review = await createIdea(["LS031"], "committee_review");
    const withdrawn = await createIdea(["LS032"], "withdrawn");
    const alreadyDuplicate = await createIdea(["LS032"], "duplicate");
    const approved = await createIdea(["LS032"], "approved");
    const actor = await committee("LS002");
    const before = await snapshotEveryTable(db);
    const attempts: [Parameters<typeof moveIdea>[1], string][] = [
      [{ ideaId: submitted, expectedFromStage: "submitted", toStage: "approved", actor }, "pipeline.error.skip"],
      [{ ideaId: review, expectedFromStage: "committee_review", toStage: "submitted", actor }, "pipeline.error.reverse"],
      [{ ideaId: review, expectedFromStage: "committee_review", toStage: "not_adopted", actor, reason: " " }, "pipeline.error.reasonRequired"],
      [{ ideaId: review, expectedFromStage: "committee_review", toStage: "screening", actor }, "pipeline.error.reasonRequired"],
      [{ ideaId: review, expectedFromStage: "committee_review", toStage: "approved", actor }, "pipeline.error.projectRequired"],
      [{ ideaId: submitted, expectedFromStage: "submitted", toStage: "duplicate", actor }, "pipeline.error.originalRequired"],
      [{ ideaId: submitted, expectedFromStage: "submitted", toStage: "duplicate", actor, duplicateOfIdeaId: submitted }, "pipeline.error.originalSelf"],
      [{ ideaId: submitted, expectedFromStage: "submitted", toStage: "duplicate", actor, duplicateOfIdeaId: withdrawn }, "pipeline.error.originalWithdrawn"],
      [{ ideaId: submitted, expectedFromStage: "submitted", toStage: "duplicate", actor, duplicateOfIdeaId: alreadyDuplicate }, "pipeline.error.originalDuplicate"],
      [{ ideaId: submitted, expectedFromStage: "submitted", toStage: "duplicate", actor, duplicateOfIdeaId: 987_654 }, "pipeline.error.originalUnknown"],
      [{ ideaId: submitted, expectedFromStage: "submitted", toStage: "withdrawn", actor }, "pipeline.error.authorOnly"],
      [{ ideaId: approved, expectedFromStage: "approved", toStage: "in_progress", actor }, "pipeline.error.startsWithProject"],
      [{ ideaId: submitted, expectedFromStage: "submitted", toStage: "screening", actor: { ...actor, kind: "system" } }, "pipeline.error.committeeOnly"],
      [{ ideaId: withdrawn, expectedFromStage: "withdrawn", toStage: "screening", actor }, "pipeline.error.closed"],
      [{ ideaId: 987_654, expectedFromStage: "submitted", toStage: "screening", actor }, "pipeline.error.notFound"],
    ];
    for (const [params, problem] of attempts) {
      expect(await moveIdea(db, params), `${params.expectedFromStage} → ${params.toStage}: ${problem}`).toMatchObject({ ok: false, problem });
    }
    expect(await snapshotEveryTable(db)).toEqual(before);
  });

  it("the system makes the moves a project makes: approved → in progress → implemented", async () => {
    const ideaId = await createIdea(["LS033"], "approved");
    const system: MoveActor = { accountId: null, personId: null, kind: "system" };
    expect(await moveIdea(db, { ideaId, expectedFromStage: "approved", toStage: "in_progress", actor: system, reason: "โครงการเริ่มดำเนินการ" })).toMatchObject({ ok: true });
    expect(await moveIdea(db, { ideaId, expectedFromStage: "in_progress", toStage: "implemented", actor: system })).toMatchObject({ ok: true });
    expect(await stageOf(ideaId)).toBe("implemented");
    expect((await eventsOf(ideaId)).map((event) => [event.fromStage, event.toStage, event.byAccountId])).toEqual([
      ["approved", "in_progress", null],
      ["in_progress", "implemented", null],
    ]);
  });

  it("works inside a caller's transaction and rolls back with it", async () => {
    const ideaId = await createIdea(["LS033"]);
    const actor = await committee("LS005");
    await expect(
      db.transaction(async (tx) => {
        expect(await moveIdea(tx, { ideaId, expectedFromStage: "submitted", toStage: "screening", actor })).toMatchObject({ ok: true });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await stageOf(ideaId)).toBe("submitted");
    expect(await eventsOf(ideaId)).toEqual([]);
  });

  it("a stale page: the idea moved since, so the person is told by whom and where it is now", async () => {
    const ideaId = await createIdea(["LS036"]);
    const first = await committee("LS023");
    const second = await committee("LS039");
    expect(await moveIdea(db, { ideaId, expectedFromStage: "submitted", toStage: "screening", actor: first })).toMatchObject({ ok: true });
    const before = await snapshotEveryTable(db);
    expect(await moveIdea(db, { ideaId, expectedFromStage: "submitted", toStage: "duplicate", actor: second, duplicateOfIdeaId: 1 })).toEqual({
      ok: false,
      problem: "pipeline.error.movedByOther",
      currentStage: "screening",
      movedBy: "นายไพโรจน์ พันธุ์ดี",
      movedByEn: "Phairot Phandee",
    });
    expect(await snapshotEveryTable(db)).toEqual(before);
  });
});

describe(`two committee members moving the same idea at once (${engineName}${engineName === "pglite" ? ": queries run one at a time" : ""})`, () => {
  it("10 moves from screening to two different stages: exactly one wins, the others are told who moved it", async () => {
    const ideaId = await createIdea(["LS037"], "screening");
    const members = await Promise.all(["LS002", "LS005", "LS023", "LS039"].map(committee));
    const attempts = Array.from({ length: 10 }, (_, index) => ({
      actor: members[index % members.length],
      toStage: (index % 2 === 0 ? "committee_review" : "not_adopted") as IdeaStage,
    }));
    const results = await Promise.all(
      attempts.map((attempt) =>
        moveIdea(raceDb, { ideaId, expectedFromStage: "screening", toStage: attempt.toStage, actor: attempt.actor, reason: "ไม่สอดคล้องกับแผน" }),
      ),
    );
    const winners = results.flatMap((result, index) => (result.ok ? [attempts[index]] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    const [winnerName] = await db.execute(sql`select prefix_th || first_name_th || ' ' || last_name_th as name, nullif(btrim(coalesce(first_name_en, '') || ' ' || coalesce(last_name_en, '')), '') as name_en from people where id = ${winner.actor.personId}`).then((rows) =>
      (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).map((row) => row as { name: string; name_en: string | null }),
    );
    for (const result of results.filter((candidate) => !candidate.ok)) {
      expect(result).toEqual({ ok: false, problem: "pipeline.error.movedByOther", currentStage: winner.toStage, movedBy: winnerName.name, movedByEn: winnerName.name_en });
    }
    expect(await stageOf(ideaId)).toBe(winner.toStage);
    const events = await eventsOf(ideaId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStage: "screening", toStage: winner.toStage, byAccountId: winner.actor.accountId });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "idea.stage_changed"), eq(auditLog.entityId, String(ideaId))));
    expect(audits).toHaveLength(1);
    const sent = await db.select().from(notifications).where(eq(notifications.ideaId, ideaId));
    expect(sent).toHaveLength(1);
  });
});

describe(`duplicates (${engineName})`, () => {
  it("carry votes over to the original without double counting, and followers; both pages are linked", async () => {
    const original = await createIdea(["LS010"], "screening");
    const duplicate = await createIdea(["LS011", "LS012"]);
    // LS020 votes for both (counts once); LS021 only the duplicate; LS022… LS024 only the original;
    // LS010 is the original's author: their vote on the duplicate cannot become a vote on their own idea.
    await vote(original, ["LS020", "LS023", "LS024"]);
    await vote(duplicate, ["LS020", "LS021", "LS010"]);
    await db.insert(ideaFollowers).values([{ ideaId: duplicate, personId: await findPersonId(db, "LS030") }]);
    await db.insert(ideaFollowers).values([{ ideaId: original, personId: await findPersonId(db, "LS030") }]);
    const actor = await committee("LS005");

    const result = await moveIdea(db, { ideaId: duplicate, expectedFromStage: "submitted", toStage: "duplicate", actor, duplicateOfIdeaId: original });
    expect(result).toMatchObject({ ok: true });

    expect(await votersOf(original)).toEqual(["LS020", "LS021", "LS023", "LS024"]);
    expect(await voteCountOf(original)).toBe(4);
    expect(await votersOf(duplicate)).toEqual([]);
    expect(await voteCountOf(duplicate)).toBe(0);

    const followers = await db
      .select({ personId: ideaFollowers.personId })
      .from(ideaFollowers)
      .where(eq(ideaFollowers.ideaId, original))
      .orderBy(asc(ideaFollowers.personId));
    const expected = await Promise.all(["LS010", "LS011", "LS012", "LS030"].map((code) => findPersonId(db, code)));
    expect(followers.map((row) => row.personId)).toEqual([...expected].sort((a, b) => a - b));

    const [row] = await db.select({ stage: ideas.stage, duplicateOfIdeaId: ideas.duplicateOfIdeaId }).from(ideas).where(eq(ideas.id, duplicate));
    expect(row).toEqual({ stage: "duplicate", duplicateOfIdeaId: original });
    expect(await listDuplicatesOf(db, original)).toEqual([{ id: duplicate, title: expect.any(String) }]);

    const sent = await db.select().from(notifications).where(eq(notifications.ideaId, duplicate));
    const authors = await Promise.all(["LS011", "LS012"].map((code) => findPersonId(db, code)));
    expect(sent.filter((note) => authors.includes(note.recipientPersonId)).map((note) => note.kind)).toEqual(["marked_duplicate", "marked_duplicate"]);
    expect(sent[0].payload).toMatchObject({ from: "submitted", to: "duplicate", duplicateOfIdeaId: original });
  });

  it("a co-author of the original, too, gets no vote carried over from the duplicate", async () => {
    const original = await createIdea(["LS013", "LS014"]);
    const duplicate = await createIdea(["LS015"]);
    await vote(duplicate, ["LS014", "LS016"]);
    const result = await moveIdea(db, { ideaId: duplicate, expectedFromStage: "submitted", toStage: "duplicate", actor: await committee("LS005"), duplicateOfIdeaId: original });
    expect(result).toMatchObject({ ok: true });
    expect(await votersOf(original)).toEqual(["LS016"]);
    expect(await voteCountOf(original)).toBe(1);
    expect(await voteCountOf(duplicate)).toBe(0);
  });

  it("two ideas marked duplicates of each other at once: one wins, no chain is left", async () => {
    const a = await createIdea(["LS013"]);
    const b = await createIdea(["LS015"]);
    const [first, second] = await Promise.all([committee("LS002"), committee("LS023")]);
    const results = await Promise.all([
      moveIdea(raceDb, { ideaId: a, expectedFromStage: "submitted", toStage: "duplicate", actor: first, duplicateOfIdeaId: b }),
      moveIdea(raceDb, { ideaId: b, expectedFromStage: "submitted", toStage: "duplicate", actor: second, duplicateOfIdeaId: a }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ problem: "pipeline.error.originalDuplicate" });
    const stages = await db.select({ stage: ideas.stage }).from(ideas).where(inArray(ideas.id, [a, b]));
    expect(stages.map((row) => row.stage).sort()).toEqual(["duplicate", "submitted"]);
  });
});

describe(`approval needs a project (${engineName})`, () => {
  it("approving creates the project in the same transaction; a refused project undoes the move", async () => {
    const ideaId = await createIdea(["LS018"], "committee_review");
    const actor = await committee("LS002");
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, "2.3"));
    const owner = await findPersonId(db, "LS018");
    const before = await snapshotEveryTable(db);
    const refused = await moveIdea(db, {
      ideaId,
      expectedFromStage: "committee_review",
      toStage: "approved",
      actor,
      project: { project: { nameTh: "", planId: plan.id, ownerPersonId: owner, budget: 50_000, startDate: "2026-12-01", endDate: "2027-03-31" } },
    });
    expect(refused).toMatchObject({ ok: false, field: "project", projectErrors: { nameTh: expect.any(String) } });
    expect(await snapshotEveryTable(db)).toEqual(before);

    const result = await moveIdea(db, {
      ideaId,
      expectedFromStage: "committee_review",
      toStage: "approved",
      actor,
      meeting: { number: "ครั้งที่ 12/2569", date: "2026-11-24", resolution: "อนุมัติ" },
      project: { project: { nameTh: "โครงการทดสอบการอนุมัติ", planId: plan.id, ownerPersonId: owner, budget: 50_000, startDate: "2026-12-01", endDate: "2027-03-31" } },
    });
    expect(result).toMatchObject({ ok: true, projectId: expect.any(Number) });
    const [idea] = await db.select({ stage: ideas.stage, projectId: ideas.projectId }).from(ideas).where(eq(ideas.id, ideaId));
    expect(idea.stage).toBe("approved");
    expect(idea.projectId).toBe(result.ok ? result.projectId : -1);
    const [project] = await db.select().from(projects).where(eq(projects.id, idea.projectId!));
    expect(project).toMatchObject({ nameTh: "โครงการทดสอบการอนุมัติ", planId: plan.id, ownerPersonId: owner, status: "planned" });
  });
});

describe(`scores (${engineName})`, () => {
  it("one score per member per criterion: saving again replaces; the summary gives the mean and range", async () => {
    const ideaId = await createIdea(["LS019"], "committee_review");
    const criteria = await db.select({ id: scoringCriteria.id }).from(scoringCriteria).where(eq(scoringCriteria.active, true)).orderBy(asc(scoringCriteria.sortOrder));
    expect(criteria).toHaveLength(5);
    const [a, b] = await Promise.all([findPersonId(db, "LS002"), findPersonId(db, "LS005")]);
    expect(await saveScores(db, { ideaId, personId: a, scores: criteria.map((criterion) => ({ criterionId: criterion.id, score: 2 })) })).toBe("saved");
    expect(await saveScores(db, { ideaId, personId: a, scores: criteria.map((criterion) => ({ criterionId: criterion.id, score: 4 })) })).toBe("saved");
    expect(await saveScores(db, { ideaId, personId: b, scores: criteria.map((criterion, index) => ({ criterionId: criterion.id, score: index + 1 })) })).toBe("saved");
    const rows = await db.select().from(ideaScores).where(eq(ideaScores.ideaId, ideaId));
    expect(rows).toHaveLength(10);
    expect(rows.filter((row) => row.personId === a).every((row) => row.score === 4)).toBe(true);
    expect((await listIdeaScores(db, ideaId)).map((row) => row.personId).sort()).toEqual([a, a, a, a, a, b, b, b, b, b].sort());

    const summary = await getScoreSummary(db, ideaId);
    expect(summary.raters).toBe(2);
    expect(summary.criteria[0].spread).toEqual({ count: 2, mean: 2.5, min: 1, max: 4 });
    expect(summary.criteria[4].spread).toEqual({ count: 2, mean: 4.5, min: 4, max: 5 });
    expect(summary.overall).toEqual({ count: 2, mean: 3.5, min: 3, max: 4 });
  });

  it("the summary reaches the committee and executives, and the authors only once decided", async () => {
    const ideaId = await createIdea(["LS019"], "committee_review");
    const [criterion] = await db.select({ id: scoringCriteria.id }).from(scoringCriteria).limit(1);
    await saveScores(db, { ideaId, personId: await findPersonId(db, "LS002"), scores: [{ criterionId: criterion.id, score: 4 }] });
    const view = (stage: IdeaStage, viewerRoles: string[], viewerIsAuthor: boolean) => getScoreSummaryFor(db, { ideaId, stage, viewerRoles, viewerIsAuthor });
    expect(await view("committee_review", ["staff"], true)).toBeNull();
    expect(await view("committee_review", ["staff", "hr", "director", "admin"], false)).toBeNull();
    expect((await view("committee_review", ["staff", "executive"], false))?.raters).toBe(1);
    expect((await view("committee_review", ["staff", "committee"], false))?.overall?.mean).toBe(4);
    expect((await view("approved", ["staff"], true))?.criteria[0].spread).toEqual({ count: 1, mean: 4, min: 4, max: 4 });
    expect(await view("approved", ["staff"], false)).toBeNull();
  });

  it("scores only while in review, only on active criteria, only 1–5; the database says so too", async () => {
    const [criterion] = await db.select({ id: scoringCriteria.id }).from(scoringCriteria).limit(1);
    const personId = await findPersonId(db, "LS023");
    const approved = await createIdea(["LS019"], "approved");
    expect(await saveScores(db, { ideaId: approved, personId, scores: [{ criterionId: criterion.id, score: 3 }] })).toBe("closed");
    const review = await createIdea(["LS019"], "screening");
    expect(await saveScores(db, { ideaId: review, personId, scores: [{ criterionId: criterion.id, score: 6 }] })).toBe("outOfRange");
    expect(await saveScores(db, { ideaId: review, personId, scores: [{ criterionId: 987_654, score: 3 }] })).toBe("criterionUnknown");
    expect(await saveScores(db, { ideaId: 987_654, personId, scores: [{ criterionId: criterion.id, score: 3 }] })).toBe("notFound");
    // A committee member who proposed the idea does not score it.
    const own = await createIdea(["LS023"], "committee_review");
    expect(await saveScores(db, { ideaId: own, personId, scores: [{ criterionId: criterion.id, score: 5 }] })).toBe("own");
    expect(await db.select().from(ideaScores).where(inArray(ideaScores.ideaId, [approved, review, own]))).toEqual([]);
    // The rules hold in the database, whatever code writes.
    expect(await expectDatabaseError(db.insert(ideaScores).values({ ideaId: review, criterionId: criterion.id, personId, score: 0 }))).toBe("23514");
    await db.insert(ideaScores).values({ ideaId: review, criterionId: criterion.id, personId, score: 3 });
    expect(await expectDatabaseError(db.insert(ideaScores).values({ ideaId: review, criterionId: criterion.id, personId, score: 4 }))).toBe("23505");
  });

  it("many saves by one member at once leave one row per criterion", async () => {
    const ideaId = await createIdea(["LS019"], "committee_review");
    const [criterion] = await db.select({ id: scoringCriteria.id }).from(scoringCriteria).limit(1);
    const personId = await findPersonId(db, "LS039");
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((score) => saveScores(raceDb, { ideaId, personId, scores: [{ criterionId: criterion.id, score }] })),
    );
    expect(results.every((result) => result === "saved")).toBe(true);
    expect(await db.select().from(ideaScores).where(eq(ideaScores.ideaId, ideaId))).toHaveLength(1);
  });
});

describe(`the author's withdrawal still works beside the pipeline (${engineName})`, () => {
  it("withdraws from submitted, and the committee cannot move it after", async () => {
    const ideaId = await createIdea(["LS038"]);
    const author = await findPersonId(db, "LS038");
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, author));
    expect(await withdrawIdea(db, { ideaId, personId: author, accountId: account.id, reason: "ซ้ำกับงานประจำ" })).toBe("ok");
    expect(await moveIdea(db, { ideaId, expectedFromStage: "submitted", toStage: "screening", actor: await committee("LS005") })).toMatchObject({
      ok: false,
      problem: "pipeline.error.movedByOther",
      currentStage: "withdrawn",
    });
    const [last] = await db.select().from(ideaStageEvents).where(eq(ideaStageEvents.ideaId, ideaId)).orderBy(desc(ideaStageEvents.id)).limit(1);
    expect(last).toMatchObject({ fromStage: "submitted", toStage: "withdrawn" });
  });
});
