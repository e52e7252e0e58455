/**
 * Who may touch what, where the answer depends on whose it is (the role-only rules are in
 * route-access.test.ts). Written as data: route × method (and intent) × actor kind → outcome,
 * run against the route modules' loader and action on the demo organisation. A refusal must
 * also leave every table unchanged; an allowed write must change something.
 *
 * Owner rules found in app/ (PRODUCT.md §3–§5):
 * - an idea's authors (submitter and co-authors) edit and withdraw it while it is "submitted";
 *   nobody else may, whatever their role (ideas.$ideaId.edit, models/ideas.server.ts);
 * - a comment is edited and deleted by its author only, not by the idea's author, the
 *   committee or an administrator (comments.$commentId, models/comments.server.ts);
 * - no vote on an idea one (co-)authored (ideas.$ideaId.vote, models/votes.server.ts);
 * - a committee member does not score an idea they co-authored (committee.ideas.$ideaId);
 * - a committee decision's evidence file is seen by the committee, executives and the idea's
 *   authors; other files by everyone signed in (attachments.$attachmentId);
 * - a director sees their own division only, whatever the URL asks (dashboard.*);
 * - a notification is marked read by its recipient only (notifications);
 * - an administrator cannot disable their own account nor drop their own admin role
 *   (admin.accounts.$accountId, services/account-admin.server.ts).
 */
import { and, eq, ne, sql } from "drizzle-orm";
import { startSession } from "../../app/auth/session.server";
import type { IdeaStage } from "../../app/domain/idea-stages";
import { accounts, attachments, divisions, ideaAuthors, ideaComments, ideas, ideaStageEvents, notifications, projects, scoringCriteria } from "../../db/schema";
import type { Database } from "../../db/client.server";
import * as ideaEdit from "../../app/routes/ideas.$ideaId.edit";
import * as commentRoute from "../../app/routes/comments.$commentId";
import * as voteRoute from "../../app/routes/ideas.$ideaId.vote";
import * as reviewRoute from "../../app/routes/committee.ideas.$ideaId";
import * as attachmentRoute from "../../app/routes/attachments.$attachmentId";
import * as dashboardIndex from "../../app/routes/dashboard._index";
import * as dashboardPeople from "../../app/routes/dashboard.people";
import * as dashboardPeopleCsv from "../../app/routes/dashboard.people.csv";
import * as dashboardChart from "../../app/routes/dashboard.charts.$chart";
import * as notificationsRoute from "../../app/routes/notifications";
import * as accountRoute from "../../app/routes/admin.accounts.$accountId";
import { engineName, findPersonId, queryRows, schemaTables, tableName, withDemoDatabaseForFile } from "./test-database";
import { callRoute, type RouteFunction } from "./route-client";
import { insertIdea } from "./fixtures/ideas";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});

// ---------------------------------------------------------------------------------------------
// Actors: who they are relative to the record of the row.

const ACTORS = {
  /** The idea's submitter; for comment rows, the comment's author. */
  author: "LS025",
  /** A co-author of the idea; for comment rows, the author of the idea commented on. */
  coAuthor: "LS027",
  /** A committee member who co-authored the idea. */
  committeeCoAuthor: "LS002",
  otherStaff: "LS030",
  committee: "LS005",
  hr: "LS004",
  executive: "LS001",
  director: "LS016",
  admin: "LS006",
} as const;
type Actor = keyof typeof ACTORS;

/** What a row acts on, made fresh for each row so rows do not depend on each other. */
type Fixture = "idea:submitted" | "idea:screening" | "idea:committee_review" | "comment" | "stageEvidence" | "projectFile" | "notification" | "ownAccount" | "otherAccount" | "none";

type Made = { ideaId: number; commentId: number; attachmentId: number; notificationId: number; accountId: string; ownDivisionId: number; otherDivisionId: number };

/** The account the admin rows change when it is not the admin's own (no other row signs in as them). */
const OTHER_ACCOUNT_CODE = "LS033";

