import { and, eq, inArray, isNull } from "drizzle-orm";
import type { IdeaStage } from "../../app/domain/idea-stages";
import { SCORE_MAX, SCORE_MIN } from "../../app/domain/pipeline";
import type { Database } from "../client.server";
import { committeeNotes, ideaScores, ideaStageEvents, ideas, people, scoringCriteria } from "../schema";
import { demoIdeas } from "./data/ideas";

/** The default review criteria (PRODUCT.md §4), in their order. Codes are stable keys. */
export const DEFAULT_CRITERIA = [
  { code: "benefit", nameTh: "ประโยชน์ต่อประชาชน", nameEn: "Benefit to citizens" },
  { code: "novelty", nameTh: "ความใหม่", nameEn: "Novelty" },
  { code: "feasibility", nameTh: "ความเป็นไปได้", nameEn: "Feasibility" },
  { code: "cost", nameTh: "ความคุ้มค่า/ต้นทุน", nameEn: "Value for money (cost)" },
  { code: "plan_fit", nameTh: "ความสอดคล้องกับแผน", nameEn: "Fit with the plan" },
] as const;

/**
 * Settings the pipeline needs in any organisation: the default scoring criteria. Existing
 * rows (matched by code) are left as they are, so an administrator's edits survive a re-seed.
 */
export async function seedPipelineSettings(db: Database): Promise<void> {
  await db
    .insert(scoringCriteria)
    .values(DEFAULT_CRITERIA.map((criterion, index) => ({ ...criterion, sortOrder: index + 1, active: true })))
    .onConflictDoNothing({ target: scoringCriteria.code });
}

const COMMITTEE = ["LS002", "LS005", "LS023", "LS039"] as const;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A small deterministic hash (FNV-1a), so the demo's scores are the same on every run. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const character of text) {
    value ^= character.codePointAt(0) ?? 0;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** Where the committee's view of an idea starts, by how its story ended. */
function baseScore(finalStage: IdeaStage): number {
  if (finalStage === "implemented" || finalStage === "in_progress" || finalStage === "approved") return 4;
  if (finalStage === "not_adopted") return 2;
  return 3;
}

/** Demo committee notes (committee eyes only), a few of them replies. */
const DEMO_NOTES: { ideaKey: string; key: string; replyTo?: string; byCode: string; at: string; body: string }[] = [
  {
    ideaKey: "I044",
    key: "n1",
    byCode: "LS002",
    at: "2026-02-12T10:30:00+07:00",
    body: "ควรประสานกองสวัสดิการสังคมเรื่องอัตรากำลังที่ต้องออกพื้นที่ ถ้ารับเอกสารถึงบ้านทุกราย อาจต้องจัดตารางเป็นรายหมู่บ้าน",
  },
  {
    ideaKey: "I044",
    key: "n2",
    replyTo: "n1",
    byCode: "LS039",
    at: "2026-02-13T09:15:00+07:00",
    body: "กองสวัสดิการฯ ยืนยันว่าออกพื้นที่ได้สัปดาห์ละ 2 วัน เสนอให้นำร่องหมู่ 3 และหมู่ 7 ก่อนค่ะ",
  },
  {
    ideaKey: "I044",
    key: "n3",
    replyTo: "n1",
    byCode: "LS005",
    at: "2026-02-13T14:00:00+07:00",
    body: "เห็นด้วยกับการนำร่อง ขอให้ผู้เสนอประมาณค่าน้ำมันรถต่อเดือนมาประกอบการพิจารณาครั้งหน้า",
  },
  {
    ideaKey: "I043",
    key: "n1",
    byCode: "LS023",
    at: "2026-01-15T11:00:00+07:00",
    body: "กองช่างตรวจแล้ว ติดธงที่หอถังสูงได้ทุกหมู่ ค่าใช้จ่ายต่ำ แต่ต้องมีคนรับผิดชอบเปลี่ยนธงทุกวันช่วงหน้าแล้ง",
  },
  {
    ideaKey: "I043",
    key: "n2",
    replyTo: "n1",
    byCode: "LS002",
    at: "2026-01-16T09:30:00+07:00",
    body: "เสนอให้ผู้ดูแลประปาหมู่บ้านเป็นผู้เปลี่ยนธง และประกาศผ่านหอกระจายข่าวควบคู่กัน",
  },
  {
    ideaKey: "I035",
    key: "n1",
    byCode: "LS005",
    at: "2025-06-12T15:20:00+07:00",
    body: "รอหนังสือตอบจากบริษัทรับกำจัดขยะอันตรายเรื่องค่าขนส่ง จะนำเสนอในการประชุมครั้งถัดไป",
  },
  {
    ideaKey: "I038",
    key: "n1",
    byCode: "LS039",
    at: "2025-08-21T10:10:00+07:00",
    body: "ผู้ปกครองบางส่วนไม่มีสมาร์ทโฟน ควรคงช่องทางลงทะเบียนด้วยกระดาษที่ศูนย์ควบคู่ไปด้วย",
  },
  {
    ideaKey: "I042",
    key: "n1",
    byCode: "LS002",
    at: "2026-01-20T13:45:00+07:00",
    body: "ครูศูนย์ฯ ที่พูดภาษากะเหรี่ยงได้มี 2 คน ช่วยตรวจคำแปลได้ ควรขอสนับสนุนงบจากกองทุนหลักประกันสุขภาพฯ ด้วย",
  },
];

