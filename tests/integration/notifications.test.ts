import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { accounts, ideaAuthors, ideas, notifications } from "../../db/schema";
import { startSession } from "../../app/auth/session.server";
import { follow, isFollowing, unfollow } from "../../app/models/follows.server";
import { countUnread, listNotifications, markRead, notifyIdeaAuthors } from "../../app/models/notifications.server";
import { loader as rootLoader } from "../../app/root";
import { action as notificationsAction, loader as notificationsLoader } from "../../app/routes/notifications";
import { loader as openLoader } from "../../app/routes/notifications_.$notificationId.open";
import { engineName, findPersonId, withDemoDatabaseForFile } from "./test-database";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

const personIdOf = (employeeCode: string) => findPersonId(db, employeeCode);

let ideaNumber = 0;
async function createIdea(authorIds: number[]): Promise<{ id: number; title: string }> {
  ideaNumber += 1;
  const title = `ไอเดียทดสอบการแจ้งเตือน ${ideaNumber}`;
  const [idea] = await db
    .insert(ideas)
    .values({ title, problem: "ปัญหา", solution: "วิธีแก้", benefit: "ประโยชน์", fiscalYear: 2570 })
    .returning({ id: ideas.id });
  await db.insert(ideaAuthors).values(authorIds.map((personId, index) => ({ ideaId: idea.id, personId, isSubmitter: index === 0 })));
  return { id: idea.id, title };
}

/** A person with no notifications yet (each test takes its own, so counts start at zero). */
async function freshPerson(employeeCode: string): Promise<number> {
  const personId = await personIdOf(employeeCode);
  await db.delete(notifications).where(eq(notifications.recipientPersonId, personId));
  return personId;
}

describe(`notifications (${engineName})`, () => {
  it("one per author, never to the actor nor to those excepted; followers only when asked", async () => {
    const [a, b, c, watcher, actor] = await Promise.all(["LS031", "LS032", "LS033", "LS034", "LS035"].map(freshPerson));
    const idea = await createIdea([a, b, c, actor]);
    await follow(db, { ideaId: idea.id, personId: watcher });

    const created = await notifyIdeaAuthors(db, { ideaId: idea.id, kind: "stage_changed", actorPersonId: actor, payload: { toStage: "screening" }, exceptPersonIds: [c] });
    expect(created).toBe(2);
    expect(await countUnread(db, a)).toBe(1);
    expect(await countUnread(db, b)).toBe(1);
    expect(await countUnread(db, c)).toBe(0);
    expect(await countUnread(db, actor)).toBe(0);
    expect(await countUnread(db, watcher)).toBe(0);

    expect(await notifyIdeaAuthors(db, { ideaId: idea.id, kind: "marked_duplicate", actorPersonId: null, includeFollowers: true })).toBe(5);
    expect(await countUnread(db, watcher)).toBe(1);
    expect(await countUnread(db, actor)).toBe(1); // no actor (the system): everyone hears
  });

  it("lists newest first with the idea's title and the actor's name, page by page", async () => {
    const me = await freshPerson("LS036");
    const actor = await personIdOf("LS005");
    const first = await createIdea([me]);
    const second = await createIdea([me]);
    for (let i = 0; i < 3; i++) await notifyIdeaAuthors(db, { ideaId: first.id, kind: "comment", actorPersonId: actor, payload: { commentId: i } });
    await notifyIdeaAuthors(db, { ideaId: second.id, kind: "stage_changed", actorPersonId: actor });

    const all = await listNotifications(db, me, { limit: 10 });
    expect(all).toHaveLength(4);
    expect(all[0]).toMatchObject({ kind: "stage_changed", ideaId: second.id, ideaTitle: second.title, actorPersonId: actor, readAt: null });
    expect(all[0].actorNameTh).toMatch(/\S+ \S+/);
    expect(all.slice(1).map((row) => row.payload)).toEqual([{ commentId: 2 }, { commentId: 1 }, { commentId: 0 }]);

    const page1 = await listNotifications(db, me, { limit: 2 });
    const last = page1[page1.length - 1];
    const page2 = await listNotifications(db, me, { limit: 2, before: { createdAt: last.createdAt, id: last.id } });
    expect([...page1, ...page2].map((row) => row.id)).toEqual(all.map((row) => row.id));

    // Someone else's notifications are not in my list.
    expect((await listNotifications(db, actor, { limit: 50 })).some((row) => all.some((mine) => mine.id === row.id))).toBe(false);
  });

  it("marks one, then all, read; another person's ids are ignored", async () => {
    const me = await freshPerson("LS037");
    const someoneElse = await freshPerson("LS038");
    const mine = await createIdea([me]);
    const theirs = await createIdea([someoneElse]);
    for (let i = 0; i < 3; i++) await notifyIdeaAuthors(db, { ideaId: mine.id, kind: "comment", actorPersonId: null });
    await notifyIdeaAuthors(db, { ideaId: theirs.id, kind: "comment", actorPersonId: null });
    const [theirNotice] = await listNotifications(db, someoneElse, { limit: 1 });
    const [newest] = await listNotifications(db, me, { limit: 1 });

    expect(await markRead(db, me, [newest.id, theirNotice.id])).toBe(1);
    expect(await countUnread(db, me)).toBe(2);
    expect(await countUnread(db, someoneElse)).toBe(1);
    expect((await listNotifications(db, me, { limit: 1 }))[0].readAt).toBeInstanceOf(Date);
    expect(await markRead(db, me, [newest.id])).toBe(0); // already read
    expect(await markRead(db, me, [])).toBe(0);

    expect(await markRead(db, me, "all")).toBe(2);
    expect(await countUnread(db, me)).toBe(0);
    expect(await countUnread(db, someoneElse)).toBe(1);
  });
});

