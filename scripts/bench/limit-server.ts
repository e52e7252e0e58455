/**
 * The "limit" for the page benchmarks: a bare node:http server that, for each benchmarked page,
 * runs the same SQL as the app's loaders with the same driver and returns the same data as
 * escaped HTML. The app can at best match it; pages.ts reports app req/s ÷ limit req/s.
 *
 *   DATABASE_URL=postgres://… LIMIT_PORT=3202 npx tsx scripts/bench/limit-server.ts
 *   LIMIT_SMALL=1 LIMIT_PORT=3202 npx tsx scripts/bench/limit-server.ts   # the demo on in-memory PGlite
 *
 * What it does, per request — the very functions the app calls, so the very SQL:
 * - the session: getRequestAuth (lucia's validateSession + getSignedInAccount), the same role
 *   check as requireUser / requireRole / requireDashboardScope (401/403 otherwise);
 * - the root loader's queries (getAppSettings, countUnread), in parallel with the page's, as
 *   Remix runs root and route loaders together;
 * - the page's loader queries: /ideas (getAppSettings, listIdeas newest-first 20 + getPlanTree +
 *   listDivisions), /ideas/:id (getAppSettings, getIdeaDetail, getVoteSummary, listComments,
 *   isFollowing, renderMarkdown of the three texts — listComments renders comments itself),
 *   /committee (getAppSettings, getBoard, BOARD_CARDS_PER_COLUMN per column, loadBoardFilterOptions), /dashboard
 *   (getAppSettings, yearIndicators of the running year, planTrend);
 * - the same connection pool (postgres.js, 10 connections, as the app opens it).
 * What it does not do: Express, compression, Remix routing and data serialisation, React
 * rendering, the client bundle's script tags, security headers (CSP nonce), the session
 * cookie refresh header, the i18n catalogue. Its HTML is a generic escaped table of the data.
 * With PGlite (LIMIT_SMALL=1) it opens its own in-memory demo: PGlite cannot be shared between
 * processes, so the app uses its own copy of the same demo data.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { openDatabase, type DatabaseHandle } from "../../db/client.server";
import { setDatabase } from "../../db/runtime.server";
import { accounts } from "../../db/schema";
import { eq } from "drizzle-orm";
import { startSession } from "../../app/auth/session.server";
import { getRequestAuth, type CurrentUser } from "../../app/auth/current-user.server";
import { hasAnyRole, type Role } from "../../app/domain/roles";
import { fiscalYearOf, fiscalYearRange } from "../../app/domain/fiscal-year";
import { renderMarkdown } from "../../app/markdown.server";
import { listComments } from "../../app/models/comments.server";
import { isFollowing } from "../../app/models/follows.server";
import { BOARD_CARDS_PER_COLUMN, getBoard, loadBoardFilterOptions } from "../../app/models/board.server";
import { getIdeaDetail, listIdeas } from "../../app/models/ideas.server";
import { countUnread } from "../../app/models/notifications.server";
import { listDivisions } from "../../app/models/people.server";
import { getPlanTree } from "../../app/models/plan.server";
import { getAppSettings } from "../../app/models/settings.server";
import { getVoteSummary } from "../../app/models/votes.server";
import { planTrend, yearIndicators } from "../../app/services/indicators.server";
import { openSmallOrganisation } from "./large-organisation";

const IDEAS_PAGE_SIZE = 20; // app/routes/ideas._index.tsx PAGE_SIZE

class HttpError extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);

/** Any loader result as HTML: arrays of records as tables, records as lists, text escaped. */
function htmlOf(value: unknown, key = ""): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return escapeHtml(value.toISOString());
  // Markdown already rendered and sanitised on the server, inserted as the app inserts it.
  if (typeof value === "string") return key.endsWith("Html") ? value : escapeHtml(value);
  if (typeof value !== "object") return escapeHtml(String(value));
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => item !== null && typeof item === "object" && !Array.isArray(item) && !(item instanceof Date))) {
      const columns = [...new Set(value.flatMap((item: object) => Object.keys(item)))];
      const head = columns.map((column) => `<th>${escapeHtml(column)}</th>`).join("");
      const body = value
        .map((item: Record<string, unknown>) => `<tr>${columns.map((column) => `<td>${htmlOf(item[column], column)}</td>`).join("")}</tr>`)
        .join("");
      return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
    return `<ul>${value.map((item) => `<li>${htmlOf(item, key)}</li>`).join("")}</ul>`;
  }
  return `<dl>${Object.entries(value)
    .map(([name, item]) => `<dt>${escapeHtml(name)}</dt><dd>${htmlOf(item, name)}</dd>`)
    .join("")}</dl>`;
}