/** The calendar date in Bangkok of an ISO instant with the +07:00 offset. */
const bangkokDate = (instant: string) => new Date(new Date(instant).getTime() + 7 * HOUR_MS).toISOString().slice(0, 10);

/**
 * Meeting citations for the committee's decisions in the demo: every screening result and
 * every decision cites the meeting held that day, numbered per Buddhist Era year in date order.
 */
function demoCitations(): { ideaKey: string; toStage: IdeaStage; at: string; number: string; date: string; resolution: string }[] {
  const decisions = demoIdeas.flatMap((idea) =>
    idea.stageHistory
      .filter((move) => move.to === "committee_review" || move.to === "approved" || move.to === "not_adopted")
      .map((move) => ({ ideaKey: idea.key, toStage: move.to, at: move.at, reason: move.reason ?? "", date: bangkokDate(move.at) })),
  );
  const dates = [...new Set(decisions.map((decision) => decision.date))].sort();
  const numberOf = new Map<string, string>();
  const countByYear = new Map<number, number>();
  for (const date of dates) {
    const yearBE = Number(date.slice(0, 4)) + 543;
    const count = (countByYear.get(yearBE) ?? 0) + 1;
    countByYear.set(yearBE, count);
    numberOf.set(date, `ครั้งที่ ${count}/${yearBE}`);
  }
  return decisions.map((decision) => ({
    ideaKey: decision.ideaKey,
    toStage: decision.toStage,
    at: decision.at,
    number: numberOf.get(decision.date)!,
    date: decision.date,
    resolution:
      decision.toStage === "committee_review"
        ? "ผ่านการกลั่นกรอง ให้นำเสนอคณะกรรมการนวัตกรรมพิจารณาในรายละเอียด"
        : decision.toStage === "approved"
          ? "อนุมัติให้ดำเนินการเป็นโครงการนวัตกรรม มอบผู้เสนอจัดทำแผนการดำเนินงานและประมาณการงบประมาณเสนอภายใน 30 วัน"
          : `ไม่นำไปดำเนินการ เนื่องจาก${decision.reason}`,
  }));
}

/**
 * Demo committee work on the demo ideas: each committee member's scores on the ideas that
 * reached committee review (high for those approved, low for those not adopted, a partial set
 * on those still in review), a few threaded notes, and meeting citations on the seeded stage
 * events. Deterministic and idempotent: scores by their primary key, notes by idea, author and
 * time, citations only where none is recorded yet.
 */
