import type { Page } from "@playwright/test";
import { passwordProblem } from "../../app/domain/password-policy";
import { parseImportDate } from "../../app/domain/roster-import";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { idFromLocation, inParallel, Ledger, NaughtyClient, pick, unescapeAttribute, type Fed, type Form } from "./naughty-client";
import { countedLength, markdownSamples, NAUGHTY, pack, packCut, plainTextSamples } from "./naughty-corpus";
import { renderFailures, Watcher } from "./naughty-watch";

// Issue 7, "Reliability and security": every field that takes text from a person, fed the
// Big List of Naughty Strings, rendered in Chromium with dialog, console, page-error and CSP
// hooks: zero script executions, zero 5xx. The strings go through the app's real form actions
// and loaders (its request context, signed in, same-origin Origin header); the pages that show
// the text again are then opened in Chromium.

// Every field of the app that takes text from a person, as data: where it is posted, by whom,
// how the naughty-strings spec feeds it, and where the text shows up again. The spec fails if a
// field below was not fed, so this list and the spec cannot drift apart.
//
// Modes:
// - "stored": the corpus is packed into chunks that the app accepts and keeps; the pages that
//   show it are rendered in Chromium, and samples of the strings must show there as text.
// - "refused": packed chunks, with another field of the form deliberately invalid so nothing is
//   stored (the status must be the refusal); the reply echoes what was typed, and one reply per
//   form (samples of script-shaped strings in every field) is rendered in Chromium.
// - "echo": the same, to a form step that never stores (a preview, a search for an original, a
//   sign-in with no password).
// - "secret": a password, never shown again: packed chunks, statuses checked.
// - "query": GET query-string parameters, packed chunks plus number-like strings alone (all 54
//   on the idea list, the extremes elsewhere); the page rendered once with a script-shaped string
//   in every parameter.

type Role = "staff" | "committee" | "hr" | "admin" | "anyone";
type FieldMode = "stored" | "refused" | "echo" | "secret" | "query";

type TextField = { id: string; route: string; role: Role; field: string; mode: FieldMode; shownAt: string; allowed?: readonly number[] };