/**
 * - ok: a loader answers 200; an action answers < 400 and changes something;
 * - forbidden: 403, nothing changed;  locked: 409, nothing changed;  refused: 400, nothing changed;
 * - unchanged: answered (< 400) but nothing changed (a rule enforced by the query itself).
 */
type Outcome = "ok" | "forbidden" | "locked" | "refused" | "unchanged";

type Row = {
  route: string;
  method: "GET" | "POST";
  /** The form posted (POST), or the query string (GET); a function when it needs the fixture's ids. */
  form?: (made: Made) => Record<string, string>;
  actor: Actor;
  fixture: Fixture;
  expect: Outcome;
  /** What the loader's JSON must contain (for scoped views), given the fixture. */
  data?: (made: Made) => Record<string, unknown>;
  /** A header the response must carry, given the fixture. */
  header?: (made: Made) => [name: string, value: RegExp];
};

const IDEA_ROUTES = { edit: "ideas.$ideaId.edit", vote: "ideas.$ideaId.vote", review: "committee.ideas.$ideaId" };
const editForm = () => ({ intent: "save" });
const withdrawForm = () => ({ intent: "withdraw", reason: "ไม่ทำต่อแล้ว" });

export const OWNER_ROWS: Row[] = [
  // Editing an idea: its authors while it is submitted; nobody else, whatever the role.
  ...(["author", "coAuthor", "committeeCoAuthor"] as const).map((actor): Row => ({ route: IDEA_ROUTES.edit, method: "GET", actor, fixture: "idea:submitted", expect: "ok", data: () => ({ lock: null }) })),
  ...(["otherStaff", "committee", "hr", "executive", "director", "admin"] as const).map((actor): Row => ({ route: IDEA_ROUTES.edit, method: "GET", actor, fixture: "idea:submitted", expect: "forbidden" })),
  { route: IDEA_ROUTES.edit, method: "GET", actor: "author", fixture: "idea:screening", expect: "ok", data: () => ({ lock: "locked" }) },
  ...(["author", "coAuthor", "committeeCoAuthor"] as const).map((actor): Row => ({ route: IDEA_ROUTES.edit, method: "POST", form: editForm, actor, fixture: "idea:submitted", expect: "ok" })),
  ...(["otherStaff", "committee", "executive", "admin"] as const).map((actor): Row => ({ route: IDEA_ROUTES.edit, method: "POST", form: editForm, actor, fixture: "idea:submitted", expect: "forbidden" })),
  { route: IDEA_ROUTES.edit, method: "POST", form: editForm, actor: "author", fixture: "idea:screening", expect: "locked" },
  { route: IDEA_ROUTES.edit, method: "POST", form: editForm, actor: "coAuthor", fixture: "idea:screening", expect: "locked" },
  { route: IDEA_ROUTES.edit, method: "POST", form: editForm, actor: "committee", fixture: "idea:screening", expect: "forbidden" },
  // Withdrawing: the same rule.
  ...(["author", "coAuthor"] as const).map((actor): Row => ({ route: IDEA_ROUTES.edit, method: "POST", form: withdrawForm, actor, fixture: "idea:submitted", expect: "ok" })),
  ...(["otherStaff", "committee", "admin"] as const).map((actor): Row => ({ route: IDEA_ROUTES.edit, method: "POST", form: withdrawForm, actor, fixture: "idea:submitted", expect: "forbidden" })),
  { route: IDEA_ROUTES.edit, method: "POST", form: withdrawForm, actor: "author", fixture: "idea:screening", expect: "locked" },
  { route: IDEA_ROUTES.edit, method: "POST", form: withdrawForm, actor: "committee", fixture: "idea:screening", expect: "forbidden" },

  // A comment: its author edits and deletes it; not the idea's author, the committee or an admin.
  { route: "comments.$commentId", method: "GET", actor: "author", fixture: "comment", expect: "ok" },
  ...(["coAuthor", "otherStaff", "committee", "admin"] as const).map((actor): Row => ({ route: "comments.$commentId", method: "GET", actor, fixture: "comment", expect: "forbidden" })),
  { route: "comments.$commentId", method: "POST", form: () => ({ intent: "edit", body: "แก้ข้อความแล้ว" }), actor: "author", fixture: "comment", expect: "ok" },
  ...(["coAuthor", "otherStaff", "committee", "admin"] as const).map((actor): Row => ({ route: "comments.$commentId", method: "POST", form: () => ({ intent: "edit", body: "ข้อความของคนอื่น" }), actor, fixture: "comment", expect: "forbidden" })),
  { route: "comments.$commentId", method: "POST", form: () => ({ intent: "delete" }), actor: "author", fixture: "comment", expect: "ok" },
  ...(["coAuthor", "otherStaff", "committee", "admin"] as const).map((actor): Row => ({ route: "comments.$commentId", method: "POST", form: () => ({ intent: "delete" }), actor, fixture: "comment", expect: "forbidden" })),

  // Votes: never on an idea one (co-)authored.
  ...(["author", "coAuthor", "committeeCoAuthor"] as const).map((actor): Row => ({ route: IDEA_ROUTES.vote, method: "POST", form: () => ({ intent: "vote" }), actor, fixture: "idea:submitted", expect: "forbidden" })),
  ...(["otherStaff", "committee"] as const).map((actor): Row => ({ route: IDEA_ROUTES.vote, method: "POST", form: () => ({ intent: "vote" }), actor, fixture: "idea:submitted", expect: "ok" })),

  // Scores: a committee member does not score an idea they co-authored.
  { route: IDEA_ROUTES.review, method: "POST", form: () => ({ intent: "score" }), actor: "committeeCoAuthor", fixture: "idea:committee_review", expect: "locked" },
  { route: IDEA_ROUTES.review, method: "POST", form: () => ({ intent: "score" }), actor: "committee", fixture: "idea:committee_review", expect: "ok" },

  // A committee decision's evidence: the committee, executives and the idea's authors.
  ...(["author", "coAuthor", "committee", "executive"] as const).map((actor): Row => ({ route: "attachments.$attachmentId", method: "GET", actor, fixture: "stageEvidence", expect: "ok" })),
  ...(["otherStaff", "hr", "director", "admin"] as const).map((actor): Row => ({ route: "attachments.$attachmentId", method: "GET", actor, fixture: "stageEvidence", expect: "forbidden" })),
  // A project's file: everyone signed in.
  ...(["otherStaff", "director"] as const).map((actor): Row => ({ route: "attachments.$attachmentId", method: "GET", actor, fixture: "projectFile", expect: "ok" })),

  // A director: their own division, whatever the URL asks; never the organisation-wide trend.
  { route: "dashboard._index", method: "GET", actor: "director", fixture: "none", expect: "ok", data: () => ({ divisionName: expect.any(String) }) },
  { route: "dashboard._index", method: "GET", actor: "executive", fixture: "none", expect: "ok", data: () => ({ divisionName: null }) },
  { route: "dashboard.people", method: "GET", form: (made) => ({ division: String(made.otherDivisionId) }), actor: "director", fixture: "none", expect: "ok", data: (made) => ({ divisionId: made.ownDivisionId }) },
  { route: "dashboard.people", method: "GET", form: (made) => ({ division: String(made.otherDivisionId) }), actor: "executive", fixture: "none", expect: "ok", data: (made) => ({ divisionId: made.otherDivisionId }) },
  { route: "dashboard.people", method: "GET", form: (made) => ({ division: String(made.otherDivisionId) }), actor: "hr", fixture: "none", expect: "ok", data: (made) => ({ divisionId: made.otherDivisionId }) },
  {
    route: "dashboard.people.csv",
    method: "GET",
    form: (made) => ({ division: String(made.otherDivisionId) }),
    actor: "director",
    fixture: "none",
    expect: "ok",
    header: (made) => ["Content-Disposition", new RegExp(`-division${made.ownDivisionId}\\.csv`)],
  },
  {
    route: "dashboard.people.csv",
    method: "GET",
    form: (made) => ({ division: String(made.otherDivisionId) }),
    actor: "executive",
    fixture: "none",
    expect: "ok",
    header: (made) => ["Content-Disposition", new RegExp(`-division${made.otherDivisionId}\\.csv`)],
  },
  ...(["lg1", "projects", "innovations"] as const).map((chart): Row => ({ route: `dashboard.charts.$chart:${chart}`, method: "GET", actor: "director", fixture: "none", expect: "forbidden" })),
  { route: "dashboard.charts.$chart:divisions", method: "GET", actor: "director", fixture: "none", expect: "ok" },
  { route: "dashboard.charts.$chart:lg1", method: "GET", actor: "executive", fixture: "none", expect: "ok" },

  // A notification: marked read by its recipient (the co-author here) only.
  { route: "notifications", method: "POST", form: (made) => ({ intent: "read", id: String(made.notificationId) }), actor: "coAuthor", fixture: "notification", expect: "ok" },
  ...(["author", "otherStaff", "admin"] as const).map((actor): Row => ({ route: "notifications", method: "POST", form: (made) => ({ intent: "read", id: String(made.notificationId) }), actor, fixture: "notification", expect: "unchanged" })),

  // An administrator's own account: not disabled, admin role not dropped, by themselves.
  { route: "admin.accounts.$accountId", method: "POST", form: () => ({ intent: "disable" }), actor: "admin", fixture: "ownAccount", expect: "refused" },
  { route: "admin.accounts.$accountId", method: "POST", form: () => ({ intent: "roles", roles: "staff" }), actor: "admin", fixture: "ownAccount", expect: "refused" },
  { route: "admin.accounts.$accountId", method: "POST", form: () => ({ intent: "roles", roles: "committee" }), actor: "admin", fixture: "otherAccount", expect: "ok" },
  { route: "admin.accounts.$accountId", method: "POST", form: () => ({ intent: "disable" }), actor: "admin", fixture: "otherAccount", expect: "ok" },
];

