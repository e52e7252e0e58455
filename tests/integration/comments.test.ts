import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { accounts, ideaAuthors, ideaComments, ideas, notifications } from "../../db/schema";
import { startSession } from "../../app/auth/session.server";
import type { IdeaStage } from "../../app/domain/idea-stages";
import { addComment, deleteComment, listComments, updateComment } from "../../app/models/comments.server";
import { follow } from "../../app/models/follows.server";
import { action as commentsAction } from "../../app/routes/ideas.$ideaId.comments";
import { action as commentAction } from "../../app/routes/comments.$commentId";
import { engineName, findPersonId, withDemoDatabaseForFile } from "./test-database";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

const personIdOf = (employeeCode: string) => findPersonId(db, employeeCode);

let ideaNumber = 0;
async function createIdea(authorIds: number[], stage: IdeaStage = "submitted"): Promise<number> {
  ideaNumber += 1;
  const [idea] = await db
    .insert(ideas)
    .values({ title: `ไอเดียทดสอบความคิดเห็น ${ideaNumber}`, problem: "ปัญหา", solution: "วิธีแก้", benefit: "ประโยชน์", fiscalYear: 2570, stage })
    .returning({ id: ideas.id });
  await db.insert(ideaAuthors).values(authorIds.map((personId, index) => ({ ideaId: idea.id, personId, isSubmitter: index === 0 })));
  return idea.id;
}

async function counts(ideaId: number): Promise<{ commentCount: number; rows: number }> {
  const [idea] = await db.select({ commentCount: ideas.commentCount }).from(ideas).where(eq(ideas.id, ideaId));
  const [rows] = await db.select({ n: sql<number>`count(*)::int` }).from(ideaComments).where(eq(ideaComments.ideaId, ideaId));
  return { commentCount: idea.commentCount, rows: Number(rows.n) };
}

