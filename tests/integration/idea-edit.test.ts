/**
 * The author's edit page as a browser without JavaScript meets it: the route's action and
 * loader run by a static data router (action first on a POST, then the loaders, as Remix does)
 * and the page rendered to HTML with their data. What the author typed is never lost, and a
 * refusal is said once, in words that fit why (review started, or the idea was withdrawn).
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { action as reviewAction } from "../../app/routes/committee.ideas.$ideaId";
import * as editRoute from "../../app/routes/ideas.$ideaId.edit";
import { ideasFormMessages } from "../../app/i18n/catalogue/ideas-form";
import type { Database } from "../../db/client.server";
import { insertIdea } from "./fixtures/ideas";
import { formBody, routeClient, type RouteFunction } from "./route-client";
import { engineName, withDemoDatabaseForFile } from "./test-database";

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const client = routeClient(() => db);

const editPath = (ideaId: number) => `/ideas/${ideaId}/edit`;

/** The edit page's HTML for `request` (GET or POST), with the status the document would have. */
async function renderEditPage(ideaId: number, request: Request): Promise<{ status: number; html: string }> {
  const handler = createStaticHandler([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "th", timeZone: "Asia/Bangkok", englishMessages: null }),
      children: [
        {
          id: "routes/ideas.$ideaId.edit",
          path: "ideas/:ideaId/edit",
          loader: ({ request, params }) => editRoute.loader({ request, params, context: {} }),
          action: ({ request, params }) => editRoute.action({ request, params, context: {} }),
          element: createElement(editRoute.default),
        },
      ],
    },
  ]);
  const context = await handler.query(request);
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  if (context.errors) throw new Error(`route error: ${JSON.stringify(context.errors)}`);
  const html = renderToStaticMarkup(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
  return { status: context.statusCode, html };
}

async function postedPage(ideaId: number, username: string, fields: Record<string, string | string[]>) {
  const request = new Request(`http://localhost${editPath(ideaId)}`, { method: "POST", headers: { Cookie: await client.cookieOf(username) }, body: formBody(fields) });
  return renderEditPage(ideaId, request);
}

async function shownPage(ideaId: number, username: string) {
  return renderEditPage(ideaId, new Request(`http://localhost${editPath(ideaId)}`, { headers: { Cookie: await client.cookieOf(username) } }));
}

const occurrences = (html: string, text: string) => html.split(text).length - 1;
const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

let ideaNumber = 0;
const makeIdea = () => insertIdea(db, { title: `ไอเดียทดสอบหน้าแก้ไข ${++ideaNumber}`, stage: "submitted", authorCodes: ["LS025"], history: "submitted" });

const typed = {
  intent: "submit",
  title: "ลดเวลารอคิวรับเอกสารที่งานทะเบียน",
  problem: "ประชาชนรอคิวนานเกินสองชั่วโมง <ข้อความที่พิมพ์ใหม่> & ไม่มีที่นั่งพอ",
  solution: "ใช้บัตรคิวออนไลน์ แจ้งเตือนทาง LINE เมื่อใกล้ถึงคิว",
  benefit: "ลดความแออัดในสำนักงาน",
  planId: "",
  tags: "บริการประชาชน, คิว",
  coAuthor: ["LS016", "", ""],
};

