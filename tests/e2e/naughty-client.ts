import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./fixtures";

// Form posts and GETs for the naughty-strings spec, through a browser context's own request
// context (its cookies are the pages' cookies), with a same-origin Origin header as a browser
// sends on a form post. Every response goes into a ledger that the spec asserts on at the end.
//
// Bulk requests are Remix data requests (`?_data=<route id>`): the request a browser with
// JavaScript makes when a <Form> is submitted — the same action or loader, without rendering the
// whole document for every string. A redirect then comes back as 204 with X-Remix-Redirect, read
// here as the 302 it stands for. Replies that are rendered in Chromium are asked for as documents.

/** Route module ids of the app, by the address they answer (flat routes, `?index` for index routes with actions). */
const ROUTE_IDS: readonly [RegExp, string][] = [
  [/^\/login$/, "routes/login"],
  [/^\/account\/password$/, "routes/account.password"],
  [/^\/ideas$/, "routes/ideas._index"],
  [/^\/ideas\/new$/, "routes/ideas.new"],
  [/^\/ideas\/mine$/, "routes/ideas.mine"],
  [/^\/ideas\/similar$/, "routes/ideas.similar"],
  [/^\/ideas\/\d+$/, "routes/ideas.$ideaId._index"],
  [/^\/ideas\/\d+\/edit$/, "routes/ideas.$ideaId.edit"],
  [/^\/ideas\/\d+\/comments$/, "routes/ideas.$ideaId.comments"],
  [/^\/comments\/\d+$/, "routes/comments.$commentId"],
  [/^\/notifications$/, "routes/notifications"],
  [/^\/committee$/, "routes/committee._index"],
  [/^\/committee\/list$/, "routes/committee.list"],
  [/^\/committee\/ideas\/\d+$/, "routes/committee.ideas.$ideaId"],
  [/^\/projects$/, "routes/projects._index"],
  [/^\/projects\/new$/, "routes/projects.new"],
  [/^\/projects\/\d+$/, "routes/projects.$projectId._index"],
  [/^\/projects\/\d+\/innovations\/new$/, "routes/projects.$projectId.innovations.new"],
  [/^\/innovations\/\d+$/, "routes/innovations.$innovationId._index"],
  [/^\/reports\/quarterly$/, "routes/reports.quarterly"],
  [/^\/reports\/yearly$/, "routes/reports.yearly"],
  [/^\/plan\/actions$/, "routes/plan.actions"],
  [/^\/plan\/lpa$/, "routes/plan.lpa"],
  [/^\/training$/, "routes/training._index"],
  [/^\/training\/mine$/, "routes/training.mine"],
  [/^\/training\/new$/, "routes/training.new"],
  [/^\/training\/\d+$/, "routes/training.$sessionId"],
  [/^\/training\/\d+\/attendance$/, "routes/training.$sessionId_.attendance"],
  [/^\/training\/\d+\/import$/, "routes/training.$sessionId_.import"],
  [/^\/roster$/, "routes/roster"],
  [/^\/roster\/new$/, "routes/roster_.new"],
  [/^\/roster\/import$/, "routes/roster_.import"],
  [/^\/roster\/\d+$/, "routes/roster_.$personId"],
  [/^\/roster\/\d+\/edit$/, "routes/roster_.$personId_.edit"],
  [/^\/dashboard$/, "routes/dashboard._index"],
  [/^\/dashboard\/people$/, "routes/dashboard.people"],
  [/^\/admin\/plan$/, "routes/admin.plan"],
  [/^\/admin\/criteria$/, "routes/admin.criteria"],
  [/^\/admin\/settings$/, "routes/admin.settings"],
  [/^\/admin\/participation$/, "routes/admin.participation"],
  [/^\/admin\/audit$/, "routes/admin.audit"],
  [/^\/admin\/accounts$/, "routes/admin.accounts._index"],
  [/^\/admin\/accounts\/[0-9a-f-]+$/, "routes/admin.accounts.$accountId"],
];

/** `path` (with its query) as a data request for the route that answers it. */
export function dataPath(path: string): string {
  const url = new URL(path, "http://naughty.invalid");
  const routeId = ROUTE_IDS.find(([pattern]) => pattern.test(url.pathname))?.[1];
  if (!routeId) throw new Error(`no route id known for ${url.pathname}: add it to ROUTE_IDS`);
  url.searchParams.set("_data", routeId);
  return url.pathname + url.search;
}

export type LedgerEntry = { field: string; method: "GET" | "POST"; path: string; status: number; sample: string };

/** Strings fed per listed field and per form field within it. */
export type Fed = Record<string, number>;

export class Ledger {
  readonly entries: LedgerEntry[] = [];
  /** Listed field → form field → strings sent (a packed chunk counts all the strings it holds). */
  readonly fed = new Map<string, Map<string, number>>();

  record(entry: LedgerEntry, fed: Fed): void {
    this.entries.push(entry);
    const byFormField = this.fed.get(entry.field) ?? new Map<string, number>();
    for (const [formField, count] of Object.entries(fed)) byFormField.set(formField, (byFormField.get(formField) ?? 0) + count);
    this.fed.set(entry.field, byFormField);
  }