const TEXT_FIELDS: readonly TextField[] = [
  // Sign-in and passwords
  { id: "login.username", route: "POST /login (no password)", role: "anyone", field: "username, redirectTo", mode: "echo", shownAt: "the sign-in form, typed value kept" },
  { id: "login.password", route: "POST /login", role: "anyone", field: "password", mode: "secret", shownAt: "never" },
  { id: "login.redirectTo", route: "POST /login (real sign-in)", role: "staff", field: "redirectTo", mode: "stored", shownAt: "Location after sign-in", allowed: [302] },
  { id: "account.password", route: "POST /account/password", role: "staff", field: "currentPassword, newPassword", mode: "secret", shownAt: "never" },
  // Ideas
  { id: "idea.new", route: "POST /ideas/new", role: "staff", field: "title, problem, solution, benefit", mode: "stored", shownAt: "/ideas/mine, /ideas/:id (markdown bodies), /committee board and review page" },
  { id: "idea.preview", route: "POST /ideas/new (preview)", role: "staff", field: "tags, coAuthor", mode: "echo", shownAt: "the form, typed value kept" },
  { id: "idea.edit", route: "POST /ideas/:id/edit (preview)", role: "staff", field: "title, problem, solution, benefit, tags", mode: "echo", shownAt: "the edit form and its markdown preview" },
  { id: "idea.withdrawReason", route: "POST /ideas/:id/edit (withdraw)", role: "staff", field: "reason", mode: "stored", shownAt: "/ideas/:id stage history" },
  { id: "comment.body", route: "POST /ideas/:id/comments", role: "staff", field: "body", mode: "stored", shownAt: "/ideas/:id comments (markdown)" },
  { id: "comment.edit", route: "POST /comments/:id (edit)", role: "staff", field: "body", mode: "stored", shownAt: "/ideas/:id comments (markdown)" },
  // Committee
  { id: "committee.note", route: "POST /committee/ideas/:id (note)", role: "committee", field: "body", mode: "stored", shownAt: "/committee/ideas/:id notes (markdown)" },
  { id: "committee.move", route: "POST /committee/ideas/:id (move)", role: "committee", field: "reason, meetingNumber, meetingResolution", mode: "stored", shownAt: "/committee/ideas/:id and /ideas/:id stage history" },
  { id: "committee.moveRefused", route: "POST /committee/ideas/:id (move to approved)", role: "committee", field: "reason, meetingNumber, meetingResolution, nameTh, budget, startDate, endDate, owner", mode: "refused", shownAt: "the move form, typed values kept" },
  { id: "committee.originalQuery", route: "POST /committee/ideas/:id (findOriginal)", role: "committee", field: "originalQuery", mode: "echo", shownAt: "the duplicate form" },
  { id: "project.form", route: "POST /projects/new", role: "committee", field: "nameTh, nameEn, descriptionTh, budget, owner", mode: "refused", shownAt: "the project form" },
  { id: "project.stored", route: "POST /projects/new", role: "committee", field: "nameTh, nameEn, descriptionTh", mode: "stored", shownAt: "/projects/:id, /projects" },
  { id: "project.milestone", route: "POST /projects/:id (addMilestone)", role: "committee", field: "title, doneOn", mode: "refused", shownAt: "the milestone form; /projects/:id" },
  { id: "innovation.form", route: "POST /projects/:id/innovations/new", role: "committee", field: "nameTh, nameEn, description, beneficiaries, ipNumber, ipFiledOn, ipGrantedOn", mode: "refused", shownAt: "the innovation form" },
  { id: "innovation.followUp", route: "POST /innovations/:id (addFollowUp)", role: "committee", field: "observation, beneficiaries", mode: "refused", shownAt: "the follow-up form" },
  { id: "report.quarterly", route: "POST /reports/quarterly (texts)", role: "committee", field: "problems, nextSteps", mode: "stored", shownAt: "/reports/quarterly?fy=2570&q=4" },
  { id: "plan.activity", route: "POST /plan/actions (add)", role: "committee", field: "title", mode: "stored", shownAt: "/plan/actions?fy=2570" },
  { id: "plan.activityRefused", route: "POST /plan/actions (add)", role: "committee", field: "title", mode: "refused", shownAt: "the activity form" },
  // HR
  { id: "training.session", route: "POST /training/new", role: "hr", field: "title, topic, organiser, location, notes", mode: "stored", shownAt: "/training/:id (deleted afterwards)" },
  { id: "training.sessionRefused", route: "POST /training/new (no hours)", role: "hr", field: "title, topic, organiser, location, notes, startDate, endDate", mode: "refused", shownAt: "the session form" },
  { id: "training.sessionHours", route: "POST /training/new (no title)", role: "hr", field: "hours", mode: "refused", shownAt: "the session form" },
  { id: "training.attendanceHours", route: "POST /training/:id/attendance", role: "hr", field: "hours-<personId>", mode: "refused", shownAt: "the checklist (a valid number is saved)", allowed: [302, 400] },
  { id: "training.attendanceImport", route: "POST /training/:id/import (check)", role: "hr", field: "CSV employee_code, hours", mode: "echo", shownAt: "the import preview or its errors" },
  { id: "roster.import", route: "POST /roster/import (check)", role: "hr", field: "CSV every column", mode: "echo", shownAt: "the import preview or its errors" },
  { id: "roster.person", route: "POST /roster/new", role: "hr", field: "employeeCode, prefixTh, first/last names (th, en), email, positionTh, employmentStart", mode: "refused", shownAt: "the person form" },
  { id: "roster.personEdit", route: "POST /roster/:id/edit", role: "hr", field: "the same fields", mode: "refused", shownAt: "the person form" },
  { id: "roster.employmentDates", route: "POST /roster/:id (end, rehire, move)", role: "hr", field: "endDate, startDate, effectiveDate", mode: "refused", shownAt: "the employment forms" },
  { id: "roster.staffAccount", route: "POST /roster/:id (account)", role: "hr", field: "initialPassword", mode: "secret", shownAt: "never" },
  // Admin
  { id: "admin.planItem", route: "POST /admin/plan (addPlan)", role: "admin", field: "code, nameTh, nameEn", mode: "refused", shownAt: "the plan form" },
  { id: "admin.criterion", route: "POST /admin/criteria (add)", role: "admin", field: "nameTh, nameEn", mode: "refused", shownAt: "the criteria form" },
  { id: "admin.timeZone", route: "POST /admin/settings", role: "admin", field: "timeZone", mode: "refused", shownAt: "the settings form" },
  { id: "admin.organisation", route: "POST /admin/settings (organisation)", role: "admin", field: "nameTh, nameEn (the other one making the form invalid)", mode: "refused", shownAt: "the settings form" },
  { id: "admin.reopenReason", route: "POST /admin/participation (reopen)", role: "admin", field: "reason", mode: "refused", shownAt: "the year-close form" },
  { id: "admin.lpa", route: "POST /plan/lpa (save)", role: "admin", field: "source, area1–area5", mode: "refused", shownAt: "the LPA form" },
  { id: "admin.accountCreate", route: "POST /admin/accounts", role: "admin", field: "initialPassword", mode: "secret", shownAt: "never" },
  { id: "admin.accountReset", route: "POST /admin/accounts/:id (reset)", role: "admin", field: "newPassword", mode: "secret", shownAt: "never" },
  // Query strings of the list and report pages
  { id: "query.ideas", route: "GET /ideas", role: "staff", field: "q, stage, plan, division, fy, sort, mine, before", mode: "query", shownAt: "the search box" },
  { id: "query.attendance", route: "GET /training/:id/attendance", role: "hr", field: "q, saved, added, changed, removed", mode: "query", shownAt: "the search box" },
  { id: "query.ideasMine", route: "GET /ideas/mine", role: "staff", field: "created", mode: "query", shownAt: "—" },
  { id: "query.similar", route: "GET /ideas/similar", role: "staff", field: "title, exclude", mode: "query", shownAt: "similar ideas" },
  { id: "query.ideaPage", route: "GET /ideas/:id", role: "staff", field: "created, saved", mode: "query", shownAt: "—" },
  { id: "query.board", route: "GET /committee", role: "committee", field: "stage, plan, division, fy, moved, to", mode: "query", shownAt: "the filters" },
  { id: "query.committeeList", route: "GET /committee/list", role: "committee", field: "stage, plan, division, fy, before", mode: "query", shownAt: "the filters" },
  { id: "query.reviewPage", route: "GET /committee/ideas/:id", role: "committee", field: "move, from, done, stage", mode: "query", shownAt: "the move forms" },
  { id: "query.projects", route: "GET /projects", role: "committee", field: "plan, status, year", mode: "query", shownAt: "the filters" },
  { id: "query.reports", route: "GET /reports/quarterly, /reports/yearly, /reports/quarterly/csv", role: "committee", field: "fy, q", mode: "query", shownAt: "the period form" },
  { id: "query.plan", route: "GET /plan/actions, /plan/lpa", role: "committee", field: "fy, edit", mode: "query", shownAt: "the year form" },
  { id: "query.roster", route: "GET /roster", role: "hr", field: "show, division, category, q, page", mode: "query", shownAt: "the filters and the search box" },
  { id: "query.training", route: "GET /training, /training/mine", role: "hr", field: "fy", mode: "query", shownAt: "the year form" },
  { id: "query.dashboard", route: "GET /dashboard, /dashboard/people", role: "hr", field: "fy, division", mode: "query", shownAt: "the filters" },
  { id: "query.admin", route: "GET /admin/audit, /admin/participation", role: "admin", field: "action, before, fy, saved, years, skipped", mode: "query", shownAt: "the filters and notices" },
  { id: "query.notifications", route: "GET /notifications", role: "staff", field: "before", mode: "query", shownAt: "—" },
  { id: "query.login", route: "GET /login", role: "anyone", field: "redirectTo, signedOut", mode: "query", shownAt: "hidden input" },
];

// ---------------------------------------------------------------------------------------------
// The run. One signed-in browser context per role: its request context posts the forms (same
// cookies, same-origin Origin header), its pages render what was stored, watched from before the
// first navigation. Data created here lives in the e2e database of this run only; no demo record
// is edited: own ideas (withdrawn or closed at the end), two projects, two activities of FY2570,
// the texts of FY2570 Q4 (no other spec reads them), two training sessions (deleted at the end).
//
// Budget: a request costs the app 10–100 ms on this machine, so the corpus is packed: a field
// that keeps L characters gets chunks of up to L characters (each string cut to L, as the app
// would read it), and one request carries a chunk in every text field of its form. A form gets at
// most CHUNKS_PER_FORM requests: fields with a large limit see all 461 strings; fields that keep
// only a few characters (dates, hours, codes) see as many as fit; the run prints the counts.