describe(`the author's edit page when the committee starts reviewing mid-edit (${engineName})`, () => {
  it("the refused save (409) keeps every field typed on screen, read-only, under one notice", async () => {
    const ideaId = await makeIdea();
    expect((await shownPage(ideaId, "LS025")).html).toContain('name="problem"');
    // LS005 moves it to screening while LS025 is typing.
    const moved = await client.post(reviewAction as RouteFunction, `/committee/ideas/${ideaId}`, "LS005", { intent: "move", from: "submitted", to: "screening", reason: "ผ่านเกณฑ์เบื้องต้น" }, { ideaId: String(ideaId) });
    expect(moved.status).toBe(302);

    // The action's answer carries the text typed.
    const answer = await client.post(editRoute.action as RouteFunction, editPath(ideaId), "LS025", typed, { ideaId: String(ideaId) });
    expect(answer.status).toBe(409);
    const data = (await answer.json()) as { refusal: string; values: Record<string, unknown> };
    expect(data.refusal).toBe("ideas.error.locked");
    expect(data.values).toMatchObject({ title: typed.title, problem: typed.problem, solution: typed.solution, benefit: typed.benefit, tags: typed.tags });

    // The page (no JavaScript: the post's own document) shows it, once, with the notice once.
    const { status, html } = await postedPage(ideaId, "LS025", typed);
    expect(status).toBe(409);
    expect(occurrences(html, ideasFormMessages["ideas.error.locked"])).toBe(1);
    for (const text of [typed.title, typed.problem, typed.solution, typed.benefit, typed.tags, "LS016"]) expect(occurrences(html, escaped(text)), text).toBe(1);
    // Read-only: nothing there can be saved again, and no withdraw form either.
    expect(html).not.toContain('name="intent"');
    expect(html).toMatch(/<textarea[^>]*readonly=""[^>]*>ประชาชนรอคิวนาน/);
  });

  it("a refused withdrawal (review started) shows the reason typed back in its field, read-only, under one notice", async () => {
    const ideaId = await makeIdea();
    await client.post(reviewAction as RouteFunction, `/committee/ideas/${ideaId}`, "LS005", { intent: "move", from: "submitted", to: "screening", reason: "ผ่านเกณฑ์เบื้องต้น" }, { ideaId: String(ideaId) });
    const reason = "  งบประมาณไม่พอ <ปีนี้> & ขอเสนอใหม่ปีหน้า";
    const { status, html } = await postedPage(ideaId, "LS025", { intent: "withdraw", reason });
    expect(status).toBe(409);
    expect(occurrences(html, ideasFormMessages["ideas.error.locked"])).toBe(1);
    const field = html.match(/<input[^>]*id="withdraw-reason"[^>]*>/)?.[0] ?? "";
    expect(field).toContain(`value="${escaped(reason)}"`);
    expect(field).toContain('readonly=""');
    // Nothing there can be sent again.
    expect(html).not.toContain('name="intent"');
    // A GET afterwards has no reason to show, so no withdraw section.
    expect((await shownPage(ideaId, "LS025")).html).not.toContain("withdraw-reason");
  });

  it("a GET of an idea under review shows the notice once and no text box", async () => {
    const ideaId = await makeIdea();
    await client.post(reviewAction as RouteFunction, `/committee/ideas/${ideaId}`, "LS005", { intent: "move", from: "submitted", to: "screening", reason: "ผ่านเกณฑ์เบื้องต้น" }, { ideaId: String(ideaId) });
    const { html } = await shownPage(ideaId, "LS025");
    expect(occurrences(html, ideasFormMessages["ideas.error.locked"])).toBe(1);
    expect(html).not.toContain("<textarea");
  });
});

describe(`the author's edit page of a withdrawn idea (${engineName})`, () => {
  const withdrawnNotice = () => ideasFormMessages["ideas.error.withdrawn" as keyof typeof ideasFormMessages];

  it("says it was withdrawn, once, on a GET and when the withdraw form is sent again; never that the committee is reviewing", async () => {
    const ideaId = await makeIdea();
    const withdrawn = await client.post(editRoute.action as RouteFunction, editPath(ideaId), "LS025", { intent: "withdraw", reason: "ซ้ำกับงานประจำ" }, { ideaId: String(ideaId) });
    expect(withdrawn.status).toBe(302);
    expect(withdrawnNotice()).toMatch(/ถอน/);

    const shown = await shownPage(ideaId, "LS025");
    expect(occurrences(shown.html, withdrawnNotice())).toBe(1);
    expect(shown.html).not.toContain(ideasFormMessages["ideas.error.locked"]);

    // The back button and the withdraw form sent again.
    const again = await postedPage(ideaId, "LS025", { intent: "withdraw", reason: "ซ้ำกับงานประจำ" });
    expect(again.status).toBe(409);
    expect(occurrences(again.html, withdrawnNotice())).toBe(1);
    expect(again.html).not.toContain(ideasFormMessages["ideas.error.locked"]);
    expect(again.html).toMatch(/<input[^>]*id="withdraw-reason"[^>]*value="ซ้ำกับงานประจำ"/);

    // A save sent after the withdrawal: the same words, and the text typed kept.
    const saved = await postedPage(ideaId, "LS025", typed);
    expect(saved.status).toBe(409);
    expect(occurrences(saved.html, withdrawnNotice())).toBe(1);
    expect(saved.html).not.toContain(ideasFormMessages["ideas.error.locked"]);
    expect(saved.html).toContain(escaped(typed.problem));
  });
});

describe(`invisible text is no text (${engineName})`, () => {
  it("a new idea whose title and texts are only zero-width spaces is refused as empty, what was typed kept", async () => {
    const { action: newIdeaAction } = await import("../../app/routes/ideas.new");
    const zeroWidth = (count: number) => "\u200b".repeat(count);
    const response = await client.post(newIdeaAction as RouteFunction, "/ideas/new", "LS025", {
      title: zeroWidth(6),
      problem: zeroWidth(12),
      solution: `${zeroWidth(12)} \u2060`,
      benefit: "ประโยชน์ที่มองเห็นได้จริงของไอเดียนี้",
    });
    expect(response.status).toBe(400);
    const data = (await response.json()) as { fieldErrors: Record<string, string>; values: Record<string, string> };
    expect(data.fieldErrors).toMatchObject({ title: "ideas.error.required", problem: "ideas.error.required", solution: "ideas.error.required" });
    expect(data.fieldErrors.benefit).toBeUndefined();
    expect(data.values.benefit).toBe("ประโยชน์ที่มองเห็นได้จริงของไอเดียนี้");
  });
});