function requireRoles(user: CurrentUser | null, roles?: Role[]): CurrentUser {
  if (!user || user.mustChangePassword) throw new HttpError(401);
  if (roles && !hasAnyRole(user.roles, roles)) throw new HttpError(403);
  return user;
}

type Page = { title: string; data: unknown };

async function ideaListPage(handle: DatabaseHandle): Promise<Page> {
  const settings = await getAppSettings(handle.db);
  const [page, tree, divisions] = await Promise.all([
    listIdeas(handle.db, { filters: { search: "" }, sort: "newest", cursor: null, limit: IDEAS_PAGE_SIZE, timeZone: settings.fiscalCalendar.timeZone }),
    getPlanTree(handle.db),
    listDivisions(handle.db),
  ]);
  return {
    title: "ไอเดีย",
    data: {
      ideas: page.rows.map((row) => ({ ...row, authors: row.authors.map((author) => author.nameTh), tags: row.tags.join(", ") })),
      next: page.nextCursor,
      plans: tree.flatMap((strategy) => strategy.plans.map((plan) => `${plan.code} ${plan.nameTh}`)),
      divisions: divisions.map((division) => division.nameTh),
      fiscalYears: fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE).reverse(),
    },
  };
}

async function ideaPage(handle: DatabaseHandle, user: CurrentUser, ideaId: number): Promise<Page> {
  const { fiscalCalendar } = await getAppSettings(handle.db);
  const idea = await getIdeaDetail(handle.db, ideaId, fiscalCalendar.timeZone);
  if (!idea) throw new HttpError(404);
  const [votes, comments, following] = await Promise.all([
    getVoteSummary(handle.db, ideaId, user.personId),
    listComments(handle.db, ideaId),
    isFollowing(handle.db, ideaId, user.personId),
  ]);
  const { problem, solution, benefit, ...rest } = idea;
  return {
    title: idea.title,
    data: {
      idea: { ...rest, problemHtml: renderMarkdown(problem), solutionHtml: renderMarkdown(solution), benefitHtml: renderMarkdown(benefit) },
      votes,
      comments: comments.map(({ body: _source, ...comment }) => comment),
      following,
    },
  };
}

async function boardPage(handle: DatabaseHandle): Promise<Page> {
  const settings = await getAppSettings(handle.db);
  const [columns, options] = await Promise.all([
    getBoard(handle.db, { filters: {}, timeZone: settings.fiscalCalendar.timeZone, perColumn: BOARD_CARDS_PER_COLUMN }),
    loadBoardFilterOptions(handle.db, { locale: "th", planPeriod: settings.planPeriod }),
  ]);
  const now = Date.now();
  return {
    title: "บอร์ด",
    data: {
      columns: columns.map((column) => ({
        stage: column.stage,
        count: column.count,
        cards: column.cards.map((card) => ({
          id: card.id,
          title: card.title,
          voteCount: card.voteCount,
          daysInStage: Math.max(0, Math.floor((now - card.stageChangedAt.getTime()) / 86_400_000)),
          divisions: card.divisions.map((division) => division.th).join(", "),
        })),
      })),
      options,
    },
  };
}

async function dashboardPage(handle: DatabaseHandle): Promise<Page> {
  const settings = await getAppSettings(handle.db);
  const planYears = fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE);
  const running = fiscalYearOf(new Date(), settings.fiscalCalendar);
  const fiscalYearBE = planYears.includes(running) ? running : planYears[planYears.length - 1];
  const [year, trend] = await Promise.all([yearIndicators(handle.db, fiscalYearBE, {}), planTrend(handle.db)]);
  return { title: "ตัวชี้วัด", data: { fiscalYearBE, planYears, year, trend } };
}