export async function seedDemoPipeline(db: Database): Promise<void> {
  const ideaRows = await db
    .select({ id: ideas.id, token: ideas.submissionToken })
    .from(ideas)
    .where(inArray(ideas.submissionToken, demoIdeas.map((idea) => `seed:${idea.key}`)));
  const ideaIdByKey = new Map(ideaRows.map((row) => [String(row.token).slice("seed:".length), row.id]));
  const personIdByCode = new Map((await db.select({ id: people.id, code: people.employeeCode }).from(people)).map((row) => [row.code, row.id]));
  const criteria = await db
    .select({ id: scoringCriteria.id, code: scoringCriteria.code })
    .from(scoringCriteria)
    .where(inArray(scoringCriteria.code, DEFAULT_CRITERIA.map((criterion) => criterion.code)));

  const scoreRows: (typeof ideaScores.$inferInsert)[] = [];
  for (const idea of demoIdeas) {
    const ideaId = ideaIdByKey.get(idea.key);
    const reviewIndex = idea.stageHistory.findIndex((move) => move.to === "committee_review");
    if (ideaId === undefined || reviewIndex < 0) continue;
    const finalStage = idea.stageHistory[idea.stageHistory.length - 1].to;
    const reviewAt = new Date(idea.stageHistory[reviewIndex].at).getTime();
    const nextMove = idea.stageHistory[reviewIndex + 1];
    const latest = nextMove ? new Date(nextMove.at).getTime() - HOUR_MS : Date.parse("2026-11-20T16:00:00+07:00");
    const stillInReview = finalStage === "committee_review";
    for (const [memberIndex, code] of COMMITTEE.entries()) {
      if (idea.authorCodes.includes(code)) continue;
      // Ideas still in review are part-way through: not every member has scored yet.
      if (stillInReview && hash(`${idea.key}:${code}:pending`) % 3 === 0) continue;
      const personId = personIdByCode.get(code);
      if (personId === undefined) continue;
      const updatedAt = new Date(Math.min(reviewAt + (memberIndex + 1) * DAY_MS, latest));
      for (const criterion of criteria) {
        const roll = hash(`${idea.key}:${code}:${criterion.code}`) % 10;
        const offset = roll < 2 ? -1 : roll > 7 ? 1 : 0;
        const score = Math.min(SCORE_MAX, Math.max(SCORE_MIN, baseScore(finalStage) + offset));
        scoreRows.push({ ideaId, criterionId: criterion.id, personId, score, updatedAt });
      }
    }
  }
  if (scoreRows.length > 0) await db.insert(ideaScores).values(scoreRows).onConflictDoNothing();

  const noteIdByKey = new Map<string, number>();
  for (const note of DEMO_NOTES) {
    const ideaId = ideaIdByKey.get(note.ideaKey);
    const authorPersonId = personIdByCode.get(note.byCode);
    if (ideaId === undefined || authorPersonId === undefined) continue;
    const createdAt = new Date(note.at);
    const [existing] = await db
      .select({ id: committeeNotes.id })
      .from(committeeNotes)
      .where(and(eq(committeeNotes.ideaId, ideaId), eq(committeeNotes.authorPersonId, authorPersonId), eq(committeeNotes.createdAt, createdAt)));
    if (existing) {
      noteIdByKey.set(`${note.ideaKey}:${note.key}`, existing.id);
      continue;
    }
    const [inserted] = await db
      .insert(committeeNotes)
      .values({
        ideaId,
        authorPersonId,
        parentNoteId: note.replyTo ? (noteIdByKey.get(`${note.ideaKey}:${note.replyTo}`) ?? null) : null,
        body: note.body,
        createdAt,
      })
      .returning({ id: committeeNotes.id });
    noteIdByKey.set(`${note.ideaKey}:${note.key}`, inserted.id);
  }

  for (const citation of demoCitations()) {
    const ideaId = ideaIdByKey.get(citation.ideaKey);
    if (ideaId === undefined) continue;
    await db
      .update(ideaStageEvents)
      .set({ meetingNumber: citation.number, meetingDate: citation.date, resolutionText: citation.resolution })
      .where(
        and(
          eq(ideaStageEvents.ideaId, ideaId),
          eq(ideaStageEvents.toStage, citation.toStage),
          eq(ideaStageEvents.at, new Date(citation.at)),
          isNull(ideaStageEvents.meetingNumber),
        ),
      );
  }
}