  /** Responses with a 5xx status, readable in a failure message. */
  serverErrors(): string[] {
    return this.entries
      .filter((entry) => entry.status >= 500)
      .map((entry) => `${entry.status} ${entry.method} ${entry.path.slice(0, 200)} [${entry.field}] ${JSON.stringify(entry.sample.slice(0, 160))}`);
  }

  /** Responses of `field` whose status is not among `allowed` (a refusal that stored, say). */
  unexpected(field: string, allowed: readonly number[]): string[] {
    return this.entries
      .filter((entry) => entry.field === field && !allowed.includes(entry.status))
      .map((entry) => `${entry.status} ${entry.method} ${entry.path.slice(0, 200)} ${JSON.stringify(entry.sample.slice(0, 160))}`);
  }
}

export type FormValue = string | number;
export type Form = Record<string, FormValue | FormValue[]>;
export type Reply = { status: number; location: string | null; body: string; headers: Record<string, string> };

/** One signed-in person: their browser context (for rendering) and their requests. */
export class NaughtyClient {
  constructor(
    readonly context: BrowserContext,
    readonly username: string,
    private readonly baseURL: string,
    private readonly ledger: Ledger,
  ) {}

  private get request(): APIRequestContext {
    return this.context.request;
  }

  /** Signs in through the real form action; the session cookie lands in the browser context. */
  async signIn(): Promise<void> {
    const response = await this.request.post("/login", {
      form: { username: this.username, password: DEMO_PASSWORD },
      headers: { Origin: this.baseURL },
      maxRedirects: 0,
    });
    if (response.status() !== 302) throw new Error(`sign-in of ${this.username} answered ${response.status()}`);
  }

  /**
   * A form post, urlencoded, as a data request unless `document` is set. Redirects are not
   * followed, so a created record's address can be read from `location`.
   */
  async post(field: string, path: string, form: Form, options: { fed?: Fed; sample?: string; document?: boolean } = {}): Promise<Reply> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, String(item));
    }
    const response = await retryReset(() =>
      this.request.post(options.document ? path : dataPath(path), {
        data: body.toString(),
        headers: { Origin: this.baseURL, "Content-Type": "application/x-www-form-urlencoded" },
        maxRedirects: 0,
      }),
    );
    return this.finish(field, "POST", path, response, options);
  }

  /** A multipart post carrying one file (the CSV imports), as a document request. */
  async upload(field: string, path: string, file: { name: string; mimeType: string; buffer: Buffer }, fed: Fed): Promise<Reply> {
    const response = await this.request.post(path, { multipart: { file }, headers: { Origin: this.baseURL }, maxRedirects: 0 });
    return this.finish(field, "POST", path, response, { fed, sample: file.name });
  }

  /** A GET, as a data request unless `document` is set; `field` empty means "not part of the corpus run". */
  async get(field: string, path: string, options: { fed?: Fed; sample?: string; document?: boolean } = {}): Promise<Reply> {
    const response = await retryReset(() => this.request.get(options.document ? path : dataPath(path), { maxRedirects: 0 }));
    return this.finish(field, "GET", path, response, options);
  }

  /** The page's HTML, which must load (200): used to read ids and versions the forms carry. */
  async html(path: string): Promise<string> {
    const response = await this.request.get(path);
    if (response.status() !== 200) throw new Error(`GET ${path} as ${this.username} answered ${response.status()}`);
    return response.text();
  }

  private async finish(
    field: string,
    method: "GET" | "POST",
    path: string,
    response: Awaited<ReturnType<APIRequestContext["get"]>>,
    options: { fed?: Fed; sample?: string },
  ): Promise<Reply> {
    const headers = response.headers();
    const remixRedirect = headers["x-remix-redirect"];
    const reply: Reply = {
      status: remixRedirect ? 302 : response.status(),
      location: remixRedirect ?? headers["location"] ?? null,
      body: await response.text(),
      headers,
    };
    if (field) this.ledger.record({ field, method, path, status: reply.status, sample: options.sample ?? "" }, options.fed ?? {});
    return reply;
  }
}

/**
 * One retry when the server closed a kept-alive connection just as it was reused (ECONNRESET
 * before any answer): the app almost always never saw the request, and every form here is
 * either refused or harmless to send twice.
 */
async function retryReset<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof Error) || !/ECONNRESET|socket hang up/.test(error.message)) throw error;
    return send();
  }
}

/** Runs `work` over `items` with at most `limit` in flight; results in input order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The id in a redirect such as `/ideas/123?created=1`, or an error saying what came back. */
export function idFromLocation(reply: Reply, pattern: RegExp): number {
  const match = reply.location ? pattern.exec(reply.location) : null;
  if (!match) throw new Error(`expected a redirect matching ${pattern}, got ${reply.status} ${reply.location ?? ""}: ${reply.body.slice(0, 300)}`);
  return Number(match[1]);
}

/** The first capture of `pattern` in `html`, or an error naming what was looked for. */
export function pick(html: string, pattern: RegExp, what: string): string {
  const match = pattern.exec(html);
  if (!match) throw new Error(`could not find ${what} in the page`);
  return match[1];
}

/** HTML attribute values come back entity-encoded; this undoes what React writes. */
export function unescapeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