describe(`following (${engineName})`, () => {
  it("follows once, unfollows once, and knows an unknown idea", async () => {
    const person = await personIdOf("LS039");
    const idea = await createIdea([await personIdOf("LS010")]);
    expect(await isFollowing(db, idea.id, person)).toBe(false);
    expect(await follow(db, { ideaId: idea.id, personId: person })).toBe("followed");
    expect(await follow(db, { ideaId: idea.id, personId: person })).toBe("already");
    expect(await isFollowing(db, idea.id, person)).toBe(true);
    expect(await unfollow(db, { ideaId: idea.id, personId: person })).toBe("unfollowed");
    expect(await unfollow(db, { ideaId: idea.id, personId: person })).toBe("absent");
    expect(await isFollowing(db, idea.id, person)).toBe(false);
    expect(await follow(db, { ideaId: 987_654, personId: person })).toBe("notFound");

    const results = await Promise.all(Array.from({ length: 10 }, () => follow(db, { ideaId: idea.id, personId: person })));
    expect(results.filter((result) => result === "followed")).toHaveLength(1);
  });
});

describe(`the notifications page (${engineName})`, () => {
  it("shows my notifications and marks them read through plain form posts", async () => {
    const me = await freshPerson("LS025");
    const idea = await createIdea([me]);
    await notifyIdeaAuthors(db, { ideaId: idea.id, kind: "comment", actorPersonId: await personIdOf("LS026"), payload: { commentId: 42 } });
    await notifyIdeaAuthors(db, { ideaId: idea.id, kind: "comment", actorPersonId: await personIdOf("LS026"), payload: { commentId: 43 } });
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, "LS025"));
    const cookie = (await startSession(account.id)).split(";")[0];

    const loaded = (await notificationsLoader({ request: new Request("http://localhost/notifications", { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
    const data = (await loaded.json()) as { unreadCount: number; notifications: { id: number; ideaTitle: string; commentId: number | null; read: boolean }[] };
    expect(data.unreadCount).toBe(2);
    expect(data.notifications.map((row) => [row.ideaTitle, row.commentId, row.read])).toEqual([
      [idea.title, 43, false],
      [idea.title, 42, false],
    ]);

    const post = (fields: Record<string, string>) =>
      notificationsAction({
        request: new Request("http://localhost/notifications", { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams(fields) }),
        params: {},
        context: {},
      }) as Promise<Response>;
    const one = await post({ intent: "read", id: String(data.notifications[0].id) });
    expect(one.status).toBe(302);
    expect(one.headers.get("Location")).toBe("/notifications");
    expect(await countUnread(db, me)).toBe(1);
    await post({ intent: "readAll" });
    expect(await countUnread(db, me)).toBe(0);
  });

  it("“mark all read” from a page shown earlier (a stale tab) leaves a notification that arrived since unread", async () => {
    const me = await freshPerson("LS020");
    const idea = await createIdea([me]);
    const commenter = await personIdOf("LS026");
    const notifyComment = (commentId: number) => notifyIdeaAuthors(db, { ideaId: idea.id, kind: "comment", actorPersonId: commenter, payload: { commentId } });
    await notifyComment(51);
    await notifyComment(52);
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, "LS020"));
    const cookie = (await startSession(account.id)).split(";")[0];
    const shown = (await notificationsLoader({ request: new Request("http://localhost/notifications", { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
    const { newestId } = (await shown.json()) as { newestId: number };

    // A comment arrives while the page sits open; then the button on that page is pressed.
    await notifyComment(53);
    const response = (await notificationsAction({
      request: new Request("http://localhost/notifications", { method: "POST", headers: { Cookie: cookie }, body: new URLSearchParams({ intent: "readAll", upTo: String(newestId) }) }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    const unread = await listNotifications(db, me, { limit: 10 });
    expect(unread.filter((row) => row.readAt === null).map((row) => (row.payload as { commentId: number }).commentId)).toEqual([53]);
  });
});

describe(`opening a notification (${engineName})`, () => {
  /** A thrown Response is what Remix would send. */
  async function open(cookie: string, notificationId: string): Promise<Response> {
    try {
      return (await openLoader({ request: new Request(`http://localhost/notifications/${notificationId}/open`, { headers: { Cookie: cookie } }), params: { notificationId }, context: {} })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }
  async function cookieOf(username: string): Promise<string> {
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    return (await startSession(account.id)).split(";")[0];
  }
  /** The count on the bell, as the layout answers it. */
  async function bellCount(cookie: string): Promise<number> {
    const response = (await rootLoader({ request: new Request("http://localhost/ideas", { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
    return ((await response.json()) as { user: { unreadNotifications: number } }).user.unreadNotifications;
  }
  const readAtOf = async (id: number) => (await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)))[0]?.readAt;

  it("the owner's link marks it read and goes on to the idea, at the comment; the bell counts one fewer", async () => {
    const me = await freshPerson("LS027");
    const idea = await createIdea([me]);
    const actor = await personIdOf("LS026");
    await notifyIdeaAuthors(db, { ideaId: idea.id, kind: "comment", actorPersonId: actor, payload: { commentId: 7 } });
    await notifyIdeaAuthors(db, { ideaId: idea.id, kind: "stage_changed", actorPersonId: actor, payload: { to: "screening" } });
    const [stageNotice, commentNotice] = await listNotifications(db, me, { limit: 2 });
    const cookie = await cookieOf("LS027");
    expect(await bellCount(cookie)).toBe(2);

    const opened = await open(cookie, String(commentNotice.id));
    expect(opened.status).toBe(302);
    expect(opened.headers.get("Location")).toBe(`/ideas/${idea.id}#comment-7`);
    expect(await readAtOf(commentNotice.id)).toBeInstanceOf(Date);
    expect(await readAtOf(stageNotice.id)).toBeNull();
    expect(await countUnread(db, me)).toBe(1);
    expect(await bellCount(cookie)).toBe(1);

    // Opening it again goes to the same place and changes nothing: it was read the first time.
    const firstRead = await readAtOf(commentNotice.id);
    const again = await open(cookie, String(commentNotice.id));
    expect(again.headers.get("Location")).toBe(`/ideas/${idea.id}#comment-7`);
    expect(await readAtOf(commentNotice.id)).toEqual(firstRead);

    const second = await open(cookie, String(stageNotice.id));
    expect(second.headers.get("Location")).toBe(`/ideas/${idea.id}`);
    expect(await bellCount(cookie)).toBe(0);
  });

  it("another person's notification, or an id that is none, is a 404 and nothing changes", async () => {
    const me = await freshPerson("LS004");
    const someoneElse = await freshPerson("LS029");
    const theirs = await createIdea([someoneElse]);
    await notifyIdeaAuthors(db, { ideaId: theirs.id, kind: "comment", actorPersonId: null });
    const [theirNotice] = await listNotifications(db, someoneElse, { limit: 1 });
    const cookie = await cookieOf("LS004");

    expect((await open(cookie, String(theirNotice.id))).status).toBe(404);
    expect(await readAtOf(theirNotice.id)).toBeNull();
    expect(await countUnread(db, someoneElse)).toBe(1);
    for (const junk of ["abc", "0", "-1", "1e3", "2147483648", "999999999"]) {
      expect((await open(cookie, junk)).status, junk).toBe(404);
    }
    expect(await countUnread(db, me)).toBe(0);
    expect(await countUnread(db, someoneElse)).toBe(1);
  });
});
