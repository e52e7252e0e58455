import { inArray } from "drizzle-orm";
import { THAI_FISCAL_CALENDAR, fiscalYearOf } from "../../app/domain/fiscal-year";
import { buildSearchText } from "../../app/domain/idea-search";
import type { IdeaStage } from "../../app/domain/idea-stages";
import type { Database } from "../client.server";
import {
  accounts,
  ideaAuthors,
  ideaComments,
  ideaFollowers,
  ideaStageEvents,
  ideaTags,
  ideaVotes,
  ideas,
  notifications,
  people,
  plans,
  tags,
} from "../schema";
import { demoIdeas } from "./data/ideas";
import { demoStaff } from "./data/staff";
import type { SeedIdea } from "./data/types";

// Notifications are made for what happened in the weeks before the demo's "today".
const RECENT_FROM = new Date("2026-10-01T00:00:00+07:00");
const HOUR_MS = 60 * 60 * 1000;

/**
 * The demo ideas with their whole history: authors, tags, stage moves, votes, comments and
 * recent notifications. Idempotent: an idea is keyed by its submission token "seed:<key>".
 */
export async function seedDemoIdeas(db: Database): Promise<void> {
  const personRows = await db.select({ id: people.id, code: people.employeeCode, prefixTh: people.prefixTh, firstNameTh: people.firstNameTh, lastNameTh: people.lastNameTh }).from(people);
  const personIdByCode = new Map(personRows.map((row) => [row.code, row.id]));
  const nameByCode = new Map(personRows.map((row) => [row.code, `${row.prefixTh}${row.firstNameTh} ${row.lastNameTh} ${row.code}`]));
  const accountRows = await db.select({ id: accounts.id, username: accounts.username }).from(accounts);
  const accountIdByCode = new Map(accountRows.map((row) => [row.username, row.id]));
  const planIdByCode = new Map((await db.select({ id: plans.id, code: plans.code, strategyId: plans.strategyId }).from(plans)).map((row) => [row.code, row]));
  const committeeCodes = new Set(demoStaff.filter((person) => person.roles?.includes("committee")).map((person) => person.employeeCode));
  // Ideas seeded by an earlier run are skipped, and found again for duplicates pointing at them.
  const seeded = await db
    .select({ id: ideas.id, token: ideas.submissionToken })
    .from(ideas)
    .where(inArray(ideas.submissionToken, demoIdeas.map((idea) => `seed:${idea.key}`)));
  const ideaIdByKey = new Map(seeded.map((row) => [String(row.token).slice("seed:".length), row.id]));
  const personOf = (code: string) => {
    const id = personIdByCode.get(code);
    if (id === undefined) throw new Error(`seed: unknown person ${code}`);
    return id;
  };

  for (const seed of demoIdeas) {
    if (ideaIdByKey.has(seed.key)) continue;
    await db.transaction(async (tx) => {
      const ideaId = await insertIdea(tx, seed, { planIdByCode, ideaIdByKey, nameByCode });
      ideaIdByKey.set(seed.key, ideaId);
      const authorIds = seed.authorCodes.map(personOf);
      await tx.insert(ideaAuthors).values(authorIds.map((personId, index) => ({ ideaId, personId, isSubmitter: index === 0 })));
      await tx.insert(ideaFollowers).values(authorIds.map((personId) => ({ ideaId, personId }))).onConflictDoNothing();
      if (seed.tags.length > 0) {
        await tx.insert(tags).values(seed.tags.map((name) => ({ name }))).onConflictDoNothing();
        const tagRows = await tx.select({ id: tags.id }).from(tags).where(inArray(tags.name, seed.tags));
        await tx.insert(ideaTags).values(tagRows.map((tag) => ({ ideaId, tagId: tag.id })));
      }

      const submittedAt = new Date(seed.submittedAt);
      await tx.insert(ideaStageEvents).values({
        ideaId,
        fromStage: null,
        toStage: "submitted",
        byAccountId: accountIdByCode.get(seed.authorCodes[0]) ?? null,
        at: submittedAt,
      });
      let stage: IdeaStage = "submitted";
      for (const move of seed.stageHistory) {
        const at = new Date(move.at);
        await tx.insert(ideaStageEvents).values({
          ideaId,
          fromStage: stage,
          toStage: move.to,
          byAccountId: accountIdByCode.get(move.byCode) ?? null,
          reason: move.reason ?? "",
          at,
        });
        if (at >= RECENT_FROM && move.to !== "withdrawn") {
          await tx.insert(notifications).values(
            authorIds.map((recipientPersonId) => ({
              recipientPersonId,
              kind: (move.to === "duplicate" ? "marked_duplicate" : "stage_changed") as "marked_duplicate" | "stage_changed",
              ideaId,
              actorPersonId: personOf(move.byCode),
              payload: { from: stage, to: move.to },
              createdAt: at,
            })),
          );
        }
        stage = move.to;
      }

      // Votes arrive over the days after submission, in the order listed.
      if (seed.voterCodes.length > 0) {
        await tx.insert(ideaVotes).values(
          seed.voterCodes.map((code, index) => ({
            ideaId,
            personId: personOf(code),
            createdAt: new Date(submittedAt.getTime() + (index + 1) * 7 * HOUR_MS),
          })),
        );
      }
      for (const comment of seed.comments) {
        const authorPersonId = personOf(comment.byCode);
        const createdAt = new Date(comment.at);
        await tx.insert(ideaComments).values({
          ideaId,
          authorPersonId,
          body: comment.body,
          byCommittee: committeeCodes.has(comment.byCode),
          createdAt,
        });
        const recipients = authorIds.filter((personId) => personId !== authorPersonId);
        if (createdAt >= RECENT_FROM && recipients.length > 0) {
          await tx.insert(notifications).values(
            recipients.map((recipientPersonId) => ({ recipientPersonId, kind: "comment" as const, ideaId, actorPersonId: authorPersonId, payload: {}, createdAt })),
          );
        }
      }
      const lastMove = seed.stageHistory[seed.stageHistory.length - 1];
      await tx
        .update(ideas)
        .set({
          stage,
          stageChangedAt: lastMove ? new Date(lastMove.at) : submittedAt,
          voteCount: seed.voterCodes.length,
          commentCount: seed.comments.length,
        })
        .where(inArray(ideas.id, [ideaId]));
    });
  }
}