async function recipientsOf(ideaId: number): Promise<number[]> {
  const rows = await db
    .select({ recipient: notifications.recipientPersonId })
    .from(notifications)
    .where(and(eq(notifications.ideaId, ideaId), eq(notifications.kind, "comment")));
  return rows.map((row) => row.recipient).sort((a, b) => a - b);
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

describe(`comments (${engineName})`, () => {
  it("adds a comment, counts it, and lists it oldest first with sanitised HTML and its source", async () => {
    const author = await personIdOf("LS010");
    const [first, second] = [await personIdOf("LS025"), await personIdOf("LS026")];
    const ideaId = await createIdea([author]);
    const a = await addComment(db, { ideaId, authorPersonId: first, body: "**ดีมาก** <script>alert(1)</script>", byCommittee: false, submissionToken: "t-1" });
    const b = await addComment(db, { ideaId, authorPersonId: second, body: "เห็นด้วย", byCommittee: false, submissionToken: "t-2" });
    expect(a.status).toBe("added");
    expect(b.status).toBe("added");
    expect(await counts(ideaId)).toEqual({ commentCount: 2, rows: 2 });

    const listed = await listComments(db, ideaId);
    expect(listed.map((comment) => comment.id)).toEqual([a.commentId, b.commentId]);
    expect(listed[0]).toMatchObject({ ideaId, authorPersonId: first, byCommittee: false, body: "**ดีมาก** <script>alert(1)</script>", updatedAt: null });
    expect(listed[0].bodyHtml).toContain("<strong>ดีมาก</strong>");
    expect(listed[0].bodyHtml).not.toContain("<script");
    expect(listed[0].authorNameTh).toMatch(/^(นาย|นาง|นางสาว)\S+ \S+$/);
    expect(listed[0].createdAt).toBeInstanceOf(Date);
  });

  it("marks a committee member's comment", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    await addComment(db, { ideaId, authorPersonId: await personIdOf("LS005"), body: "คณะกรรมการรับทราบ", byCommittee: true, submissionToken: null });
    const [comment] = await listComments(db, ideaId);
    expect(comment.byCommittee).toBe(true);
  });

  it("a repeated submission token creates one comment, even sent many times at once", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const commenter = await personIdOf("LS025");
    const first = await addComment(db, { ideaId, authorPersonId: commenter, body: "ครั้งเดียว", byCommittee: false, submissionToken: "same-token" });
    const again = await addComment(db, { ideaId, authorPersonId: commenter, body: "ครั้งเดียว", byCommittee: false, submissionToken: "same-token" });
    expect(again).toEqual({ status: "duplicate", commentId: first.commentId });

    const results = await Promise.all(
      Array.from({ length: 10 }, () => addComment(db, { ideaId, authorPersonId: commenter, body: "พร้อมกัน", byCommittee: false, submissionToken: "race-token" })),
    );
    expect(results.filter((result) => result.status === "added")).toHaveLength(1);
    expect(await counts(ideaId)).toEqual({ commentCount: 2, rows: 2 });
    expect(await recipientsOf(ideaId)).toHaveLength(2);
  });

  it("no comment on a withdrawn or duplicate idea, nor on one that does not exist", async () => {
    const commenter = await personIdOf("LS025");
    for (const stage of ["withdrawn", "duplicate"] as const) {
      const ideaId = await createIdea([await personIdOf("LS010")], stage);
      expect(await addComment(db, { ideaId, authorPersonId: commenter, body: "x", byCommittee: false })).toEqual({ status: "closed" });
      expect(await counts(ideaId)).toEqual({ commentCount: 0, rows: 0 });
    }
    expect(await addComment(db, { ideaId: 987_654, authorPersonId: commenter, body: "x", byCommittee: false })).toEqual({ status: "notFound" });
  });

  it("the author edits and deletes only their own comment; deleting moves the count", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const [owner, other] = [await personIdOf("LS025"), await personIdOf("LS026")];
    const { commentId } = await addComment(db, { ideaId, authorPersonId: owner, body: "ก่อนแก้", byCommittee: false });
    const id = commentId!;

    expect(await updateComment(db, { commentId: id, personId: other, body: "แอบแก้" })).toBe("notYours");
    expect(await updateComment(db, { commentId: 987_654, personId: owner, body: "x" })).toBe("notFound");
    expect(await updateComment(db, { commentId: id, personId: owner, body: "หลังแก้ _เน้น_" })).toBe("ok");
    const [edited] = await listComments(db, ideaId);
    expect(edited.body).toBe("หลังแก้ _เน้น_");
    expect(edited.bodyHtml).toContain("<em>เน้น</em>");
    expect(edited.updatedAt).toBeInstanceOf(Date);

    expect(await deleteComment(db, { commentId: id, personId: other })).toBe("notYours");
    expect(await counts(ideaId)).toEqual({ commentCount: 1, rows: 1 });
    expect(await deleteComment(db, { commentId: id, personId: owner })).toBe("ok");
    expect(await deleteComment(db, { commentId: id, personId: owner })).toBe("notFound");
    expect(await counts(ideaId)).toEqual({ commentCount: 0, rows: 0 });
  });

  it("notifies every author and follower but never the commenter", async () => {
    const [submitter, coAuthor, outsider, followerId] = await Promise.all(["LS010", "LS011", "LS025", "LS030"].map(personIdOf));
    const ideaId = await createIdea([submitter, coAuthor]);
    await follow(db, { ideaId, personId: followerId });
    await follow(db, { ideaId, personId: submitter }); // an author who also follows: one notice

    await addComment(db, { ideaId, authorPersonId: coAuthor, body: "จากผู้ร่วมเสนอ", byCommittee: false });
    expect(await recipientsOf(ideaId)).toEqual(sorted([submitter, followerId]));

    await db.delete(notifications).where(eq(notifications.ideaId, ideaId));
    const { commentId } = await addComment(db, { ideaId, authorPersonId: outsider, body: "จากคนอื่น", byCommittee: false });
    expect(await recipientsOf(ideaId)).toEqual(sorted([submitter, coAuthor, followerId]));
    const [notice] = await db.select().from(notifications).where(and(eq(notifications.ideaId, ideaId), eq(notifications.recipientPersonId, submitter)));
    expect(notice).toMatchObject({ kind: "comment", actorPersonId: outsider, payload: { commentId }, readAt: null });

    await db.delete(notifications).where(eq(notifications.ideaId, ideaId));
    await addComment(db, { ideaId, authorPersonId: followerId, body: "จากผู้ติดตาม", byCommittee: false });
    expect(await recipientsOf(ideaId)).toEqual(sorted([submitter, coAuthor]));
  });
});