// ---------------------------------------------------------------------------------------------

type Module = { loader?: RouteFunction; action?: RouteFunction };

const MODULES: Record<string, Module> = {
  [IDEA_ROUTES.edit]: ideaEdit,
  "comments.$commentId": commentRoute,
  [IDEA_ROUTES.vote]: voteRoute,
  [IDEA_ROUTES.review]: reviewRoute,
  "attachments.$attachmentId": attachmentRoute,
  "dashboard._index": dashboardIndex,
  "dashboard.people": dashboardPeople,
  "dashboard.people.csv": dashboardPeopleCsv,
  "dashboard.charts.$chart": dashboardChart,
  notifications: notificationsRoute,
  "admin.accounts.$accountId": accountRoute,
};


/**
 * Every table's row count and a hash of its rows, in one query: equal fingerprints mean equal
 * contents (what snapshotEveryTable compares, without sending every row to the test).
 */
async function fingerprintEveryTable(): Promise<string> {
  const parts = schemaTables().map(
    (table) => sql`select ${tableName(table)} as name, count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as hash from ${table} x`,
  );
  const rows = await queryRows<{ name: string; n: number; hash: string }>(db, sql.join(parts, sql` union all `));
  return JSON.stringify(rows.sort((a, b) => a.name.localeCompare(b.name)));
}