/** Node's request as the Web Request the session functions read (only the cookie matters). */
function webRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  if (request.headers.cookie) headers.set("Cookie", request.headers.cookie);
  return new Request(`http://${request.headers.host ?? "localhost"}${request.url ?? "/"}`, { headers });
}

async function respond(handle: DatabaseHandle, request: IncomingMessage, response: ServerResponse, sampleIdeaId: number | null) {
  const url = new URL(request.url ?? "/", "http://limit");
  if (url.pathname === "/healthz") {
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ ok: true, engine: handle.engine, sampleIdeaId }));
    return;
  }
  if (url.pathname === "/bench-session" && sampleIdeaId !== null) {
    // Demo on PGlite only: the limit's copy has its own sessions table, so the bench asks it for
    // a session of the same demo account (lucia's createSession, as the app's sign-in does).
    const username = url.searchParams.get("username") ?? "";
    const [account] = await handle.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    if (!account) throw new HttpError(404);
    const cookie = await startSession(account.id);
    response.writeHead(200, { "Content-Type": "text/plain" }).end(cookie.split(";")[0]);
    return;
  }
  const { user } = await getRequestAuth(webRequest(request));
  const ideaMatch = /^\/ideas\/(\d+)$/.exec(url.pathname);
  let route: (() => Promise<Page>) | null = null;
  let signedIn: CurrentUser;
  if (url.pathname === "/ideas") {
    signedIn = requireRoles(user);
    route = () => ideaListPage(handle);
  } else if (ideaMatch) {
    signedIn = requireRoles(user);
    const ideaId = Number(ideaMatch[1]);
    route = () => ideaPage(handle, signedIn, ideaId);
  } else if (url.pathname === "/committee") {
    signedIn = requireRoles(user, ["committee"]);
    route = () => boardPage(handle);
  } else if (url.pathname === "/dashboard") {
    signedIn = requireRoles(user, ["executive", "hr"]);
    route = () => dashboardPage(handle);
  } else {
    throw new HttpError(404);
  }
  // The root loader's queries run beside the page's, as in Remix.
  const [[, unread], page] = await Promise.all([Promise.all([getAppSettings(handle.db), countUnread(handle.db, signedIn.personId)]), route()]);
  const html = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title></head><body><header>${escapeHtml(signedIn.displayNameTh)} · ${unread}</header><main>${htmlOf(page.data)}</main></body></html>`;
  response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html) }).end(html);
}

/** Serve the limit pages; `sampleIdeaId` is reported on /healthz (the demo's idea to benchmark). */
export async function startLimitServer(handle: DatabaseHandle, port: number, options: { host?: string; sampleIdeaId?: number } = {}) {
  setDatabase(handle);
  const server = createServer((request, response) => {
    respond(handle, request, response, options.sampleIdeaId ?? null).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error("[limit]", error);
      if (!response.headersSent) response.writeHead(status, { "Content-Type": "text/plain" });
      response.end(String(status));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, options.host ?? "127.0.0.1", resolve));
  return server;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const port = Number(process.env.LIMIT_PORT ?? 3202);
  const databaseUrl = process.env.DATABASE_URL;
  if (process.env.LIMIT_SMALL !== "1" && !databaseUrl) {
    console.error("Set DATABASE_URL, or LIMIT_SMALL=1 for the demo on PGlite");
    process.exit(2);
  }
  const small = databaseUrl && process.env.LIMIT_SMALL !== "1" ? null : await openSmallOrganisation();
  const handle = small ? small.handle : await openDatabase({ databaseUrl: databaseUrl ?? "" });
  const server = await startLimitServer(handle, port, { sampleIdeaId: small?.sampleIdeaId });
  console.log(`[limit] listening on http://127.0.0.1:${port} (${handle.engine})`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void handle.close().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