async function insertIdea(
  db: Database,
  seed: SeedIdea,
  context: {
    planIdByCode: Map<string, { id: number; strategyId: number }>;
    ideaIdByKey: Map<string, number>;
    nameByCode: Map<string, string>;
  },
): Promise<number> {
  const plan = seed.planCode ? context.planIdByCode.get(seed.planCode) : undefined;
  if (seed.planCode && !plan) throw new Error(`seed: idea ${seed.key} names unknown plan ${seed.planCode}`);
  const duplicateOfIdeaId = seed.duplicateOfKey ? context.ideaIdByKey.get(seed.duplicateOfKey) : undefined;
  if (seed.duplicateOfKey && duplicateOfIdeaId === undefined) throw new Error(`seed: ${seed.key} duplicates unknown ${seed.duplicateOfKey}`);
  const submittedAt = new Date(seed.submittedAt);
  const [row] = await db
    .insert(ideas)
    .values({
      title: seed.title,
      problem: seed.problem,
      solution: seed.solution,
      benefit: seed.benefit,
      planId: plan?.id ?? null,
      strategyId: plan?.strategyId ?? null,
      submittedAt,
      stageChangedAt: submittedAt,
      updatedAt: submittedAt,
      fiscalYear: fiscalYearOf(submittedAt, THAI_FISCAL_CALENDAR),
      duplicateOfIdeaId: duplicateOfIdeaId ?? null,
      submissionToken: `seed:${seed.key}`,
      searchText: buildSearchText({ ...seed, authorNames: seed.authorCodes.map((code) => context.nameByCode.get(code) ?? code) }),
    })
    .returning({ id: ideas.id });
  return row.id;
}