const cookies = new Map<string, string>();
async function cookieOf(code: string): Promise<string> {
  const known = cookies.get(code);
  if (known) return known;
  const personId = await findPersonId(db, code);
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.personId, personId));
  const cookie = (await startSession(account.id)).split(";")[0];
  cookies.set(code, cookie);
  return cookie;
}

let fixtureNumber = 0;
async function makeIdea(stage: IdeaStage, authorCodes: readonly string[]): Promise<number> {
  fixtureNumber += 1;
  return insertIdea(db, { title: `ไอเดียทดสอบสิทธิ์เจ้าของ ${fixtureNumber}`, stage, authorCodes, history: "submitted" });
}

/** A one-page PDF: the smallest file the attachment rules accept as application/pdf. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function makeFixture(fixture: Fixture): Promise<Made> {
  const made: Made = { ideaId: 0, commentId: 0, attachmentId: 0, notificationId: 0, accountId: "", ownDivisionId: 0, otherDivisionId: 0 };
  const ideaAuthorsOfRow = [ACTORS.author, ACTORS.coAuthor, ACTORS.committeeCoAuthor];
  if (fixture.startsWith("idea:")) made.ideaId = await makeIdea(fixture.slice(5) as IdeaStage, ideaAuthorsOfRow);
  if (fixture === "comment") {
    // The idea is the co-author's (and the committee co-author's); the comment is the author's.
    made.ideaId = await makeIdea("screening", [ACTORS.coAuthor, ACTORS.committeeCoAuthor]);
    const [comment] = await db
      .insert(ideaComments)
      .values({ ideaId: made.ideaId, authorPersonId: await findPersonId(db, ACTORS.author), body: "ความเห็นของผู้เขียน" })
      .returning({ id: ideaComments.id });
    made.commentId = comment.id;
    await db.update(ideas).set({ commentCount: 1 }).where(eq(ideas.id, made.ideaId));
  }
  if (fixture === "stageEvidence") {
    made.ideaId = await makeIdea("screening", ideaAuthorsOfRow);
    const [event] = await db.insert(ideaStageEvents).values({ ideaId: made.ideaId, fromStage: "submitted", toStage: "screening", reason: "ผ่านเกณฑ์" }).returning({ id: ideaStageEvents.id });
    const [file] = await db
      .insert(attachments)
      .values({ ownerType: "stage_event", ownerId: event.id, fileName: "มติ.pdf", contentType: "application/pdf", sizeBytes: PDF.byteLength, data: PDF })
      .returning({ id: attachments.id });
    made.attachmentId = file.id;
  }
  if (fixture === "projectFile") {
    const [project] = await db.select({ id: projects.id }).from(projects).limit(1);
    const [file] = await db
      .insert(attachments)
      .values({ ownerType: "project", ownerId: project.id, fileName: "แผน.pdf", contentType: "application/pdf", sizeBytes: PDF.byteLength, data: PDF })
      .returning({ id: attachments.id });
    made.attachmentId = file.id;
  }
  if (fixture === "notification") {
    made.ideaId = await makeIdea("submitted", ideaAuthorsOfRow);
    const [notification] = await db
      .insert(notifications)
      .values({ recipientPersonId: await findPersonId(db, ACTORS.coAuthor), kind: "comment", ideaId: made.ideaId, payload: {} })
      .returning({ id: notifications.id });
    made.notificationId = notification.id;
  }
  if (fixture === "ownAccount" || fixture === "otherAccount") {
    const code = fixture === "ownAccount" ? ACTORS.admin : OTHER_ACCOUNT_CODE;
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, code));
    made.accountId = account.id;
  }
  return made;
}

/** The director's division (from their own dashboard) and some other division. */
async function divisionsOfDirector(): Promise<{ ownDivisionId: number; otherDivisionId: number }> {
  const response = await callRoute(dashboardPeople.loader as RouteFunction, new Request("http://localhost/dashboard/people", { headers: { Cookie: await cookieOf(ACTORS.director) } }), {});
  const { divisionId } = (await response.json()) as { divisionId: number };
  const [other] = await db.select({ id: divisions.id }).from(divisions).where(ne(divisions.id, divisionId)).limit(1);
  return { ownDivisionId: divisionId, otherDivisionId: other.id };
}