describe(`the comment routes (${engineName})`, () => {
  async function cookieOf(username: string): Promise<string> {
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    return (await startSession(account.id)).split(";")[0];
  }

  function post(path: string, cookie: string, fields: Record<string, string>) {
    return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) });
  }

  async function run(promise: Promise<unknown>): Promise<Response> {
    try {
      return (await promise) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("bad input comes back with a message key and everything typed; nothing is stored", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const cookie = await cookieOf("LS025");
    const params = { ideaId: String(ideaId) };
    const blank = await run(commentsAction({ request: post(`/ideas/${ideaId}/comments`, cookie, { body: "  \n ", submissionToken: "r-1" }), params, context: {} }));
    expect(blank.status).toBe(400);
    expect(await blank.json()).toEqual({ fieldErrors: { body: "engagement.comment.required" }, body: "  \n " });

    const long = "ยาว".repeat(2000);
    const tooLong = await run(commentsAction({ request: post(`/ideas/${ideaId}/comments`, cookie, { body: long, submissionToken: "r-2" }), params, context: {} }));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ fieldErrors: { body: "engagement.comment.tooLong" }, body: long });
    expect(await counts(ideaId)).toEqual({ commentCount: 0, rows: 0 });
  });

  it("a comment is added with the committee mark from the role, then shown at its anchor; a resend adds nothing", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const cookie = await cookieOf("LS005"); // committee
    const params = { ideaId: String(ideaId) };
    const fields = { body: "  ความเห็นคณะกรรมการ  ", submissionToken: "route-token" };
    const response = await run(commentsAction({ request: post(`/ideas/${ideaId}/comments`, cookie, fields), params, context: {} }));
    expect(response.status).toBe(302);
    const [comment] = await listComments(db, ideaId);
    expect(response.headers.get("Location")).toBe(`/ideas/${ideaId}#comment-${comment.id}`);
    expect(comment).toMatchObject({ body: "ความเห็นคณะกรรมการ", byCommittee: true });

    const resend = await run(commentsAction({ request: post(`/ideas/${ideaId}/comments`, cookie, fields), params, context: {} }));
    expect(resend.headers.get("Location")).toBe(`/ideas/${ideaId}#comment-${comment.id}`);
    expect(await counts(ideaId)).toEqual({ commentCount: 1, rows: 1 });
  });

  it("someone else's comment may not be edited or deleted (403), one's own may", async () => {
    const ideaId = await createIdea([await personIdOf("LS010")]);
    const { commentId } = await addComment(db, { ideaId, authorPersonId: await personIdOf("LS025"), body: "ของฉัน", byCommittee: false });
    const path = `/comments/${commentId}`;
    const params = { commentId: String(commentId) };
    const other = await cookieOf("LS027");
    expect((await run(commentAction({ request: post(path, other, { intent: "edit", body: "แอบแก้" }), params, context: {} }))).status).toBe(403);
    expect((await run(commentAction({ request: post(path, other, { intent: "delete" }), params, context: {} }))).status).toBe(403);

    const owner = await cookieOf("LS025");
    const bad = await run(commentAction({ request: post(path, owner, { intent: "edit", body: "" }), params, context: {} }));
    expect(bad.status).toBe(400);
    const edited = await run(commentAction({ request: post(path, owner, { intent: "edit", body: "แก้แล้ว" }), params, context: {} }));
    expect(edited.headers.get("Location")).toBe(`/ideas/${ideaId}#comment-${commentId}`);
    expect((await listComments(db, ideaId))[0].body).toBe("แก้แล้ว");
    const deleted = await run(commentAction({ request: post(path, owner, { intent: "delete" }), params, context: {} }));
    expect(deleted.headers.get("Location")).toBe(`/ideas/${ideaId}#comments`);
    expect(await counts(ideaId)).toEqual({ commentCount: 0, rows: 0 });
    // Deleted again (a double click without JavaScript): the form names its idea, so it lands there too.
    const again = await run(commentAction({ request: post(path, owner, { intent: "delete", ideaId: String(ideaId) }), params, context: {} }));
    expect(again.headers.get("Location")).toBe(`/ideas/${ideaId}#comments`);
    // Without the idea (a hand-made post), an edit, or a junk idea: nothing to go back to.
    expect((await run(commentAction({ request: post(path, owner, { intent: "delete" }), params, context: {} }))).status).toBe(404);
    expect((await run(commentAction({ request: post(path, owner, { intent: "delete", ideaId: "1 OR 1=1" }), params, context: {} }))).status).toBe(404);
    expect((await run(commentAction({ request: post(path, owner, { intent: "edit", body: "แก้อีก", ideaId: String(ideaId) }), params, context: {} }))).status).toBe(404);
  });
});