const AUTHOR = "LS019"; // staff, used by no other spec
const COMMITTEE = "LS005";
const HR = "LS004";
const ADMIN = "LS006";
const CONCURRENCY = 6;
const CHUNKS_PER_FORM = Number(process.env.NAUGHTY_CHUNKS_PER_FORM ?? 6);
const QUERY_CHUNKS = 2;
const PAST_DATE = "2026-11-02";
const FILLER = "ข้อความประกอบไอเดียทดสอบสตริงแปลก ๆ";
/** The URL budget of one query string, well under Node's 16 KB limit for the request head. */
const QUERY_BYTES = 6000;

type Actor = { client: NaughtyClient; watcher: Watcher; page: Page };

// Thousands of requests: a trace of them all would cost more than the test itself.
test.use({ trace: "off" });

test("every field that takes text: the naughty-strings corpus runs no script and causes no 5xx", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL ?? "http://127.0.0.1:3107";
  const started = Date.now();
  const ledger = new Ledger();
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await test.step(name, work);
    } finally {
      timings[name] = Date.now() - start;
      if (process.env.NAUGHTY_VERBOSE) console.log(`${name}: ${timings[name]} ms, ${ledger.entries.length} requests so far`);
    }
  };

  const actor = async (username: string | null): Promise<Actor> => {
    const context = await browser.newContext({ baseURL: base });
    const watcher = await Watcher.attach(context);
    const client = new NaughtyClient(context, username ?? "", base, ledger);
    if (username) await client.signIn();
    return { client, watcher, page: await watcher.newPage() };
  };
  const [staff, committee, hr, admin, visitor] = await Promise.all([actor(AUTHOR), actor(COMMITTEE), actor(HR), actor(ADMIN), actor(null)]);
  const everyone = [staff, committee, hr, admin, visitor];

  const titleSamples = plainTextSamples(NAUGHTY, 8);
  const markdownWords = markdownSamples(NAUGHTY, 6);
  const samplesIn = (samples: readonly string[], texts: readonly (string | undefined)[]) => samples.filter((sample) => texts.some((text) => text?.includes(sample)));

  /** Renders a page in Chromium and checks that the given texts show. */
  const show = (who: Actor, url: string, expectText: readonly string[]) => who.watcher.render(who.page, url, expectText);

  /**
   * Feeds a form: every text field gets the corpus packed to what it keeps (`texts`: form field →
   * characters kept), one chunk per field per request, the rest of the form from `fixed` (which
   * makes a refused form refused). Then, unless `probe` is false, the same form is sent once more
   * as a document with the samples in every text field and the reply is rendered in Chromium at the
   * address it was posted to; with `probe.echo` the samples must be on that page.
   */
  const feed = async (
    who: Actor,
    field: string,
    path: string,
    texts: Record<string, number>,
    fixed: (row: number) => Form,
    options: { probe?: false | { echo: boolean }; chunks?: number } = {},
  ) => {
    const packs = Object.fromEntries(Object.entries(texts).map(([name, limit]) => [name, packCut(NAUGHTY, limit)]));
    const rows = Math.min(options.chunks ?? CHUNKS_PER_FORM, Math.max(...Object.values(packs).map((packed) => packed.chunks.length)));
    await inParallel(Array.from({ length: rows }, (_, row) => row), CONCURRENCY, (row) => {
      const form: Form = { ...fixed(row) };
      const fed: Fed = {};
      for (const [name, packed] of Object.entries(packs)) {
        form[name] = packed.chunks[row % packed.chunks.length];
        fed[name] = row < packed.chunks.length ? packed.counts[row] : 0;
      }
      return who.client.post(field, path, form, { fed, sample: String(Object.values(form)[0]).slice(0, 160) });
    });
    if (options.probe === false) return;
    const limit = Math.min(...Object.values(texts));
    const picked: string[] = [];
    for (const sample of titleSamples) if (countedLength([...picked, sample].join(" ")) <= limit) picked.push(sample);
    const probeText = picked.join(" ") || titleSamples[0].slice(0, limit);
    const form: Form = { ...fixed(0), ...Object.fromEntries(Object.keys(texts).map((name) => [name, probeText])) };
    const reply = await who.client.post(field, path, form, { document: true, sample: probeText });
    await who.watcher.render(who.page, path, options.probe?.echo === false ? [] : picked, { body: reply.body, headers: reply.headers });
  };

  /** Feeds GET parameters: each parameter gets the corpus packed (`params`: name → characters read). */
  const feedQuery = async (who: Actor, field: string, path: string, params: Record<string, number>, options: { chunks?: number; numbers?: readonly string[]; render?: boolean } = {}) => {
    const { chunks = QUERY_CHUNKS, numbers = NUMERIC_SAMPLE } = options;
    const budget = Math.floor(QUERY_BYTES / Object.keys(params).length);
    const packs = Object.fromEntries(Object.entries(params).map(([name, limit]) => [name, packCut(NAUGHTY, limit, budget)]));
    const rows = Math.min(chunks, Math.max(...Object.values(packs).map((packed) => packed.chunks.length)));
    await inParallel(Array.from({ length: rows }, (_, row) => row), CONCURRENCY, (row) => {
      const query = new URLSearchParams();
      const fed: Fed = {};
      for (const [name, packed] of Object.entries(packs)) {
        query.set(name, packed.chunks[row % packed.chunks.length]);
        fed[name] = row < packed.chunks.length ? packed.counts[row] : 0;
      }
      return who.client.get(field, `${path}?${query}`, { fed, sample: query.toString().slice(0, 160) });
    });
    // Numbers that overflow, go negative or are not quite numbers: alone, in every parameter.
    await inParallel(numbers, CONCURRENCY, (text) =>
      who.client.get(field, `${path}?${new URLSearchParams(Object.keys(params).map((name) => [name, text]))}`, { sample: text, fed: Object.fromEntries(Object.keys(params).map((name) => [name, 0])) }),
    );
    if (options.render !== false) await show(who, `${path}?${new URLSearchParams(Object.keys(params).map((name) => [name, titleSamples[0]]))}`, []);
  };

  // ---- the watch itself can see script: a canary page with an injected handler and script ----
  await timed("canary: the hooks catch injected script", async () => {
    const loginPage = await visitor.client.get("", "/login", { document: true });
    const injected = loginPage.body.replace("</main>", '<img src="/naughty-canary.png" onerror="alert(1)"><script>alert(2)</script></main>');
    expect(injected, "the sign-in page has a <main> to inject into").not.toBe(loginPage.body);
    const withCsp = await visitor.watcher.render(visitor.page, "/login?canary=csp", [], { body: injected, headers: loginPage.headers });
    expect(withCsp.problems.join("\n"), "CSP blocks the injection and the hooks see it").toMatch(/CSP violation: script-src-attr[\s\S]*CSP violation: script-src-elem/);
    const noCsp = Object.fromEntries(Object.entries(loginPage.headers).filter(([name]) => name.toLowerCase() !== "content-security-policy"));
    const withoutCsp = await visitor.watcher.render(visitor.page, "/login?canary=bare", [], { body: injected, headers: noCsp });
    expect(withoutCsp.problems.join("\n"), "without CSP the injected script runs and the trap sees it").toMatch(/script ran: alert\(2\)/);
    // The canaries are not part of the verdict.
    visitor.watcher.reports.length = 0;
  });

  // ---- ids the forms need, read from the pages as a browser would -------------------------
  const rosterHtml = await hr.client.html("/roster?show=all");
  const personIdOf = (code: string) => Number(pick(rosterHtml, new RegExp(`<td>${code}</td><td><a[^>]*href="/roster/(\\d+)"`), `${code} in the roster`));
  const adminPersonId = personIdOf(ADMIN);
  const staffPersonId = personIdOf("LS025");
  const leaverPersonId = personIdOf("LS007");
  const accountsHtml = await admin.client.html("/admin/accounts");
  const authorAccountId = pick(accountsHtml, new RegExp(`aria-label="[^"]*${AUTHOR}"[^>]*href="/admin/accounts/([0-9a-f-]{36})"`), `${AUTHOR}'s account`);
  const projectFormHtml = await committee.client.html("/projects/new");
  const projectPlanId = pick(projectFormHtml, /name="planId"[\s\S]*?<option value="(\d+)"/, "a plan in the project form");
  // The owner is typed; the form's staff datalist gives an employee code to type.
  const projectOwner = pick(projectFormHtml, /<datalist id="project-owner-staff"><option value="([A-Za-z]+\d+) /, "an owner in the project form's staff list");
  const sessionFormHtml = await hr.client.html("/training/new");
  const sessionPlanId = pick(sessionFormHtml, /name="planId"[\s\S]*?<option value="(\d+)"[^>]*selected/, "the default plan of a training session");
  const innovationId = Number(pick(await committee.client.html("/projects"), /href="\/innovations\/(\d+)"/, "an innovation"));

  // ---- ideas: titles and bodies stored, one idea per title chunk ---------------------------
  const titles = pack(NAUGHTY, { max: 200, separator: " ", prefix: (n) => `NS${n} ` });
  const bodies = pack(NAUGHTY, { max: 5000, separator: "\n\n", prefix: (n) => `NS-body-${n}\n\n` });
  const ideaIds = await timed("ideas: titles and bodies stored", async () => {
    const ids = await inParallel(titles.chunks, CONCURRENCY, async (title, index) => {
      const body = (offset: number) => (index < bodies.chunks.length ? bodies.chunks[(index + offset) % bodies.chunks.length] : FILLER);
      const bodyCount = index < bodies.chunks.length ? bodies.counts[index] : 0;
      const reply = await staff.client.post(
        "idea.new",
        "/ideas/new",
        { intent: "submit", title, problem: body(0), solution: body(1), benefit: body(2), planId: "", coAuthor: ["", "", ""], tags: "" },
        { sample: title, fed: { title: titles.counts[index], problem: bodyCount, solution: bodyCount, benefit: bodyCount } },
      );
      return idFromLocation(reply, /^\/ideas\/(\d+)\?created=1$/);
    });
    // Alone, a string longer than a title is refused.
    await inParallel(titles.tooLong, CONCURRENCY, (title) =>
      staff.client.post("idea.new", "/ideas/new", { intent: "submit", title, problem: FILLER, solution: FILLER, benefit: FILLER }, { sample: title, fed: { title: 1 } }),
    );
    return ids;
  });
  const [firstIdea, secondIdea, refusedMoveIdea] = ideaIds;

  await timed("ideas: tags, co-authors, the edit form (previews)", async () => {
    const previewFixed = (): Form => ({ intent: "preview", title: "NS preview", problem: FILLER, solution: FILLER, benefit: FILLER, planId: "" });
    await feed(staff, "idea.preview", "/ideas/new", { tags: 500, coAuthor: 200 }, previewFixed);
    await feed(staff, "idea.edit", `/ideas/${secondIdea}/edit`, { title: 400, problem: 10_000, solution: 10_000, benefit: 10_000, tags: 500 }, () => ({ intent: "preview", planId: "" }));
  });

  // ---- comments, then edits, packed (markdown; one string per paragraph) --------------------
  await timed("comments and edits", async () => {
    const comments = pack(NAUGHTY, { max: 1000, separator: "\n\n", prefix: (n) => `NS-comment-${n}\n\n` });
    const replies = await inParallel(comments.chunks, CONCURRENCY, (body, index) =>
      staff.client.post("comment.body", `/ideas/${firstIdea}/comments`, { body }, { sample: body, fed: { body: comments.counts[index] } }),
    );
    const commentIds = replies.map((reply) => idFromLocation(reply, /#comment-(\d+)$/));
    await inParallel(NAUGHTY.filter((text) => text.trim() === ""), CONCURRENCY, (body) => staff.client.post("comment.body", `/ideas/${firstIdea}/comments`, { body }, { sample: body, fed: { body: 1 } }));
    const edits = pack(NAUGHTY, { max: 5000, separator: "\n\n", prefix: (n) => `NS-edit-${n}\n\n` });
    await inParallel(edits.chunks, CONCURRENCY, (body, index) =>
      staff.client.post("comment.edit", `/comments/${commentIds[index]}`, { intent: "edit", body }, { sample: body, fed: { body: edits.counts[index] } }),
    );
  });

  // ---- the committee: notes, moves with reasons and meeting citations, originals --------
  const reasons = pack(NAUGHTY, { max: 2000, separator: " ", prefix: (n) => `NS-reason-${n} ` });
  const resolutions = pack(NAUGHTY, { max: 2000, separator: " ", prefix: (n) => `NS-resolution-${n} ` });
  const meetingNumbers = packCut(NAUGHTY, 50);
  const movedIdeas = ideaIds.slice(3, 3 + Math.ceil(Math.max(reasons.chunks.length, resolutions.chunks.length) / 2));
  await timed("committee: notes, moves, originals", async () => {
    const notes = pack(NAUGHTY, { max: 5000, separator: "\n\n", prefix: (n) => `NS-note-${n}\n\n` });
    for (const [index, body] of notes.chunks.entries()) {
      const reply = await committee.client.post("committee.note", `/committee/ideas/${firstIdea}`, { intent: "note", body }, { sample: body, fed: { body: notes.counts[index] } });
      expect(reply.status, `a note is stored: ${reply.body.slice(0, 200)}`).toBe(302);
    }
    // Stored: each moved idea goes to screening, then out (not adopted), a chunk each time.
    await inParallel(movedIdeas, CONCURRENCY, async (ideaId, index) => {
      for (const [step, from, to] of [[0, "submitted", "screening"], [1, "screening", "not_adopted"]] as const) {
        const chunk = index * 2 + step;
        const reply = await committee.client.post(
          "committee.move",
          `/committee/ideas/${ideaId}`,
          {
            intent: "move",
            from,
            to,
            reason: reasons.chunks[chunk] ?? "NS-reason",
            meetingNumber: meetingNumbers.chunks[chunk] ?? "NS",
            meetingDate: PAST_DATE,
            meetingResolution: resolutions.chunks[chunk] ?? "NS-resolution",
          },
          { sample: reasons.chunks[chunk] ?? "", fed: { reason: reasons.counts[chunk] ?? 0, meetingNumber: meetingNumbers.counts[chunk] ?? 0, meetingResolution: resolutions.counts[chunk] ?? 0 } },
        );
        expect(reply.status, `move ${from} → ${to} of idea ${ideaId}: ${reply.body.slice(0, 200)}`).toBe(302);
      }
    });
    // Refused: the meeting date is in the future, so nothing moves; every field comes back.
    await feed(
      committee,
      "committee.moveRefused",
      `/committee/ideas/${refusedMoveIdea}`,
      { reason: 4000, meetingNumber: 100, meetingResolution: 4000, nameTh: 400, budget: 40, startDate: 20, endDate: 20, owner: 200 },
      () => ({ intent: "move", from: "committee_review", to: "approved", meetingDate: "2099-01-01", projectMode: "new", planId: projectPlanId }),
    );
    await feed(committee, "committee.originalQuery", `/committee/ideas/${refusedMoveIdea}`, { originalQuery: 200 }, () => ({ intent: "findOriginal", from: "submitted", to: "duplicate" }));
  });

  // ---- projects, milestones, innovations, follow-ups ------------------------------------
  const projectNames = pack(NAUGHTY, { max: 200, separator: " ", prefix: (n) => `NS-project-${n} ` });
  const projectIds = await timed("projects: stored and refused", async () => {
    const ids: number[] = [];
    for (const index of [0, 1]) {
      const reply = await committee.client.post(
        "project.stored",
        "/projects/new",
        {
          nameTh: projectNames.chunks[index * 2],
          nameEn: projectNames.chunks[index * 2 + 1],
          descriptionTh: bodies.chunks[index],
          planId: projectPlanId,
          owner: projectOwner,
          budget: "1000",
          startDate: PAST_DATE,
          endDate: "2027-06-30",
        },
        { sample: projectNames.chunks[index * 2], fed: { nameTh: projectNames.counts[index * 2], nameEn: projectNames.counts[index * 2 + 1], descriptionTh: bodies.counts[index] } },
      );
      ids.push(idFromLocation(reply, /^\/projects\/(\d+)\?done=created$/));
    }
    await feed(committee, "project.form", "/projects/new", { nameTh: 400, nameEn: 400, descriptionTh: 10_000, budget: 40, startDate: 20, endDate: 20, owner: 200 }, () => ({
      planId: "",
    }));
    await feed(committee, "project.milestone", `/projects/${ids[0]}?index`, { title: 400, doneOn: 20 }, () => ({ intent: "addMilestone", dueDate: "not a date" }));
    await feed(
      committee,
      "innovation.form",
      `/projects/${ids[0]}/innovations/new`,
      { nameTh: 800, nameEn: 800, description: 10_000, beneficiaries: 4000, ipNumber: 240, ipFiledOn: 20, ipGrantedOn: 20 },
      () => ({ deliveredOn: "not a date", ipStatus: "filed" }),
    );
    await feed(committee, "innovation.followUp", `/innovations/${innovationId}?index`, { observation: 4000, beneficiaries: 4000 }, () => ({ intent: "addFollowUp", reportedOn: "not a date" }));
    return ids;
  });

  // ---- the quarterly report's texts and the action plan ----------------------------------
  const reportTexts = pack(NAUGHTY, { max: 5000, separator: "\n", prefix: (n) => `NS-report-${n}\n` });
  const activities = pack(NAUGHTY, { max: 300, separator: " ", prefix: (n) => `NS-activity-${n} ` });
  await timed("report texts and activities", async () => {
    for (let index = 0; index < reportTexts.chunks.length; index += 2) {
      const html = await committee.client.html("/reports/quarterly?fy=2570&q=4");
      const version = unescapeAttribute(pick(html, /name="version" value="([^"]*)"/, "the report texts' version"));
      const reply = await committee.client.post(
        "report.quarterly",
        "/reports/quarterly",
        { intent: "texts", fy: "2570", q: "4", version, problems: reportTexts.chunks[index], nextSteps: reportTexts.chunks[index + 1] ?? "NS" },
        { sample: reportTexts.chunks[index], fed: { problems: reportTexts.counts[index], nextSteps: reportTexts.counts[index + 1] ?? 0 } },
      );
      expect(reply.status, `report texts saved: ${reply.body.slice(0, 200)}`).toBe(302);
      await show(committee, "/reports/quarterly?fy=2570&q=4", samplesIn(markdownWords, [reportTexts.chunks[index], reportTexts.chunks[index + 1]]));
    }
    for (const [index, title] of activities.chunks.slice(0, 2).entries()) {
      const reply = await committee.client.post("plan.activity", "/plan/actions", { intent: "add", fy: "2570", title, planId: projectPlanId, status: "planned" }, { sample: title, fed: { title: activities.counts[index] } });
      expect(reply.status, `activity added: ${reply.body.slice(0, 200)}`).toBe(302);
    }
    await feed(committee, "plan.activityRefused", "/plan/actions", { title: 1000 }, () => ({ intent: "add", fy: "2570", planId: "not a plan", status: "planned" }));
  });

  // ---- HR: training sessions, attendance, imports, the roster -----------------------------
  const sessionTexts = pack(NAUGHTY, { max: 300, separator: " ", prefix: (n) => `NS-session-${n} ` });
  const sessionNotes = pack(NAUGHTY, { max: 5000, separator: "\n", prefix: (n) => `NS-notes-${n}\n` });
  await timed("HR: training sessions, attendance, imports, roster", async () => {
    const sessionIds: number[] = [];
    for (const index of [0, 1]) {
      const chunk = (offset: number) => sessionTexts.chunks[index * 4 + offset] ?? "NS";
      const count = (offset: number) => sessionTexts.counts[index * 4 + offset] ?? 0;
      const reply = await hr.client.post(
        "training.session",
        "/training/new",
        { intent: "save", title: chunk(0), topic: chunk(1), organiser: chunk(2), location: chunk(3), notes: sessionNotes.chunks[index], startDate: PAST_DATE, endDate: PAST_DATE, hours: "3", planId: sessionPlanId },
        { sample: chunk(0), fed: { title: count(0), topic: count(1), organiser: count(2), location: count(3), notes: sessionNotes.counts[index] } },
      );
      sessionIds.push(idFromLocation(reply, /^\/training\/(\d+)\?saved=created$/));
    }
    // Refused: the hours are missing.
    await feed(hr, "training.sessionRefused", "/training/new", { title: 600, topic: 600, organiser: 600, location: 600, notes: 10_000, startDate: 40, endDate: 40 }, () => ({
      intent: "save",
      hours: "",
      planId: sessionPlanId,
    }));
    // Refused: the title is missing.
    await feed(hr, "training.sessionHours", "/training/new", { hours: 40 }, () => ({ intent: "save", title: "", startDate: PAST_DATE, endDate: PAST_DATE, planId: sessionPlanId }), { probe: false });

    const attendance = `/training/${sessionIds[0]}/attendance`;
    const attendee = pick(await hr.client.html(attendance), /name="attended" value="(\d+)"/, "a person on the attendance checklist");
    await feed(hr, "training.attendanceHours", attendance, { [`hours-${attendee}`]: 20 }, () => ({ intent: "save", shown: attendee, attended: attendee }), { probe: { echo: false } });
    await feedQuery(hr, "query.attendance", attendance, { q: 100, saved: 100, added: 100, changed: 100, removed: 100 });

    const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const attendanceCsv = ["employee_code,hours", ...NAUGHTY.map((text) => `${csvCell(text)},${csvCell(text)}`)].join("\r\n");
    const attendanceImport = await hr.client.upload("training.attendanceImport", `/training/${sessionIds[0]}/import`, { name: "naughty.csv", mimeType: "text/csv", buffer: Buffer.from(attendanceCsv) }, {
      employee_code: NAUGHTY.length,
      hours: NAUGHTY.length,
    });
    await hr.watcher.render(hr.page, `/training/${sessionIds[0]}/import`, [], { body: attendanceImport.body, headers: attendanceImport.headers });

    for (const [index, sessionId] of sessionIds.entries()) {
      await show(hr, `/training/${sessionId}`, samplesIn(titleSamples, sessionTexts.chunks.slice(index * 4, index * 4 + 4)));
      const reply = await hr.client.post("training.session", `/training/${sessionId}`, { intent: "delete", confirm: "yes" });
      expect(reply.status, "the test's training session is deleted").toBe(302);
    }

    const rosterColumns = ["employee_code", "prefix_th", "first_name_th", "last_name_th", "first_name_en", "last_name_en", "email", "position_th", "category_code", "division_code", "employment_start", "employment_end"];
    const rosterCsv = [rosterColumns.join(","), ...NAUGHTY.map((text, index) => [`NS${String(index).padStart(4, "0")}`, ...rosterColumns.slice(1).map(() => text)].map(csvCell).join(","))].join("\r\n");
    const rosterImport = await hr.client.upload("roster.import", "/roster/import", { name: "naughty-roster.csv", mimeType: "text/csv", buffer: Buffer.from(rosterCsv) }, Object.fromEntries(rosterColumns.slice(1).map((column) => [column, NAUGHTY.length])));
    await hr.watcher.render(hr.page, "/roster/import", [], { body: rosterImport.body, headers: rosterImport.headers });

    // Refused: no category or division.
    const person = { employeeCode: 40, prefixTh: 100, firstNameTh: 200, lastNameTh: 200, firstNameEn: 200, lastNameEn: 200, email: 400, positionTh: 400, employmentStart: 40 };
    await feed(hr, "roster.person", "/roster/new", person, () => ({ categoryId: "not a category", divisionId: "not a division" }));
    await feed(hr, "roster.personEdit", `/roster/${staffPersonId}/edit`, person, () => ({ categoryId: "not a category", divisionId: "not a division" }));
    await feed(hr, "roster.employmentDates", `/roster/${staffPersonId}`, { effectiveDate: 40 }, () => ({ intent: "move", divisionId: "0" }), { probe: { echo: false } });
    await feed(hr, "roster.employmentDates", `/roster/${staffPersonId}`, { startDate: 40 }, () => ({ intent: "rehire", rehireDivisionId: "0" }), { probe: false });
    // Ending a leaver's employment with a date that parses would change a demo record: such strings are left out.
    const endDates = packCut(NAUGHTY.filter((text) => !parseImportDate(text.slice(0, 40)).ok), 40);
    await inParallel(endDates.chunks.slice(0, CHUNKS_PER_FORM), CONCURRENCY, (endDate, index) =>
      parseImportDate(endDate).ok ? Promise.resolve(null) : hr.client.post("roster.employmentDates", `/roster/${leaverPersonId}`, { intent: "end", endDate }, { sample: endDate, fed: { endDate: endDates.counts[index] } }),
    );
    // The person already has an account: the password is checked, nothing is created.
    await feed(hr, "roster.staffAccount", `/roster/${staffPersonId}`, { initialPassword: 1024 }, () => ({ intent: "account" }), { probe: false });
  });

  // ---- the admin's forms: all refused on purpose --------------------------------------------
  await timed("admin forms", async () => {
    await feed(admin, "admin.planItem", "/admin/plan", { code: 20, nameTh: 1000, nameEn: 1000 }, () => ({ intent: "addPlan", parentId: "" }), { probe: { echo: false } });
    // A criterion's name that is taken is refused: the other name carries the corpus.
    await feed(admin, "admin.criterion", "/admin/criteria", { nameTh: 400 }, () => ({ intent: "add", nameEn: "Novelty" }));
    await feed(admin, "admin.criterion", "/admin/criteria", { nameEn: 400 }, () => ({ intent: "add", nameTh: "ความใหม่" }), { probe: false });
    await feed(admin, "admin.timeZone", "/admin/settings", { timeZone: 64 }, () => ({ startMonth: "13" }));
    // Refused, so the organisation keeps its name for the other tests: an English name one
    // character too long while the Thai one is fed, then an empty Thai name while the English one is.
    await feed(admin, "admin.organisation", "/admin/settings", { nameTh: 200 }, () => ({ intent: "organisation", nameEn: "x".repeat(201) }));
    await feed(admin, "admin.organisation", "/admin/settings", { nameEn: 200 }, () => ({ intent: "organisation", nameTh: "" }));
    // FY2570 is not over, so it is not closed and cannot be reopened.
    await feed(admin, "admin.reopenReason", "/admin/participation", { reason: 500 }, () => ({ intent: "reopen", fy: "2570" }), { probe: { echo: false } });
    await feed(admin, "admin.lpa", "/plan/lpa", { source: 1000, area1: 1000, area2: 1000, area3: 1000, area4: 1000, area5: 1000 }, () => ({ intent: "save", fiscalYear: "2570", score: "not a score" }));
    // The admin's own person already has an account: the password is checked, nothing is created.
    await feed(admin, "admin.accountCreate", "/admin/accounts?index", { initialPassword: 1024 }, () => ({ personId: String(adminPersonId), roles: "staff" }), { probe: false });
    // Resetting to a password the policy accepts would change the author's password: only refused ones.
    const refused = NAUGHTY.filter((text) => passwordProblem(text, { username: AUTHOR }) !== null && passwordProblem(text, { username: AUTHOR.toLowerCase() }) !== null);
    await inParallel(refused.slice(0, CHUNKS_PER_FORM * 4), CONCURRENCY, (newPassword) =>
      admin.client.post("admin.accountReset", `/admin/accounts/${authorAccountId}`, { intent: "reset", newPassword }, { sample: newPassword, fed: { newPassword: 1 } }),
    );
  });

  // ---- signing in and passwords ----------------------------------------------------------------
  await timed("sign-in and passwords", async () => {
    // No password (or no username): refused before any attempt is counted, so the sign-in throttle is never touched.
    await feed(visitor, "login.username", "/login", { username: 64, redirectTo: 2000 }, () => ({ password: "" }));
    await feed(visitor, "login.password", "/login", { password: 1024 }, () => ({ username: "" }), { probe: false });
    // A real sign-in with a hostile redirectTo: the app must send the person to one of its own pages.
    for (const redirectTo of NAUGHTY.filter((text) => /^(javascript:|\/\/|https?:)/i.test(text.trim())).slice(0, 3)) {
      const context = await browser.newContext({ baseURL: base });
      const reply = await new NaughtyClient(context, AUTHOR, base, ledger).post("login.redirectTo", "/login", { username: AUTHOR, password: DEMO_PASSWORD, redirectTo }, { sample: redirectTo, fed: { redirectTo: 1 } });
      expect(reply.status, `sign-in with redirectTo ${JSON.stringify(redirectTo)}`).toBe(302);
      expect(reply.location, `redirect after sign-in with redirectTo ${JSON.stringify(redirectTo)}`).toMatch(/^\/(?![/\\])/);
      await context.close();
    }
    // The confirmation always differs: never changed.
    await feed(staff, "account.password", "/account/password", { currentPassword: 1024, newPassword: 1024 }, () => ({ confirmPassword: "≠" }), { probe: false });
  });

  // ---- query strings of every list and report page --------------------------------------------
  await timed("query strings", async () => {
    // The idea list gets the most: 30 chunks through its search, every number-like string alone.
    await feedQuery(staff, "query.ideas", "/ideas", { q: 200, stage: 100, plan: 100, division: 100, fy: 100, sort: 100, mine: 100, before: 100 }, { chunks: 30, numbers: NUMERIC_LOOKING });
    await feedQuery(staff, "query.ideasMine", "/ideas/mine", { created: 200 });
    // A JSON resource route (the form's similar-ideas lookup): nothing to render.
    await feedQuery(staff, "query.similar", "/ideas/similar", { title: 200, exclude: 100 }, { render: false });
    await feedQuery(staff, "query.ideaPage", `/ideas/${secondIdea}`, { created: 200, saved: 200 });
    await feedQuery(staff, "query.notifications", "/notifications", { before: 200 });
    await feedQuery(committee, "query.board", "/committee", { stage: 200, plan: 200, division: 200, fy: 200, moved: 200, to: 200 });
    await feedQuery(committee, "query.committeeList", "/committee/list", { stage: 200, plan: 200, division: 200, fy: 200, before: 200 });
    await feedQuery(committee, "query.reviewPage", `/committee/ideas/${refusedMoveIdea}`, { move: 200, from: 200, done: 200, stage: 200 });
    await feedQuery(committee, "query.projects", "/projects", { plan: 200, status: 200, year: 200 });
    await feedQuery(committee, "query.reports", "/reports/quarterly", { fy: 200, q: 200 });
    await feedQuery(committee, "query.reports", "/reports/yearly", { fy: 200 });
    await feedQuery(committee, "query.plan", "/plan/actions", { fy: 200 });
    await feedQuery(committee, "query.plan", "/plan/lpa", { edit: 200 });
    await feedQuery(hr, "query.roster", "/roster", { show: 200, division: 200, category: 200, q: 200, page: 200 });
    await feedQuery(hr, "query.training", "/training", { fy: 200, deleted: 200 });
    await feedQuery(hr, "query.training", "/training/mine", { fy: 200 });
    await feedQuery(hr, "query.dashboard", "/dashboard", { fy: 200 });
    await feedQuery(hr, "query.dashboard", "/dashboard/people", { fy: 200, division: 200 });
    await feedQuery(admin, "query.admin", "/admin/audit", { action: 200, before: 200 });
    await feedQuery(admin, "query.admin", "/admin/participation", { fy: 200, saved: 200, years: 200, skipped: 200 });
    await feedQuery(visitor, "query.login", "/login", { redirectTo: 2000, signedOut: 200 });
  });

  // ---- the pages that show the stored text, in Chromium -------------------------------------
  await timed("stored text rendered", async () => {
    await show(staff, "/ideas/mine", titleSamples);
    await show(staff, `/ideas/${firstIdea}`, [...samplesIn(titleSamples, [titles.chunks[0]]), ...samplesIn(markdownWords, bodies.chunks.slice(0, 3))]);
    await show(staff, `/ideas/${secondIdea}`, samplesIn(markdownWords, bodies.chunks.slice(1, 4)));
    await show(committee, "/committee", []);
    await show(committee, `/committee/ideas/${firstIdea}`, markdownWords);
    for (const [index, ideaId] of movedIdeas.entries()) {
      await show(committee, `/committee/ideas/${ideaId}`, samplesIn(titleSamples, [reasons.chunks[index * 2], reasons.chunks[index * 2 + 1]]));
    }
    await show(staff, `/ideas/${movedIdeas[0]}`, []);
    for (const projectId of projectIds) await show(committee, `/projects/${projectId}`, []);
    await show(committee, "/projects", samplesIn(titleSamples, projectNames.chunks.slice(0, 4)));
    await show(committee, "/plan/actions?fy=2570", samplesIn(titleSamples, activities.chunks.slice(0, 2)));
  });

  // ---- withdraw the test's ideas still waiting, each with a chunk of reasons ------------------
  await timed("ideas withdrawn with reasons", async () => {
    const withdrawReasons = pack(NAUGHTY, { max: 500, separator: " ", prefix: (n) => `NS-withdraw-${n} ` });
    const waiting = ideaIds.filter((id) => !movedIdeas.includes(id)).slice(-withdrawReasons.chunks.length);
    await inParallel(waiting, CONCURRENCY, async (ideaId, index) => {
      const reason = withdrawReasons.chunks[index] ?? "";
      const reply = await staff.client.post("idea.withdrawReason", `/ideas/${ideaId}/edit`, { intent: "withdraw", reason }, { sample: reason, fed: { reason: withdrawReasons.counts[index] ?? 0 } });
      expect(reply.status, `idea ${ideaId} withdrawn: ${reply.body.slice(0, 200)}`).toBe(302);
    });
    const shown = waiting.slice(0, withdrawReasons.chunks.length).flatMap((ideaId, index) => {
      const samples = samplesIn(titleSamples, [withdrawReasons.chunks[index]]);
      return samples.length > 0 ? [{ ideaId, samples }] : [];
    });
    for (const { ideaId, samples } of shown.slice(0, 3)) await show(staff, `/ideas/${ideaId}`, samples);
  });

  // ---- verdict -------------------------------------------------------------------------------
  const reports = everyone.flatMap((who) => who.watcher.reports);
  const formFields = [...ledger.fed.values()].flatMap((byFormField) => [...byFormField.entries()]);
  const sends = formFields.reduce((sum, [, count]) => sum + count, 0);
  const complete = formFields.filter(([, count]) => count >= NAUGHTY.length - 4).length;
  console.log(
    [
      `naughty strings: ${NAUGHTY.length} strings; ${TEXT_FIELDS.length} listed fields, ${formFields.length} form and query fields (${complete} fed the whole corpus);`,
      `  ${sends} string × field sends in ${ledger.entries.length} requests; ${reports.length} pages rendered in Chromium; ${((Date.now() - started) / 1000).toFixed(1)} s`,
      ...Object.entries(timings).map(([name, ms]) => `  ${name.padEnd(56)} ${(ms / 1000).toFixed(1).padStart(6)} s`),
      ...(process.env.NAUGHTY_VERBOSE
        ? [...ledger.fed.entries()].map(([field, byFormField]) => `  ${field.padEnd(28)} ${[...byFormField.entries()].map(([name, count]) => `${name} ${count}`).join(", ")}`)
        : []),
    ].join("\n"),
  );
  const unfed = TEXT_FIELDS.filter((field) => [...(ledger.fed.get(field.id)?.values() ?? [])].every((count) => count === 0)).map((field) => field.id);
  // Soft: one run reports every kind of failure at once.
  expect.soft(unfed, "fields listed but never fed").toEqual([]);
  const unknown = [...ledger.fed.keys()].filter((id) => !TEXT_FIELDS.some((field) => field.id === id));
  expect.soft(unknown, "fields fed but not listed").toEqual([]);
  expect.soft(ledger.serverErrors(), "5xx answers").toEqual([]);
  const unexpected = TEXT_FIELDS.flatMap((field) => ledger.unexpected(field.id, field.allowed ?? ALLOWED_STATUS[field.mode]).map((line) => `${field.id}: ${line}`));
  expect.soft(unexpected, "answers outside what each field's mode allows").toEqual([]);
  expect.soft(renderFailures(reports), "script, CSP violations, errors or missing text in Chromium").toEqual([]);
  for (const who of everyone) await who.client.context.close();
});

/** Strings that parse as numbers (or nearly): sent alone to every parameter of the idea list. */
const NUMERIC_LOOKING = NAUGHTY.filter((text) => text.trim() !== "" && (Number.isFinite(Number(text)) || Number.isFinite(parseFloat(text))));
/** A spread of them, with the largest and the most negative, sent alone to every other page's parameters. */
const NUMERIC_SAMPLE = NUMERIC_LOOKING.filter((text) => ["0", "-1", "1E+02", "-2147483648/-1", "0xffffffff"].includes(text) || text.length > 30);

/** The statuses each mode may answer: a refusal must refuse (nothing stored), a store must store or refuse. */
const ALLOWED_STATUS: Record<FieldMode, readonly number[]> = {
  stored: [302, 400],
  refused: [400, 409],
  echo: [200, 400],
  secret: [400],
  query: [200, 302, 400, 403, 404],
};