/** The body an edit posts: what the edit form shows to its author, with a new title. */
async function editBody(made: Made, actorCode: string): Promise<URLSearchParams> {
  // The author's own view of the form (a refused actor has none): what a real author would post.
  const formOwner = actorCode === ACTORS.committeeCoAuthor || actorCode === ACTORS.coAuthor ? actorCode : ACTORS.author;
  const shown = await callRoute(ideaEdit.loader as RouteFunction, new Request(`http://localhost/ideas/${made.ideaId}/edit`, { headers: { Cookie: await cookieOf(formOwner) } }), {
    ideaId: String(made.ideaId),
  });
  const { values, version } = (await shown.json()) as {
    values: { title: string; problem: string; solution: string; benefit: string; planId: string; coAuthors: string[]; tags: string };
    version: number;
  };
  const body = new URLSearchParams({
    intent: "save",
    title: `${values.title} (แก้ไข)`,
    problem: values.problem,
    solution: values.solution,
    benefit: values.benefit,
    planId: values.planId,
    tags: values.tags,
    version: String(version),
  });
  for (const coAuthor of values.coAuthors) body.append("coAuthor", coAuthor);
  return body;
}

async function scoreBody(): Promise<URLSearchParams> {
  const criteria = await db.select({ id: scoringCriteria.id }).from(scoringCriteria).where(eq(scoringCriteria.active, true));
  const body = new URLSearchParams({ intent: "score" });
  for (const criterion of criteria) body.append(`score-${criterion.id}`, "4");
  return body;
}

function urlOf(route: string, made: Made): { path: string; params: Record<string, string> } {
  const [routeId, chart] = route.split(":");
  switch (routeId) {
    case IDEA_ROUTES.edit:
      return { path: `/ideas/${made.ideaId}/edit`, params: { ideaId: String(made.ideaId) } };
    case IDEA_ROUTES.vote:
      return { path: `/ideas/${made.ideaId}/vote`, params: { ideaId: String(made.ideaId) } };
    case IDEA_ROUTES.review:
      return { path: `/committee/ideas/${made.ideaId}`, params: { ideaId: String(made.ideaId) } };
    case "comments.$commentId":
      return { path: `/comments/${made.commentId}`, params: { commentId: String(made.commentId) } };
    case "attachments.$attachmentId":
      return { path: `/attachments/${made.attachmentId}`, params: { attachmentId: String(made.attachmentId) } };
    case "admin.accounts.$accountId":
      return { path: `/admin/accounts/${made.accountId}`, params: { accountId: made.accountId } };
    case "dashboard.charts.$chart":
      return { path: `/dashboard/charts/${chart}`, params: { chart } };
    default:
      return { path: `/${routeId.replace(/\._index$/, "").replaceAll(".", "/")}`, params: {} };
  }
}

const describeRow = (row: Row) => `${row.method} ${row.route}${row.form && row.method === "POST" ? ` (${String(row.form({} as Made).intent ?? "")})` : ""} by ${row.actor} on ${row.fixture}: ${row.expect}`;

describe(`owner and non-owner access (${engineName})`, () => {
  it("every route in the owner table has a module with the method it calls", () => {
    for (const row of OWNER_ROWS) {
      const module = MODULES[row.route.split(":")[0]];
      expect(module, row.route).toBeDefined();
      expect(typeof (row.method === "GET" ? module.loader : module.action), describeRow(row)).toBe("function");
    }
  });

  it(`${OWNER_ROWS.length} rows, zero mismatches`, async () => {
    const divisionIds = await divisionsOfDirector();
    const mismatches: string[] = [];
    for (const row of OWNER_ROWS) {
      const made = { ...(await makeFixture(row.fixture)), ...divisionIds };
      const actorCode = ACTORS[row.actor];
      const { path, params } = urlOf(row.route, made);
      const module = MODULES[row.route.split(":")[0]];
      let request: Request;
      if (row.method === "GET") {
        const query = row.form ? `?${new URLSearchParams(row.form(made))}` : "";
        request = new Request(`http://localhost${path}${query}`, { headers: { Cookie: await cookieOf(actorCode) } });
      } else {
        const intent = row.form?.(made).intent;
        const body =
          row.route === IDEA_ROUTES.edit && intent === "save"
            ? await editBody(made, actorCode)
            : row.route === IDEA_ROUTES.review && intent === "score"
              ? await scoreBody()
              : new URLSearchParams(row.form?.(made) ?? {});
        request = new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: await cookieOf(actorCode) }, body });
      }
      const before = row.method === "POST" ? await fingerprintEveryTable() : null;
      const response = await callRoute((row.method === "GET" ? module.loader : module.action) as RouteFunction, request, params);
      const changed = before !== null && before !== (await fingerprintEveryTable());

      const problems: string[] = [];
      if (response.status >= 500) problems.push(`status ${response.status}`);
      switch (row.expect) {
        case "ok":
          if (row.method === "GET" ? response.status !== 200 : response.status >= 400) problems.push(`status ${response.status}`);
          if (row.method === "POST" && !changed) problems.push("nothing changed");
          break;
        case "forbidden":
        case "locked":
        case "refused":
          if (response.status !== { forbidden: 403, locked: 409, refused: 400 }[row.expect]) problems.push(`status ${response.status}`);
          if (changed) problems.push("the database changed");
          break;
        case "unchanged":
          if (response.status >= 400) problems.push(`status ${response.status}`);
          if (changed) problems.push("the database changed");
          break;
      }
      if (row.data && response.status === 200) {
        const data: unknown = await response.clone().json();
        try {
          expect(data).toMatchObject(row.data(made));
        } catch {
          problems.push(`data ${JSON.stringify(data).slice(0, 300)} does not match ${JSON.stringify(row.data(made))}`);
        }
      }
      if (row.header) {
        const [name, pattern] = row.header(made);
        const value = response.headers.get(name) ?? "";
        if (!pattern.test(value)) problems.push(`${name}: ${value} does not match ${pattern}`);
      }
      if (problems.length > 0) mismatches.push(`${describeRow(row)} → ${problems.join("; ")}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("what an allowed edit and withdrawal did: the text changed, every author kept, the stage recorded", async () => {
    const made = await makeFixture("idea:submitted");
    const coAuthorCode = ACTORS.coAuthor;
    const saved = await callRoute(ideaEdit.action as RouteFunction, new Request(`http://localhost/ideas/${made.ideaId}/edit`, { method: "POST", headers: { Cookie: await cookieOf(coAuthorCode) }, body: await editBody(made, coAuthorCode) }), {
      ideaId: String(made.ideaId),
    });
    expect({ status: saved.status, body: saved.status === 302 ? null : await saved.json() }).toEqual({ status: 302, body: null });
    const [idea] = await db.select({ title: ideas.title }).from(ideas).where(eq(ideas.id, made.ideaId));
    expect(idea.title).toMatch(/\(แก้ไข\)$/);
    const authors = await db.select({ personId: ideaAuthors.personId }).from(ideaAuthors).where(eq(ideaAuthors.ideaId, made.ideaId));
    const expected = await Promise.all([ACTORS.author, ACTORS.coAuthor, ACTORS.committeeCoAuthor].map((code) => findPersonId(db, code)));
    expect(authors.map((row) => row.personId).sort()).toEqual(expected.sort());

    const withdrawn = await callRoute(ideaEdit.action as RouteFunction, new Request(`http://localhost/ideas/${made.ideaId}/edit`, { method: "POST", headers: { Cookie: await cookieOf(ACTORS.author) }, body: new URLSearchParams(withdrawForm()) }), {
      ideaId: String(made.ideaId),
    });
    expect(withdrawn.status).toBe(302);
    const events = await db.select({ toStage: ideaStageEvents.toStage }).from(ideaStageEvents).where(and(eq(ideaStageEvents.ideaId, made.ideaId), eq(ideaStageEvents.toStage, "withdrawn")));
    expect(events).toHaveLength(1);
  });
});
