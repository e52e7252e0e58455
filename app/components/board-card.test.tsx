import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import type { IdeaStage } from "../domain/idea-stages";
import { BoardCard, useBoardCardText } from "./board-card";

// What a card offers depends on its stage (PRODUCT.md §4's move table): the committee's moves as
// a small form, a note where only the system moves the idea on, nothing where no one does.

/** Server-rendered HTML of `element` under a root route whose data says Thai (what useI18n reads). */
async function render(element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ locale: "th", timeZone: "Asia/Bangkok", englishMessages: null }), element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

function Board({ stages }: { stages: IdeaStage[] }) {
  const text = useBoardCardText();
  return (
    <>
      {stages.map((stage, index) => (
        <BoardCard key={stage} card={{ id: 100 + index, title: `ไอเดีย ${stage}`, stage, voteCount: 3, daysInStage: 2, divisionNames: [] }} moveAction="/committee?index" text={text} />
      ))}
    </>
  );
}

const cardOf = (html: string, stage: IdeaStage) => html.slice(html.indexOf(`ไอเดีย ${stage}`), html.indexOf("</article>", html.indexOf(`ไอเดีย ${stage}`)));

describe("a card on the committee's board", () => {
  it("offers the committee's moves from its stage, a step back labelled as such", async () => {
    const html = await render(<Board stages={["committee_review"]} />);
    const card = cardOf(html, "committee_review");
    expect(card).toContain('<input type="hidden" name="from" value="committee_review"/>');
    expect([...card.matchAll(/<option value="([a-z_]+)"/g)].map((match) => match[1])).toEqual(["approved", "screening", "not_adopted", "duplicate"]);
    expect(card).toMatch(/<option value="screening">ส่งกลับ[^<]*<\/option>/);
  });

  it("says the system moves it on where only the system does, and offers nothing where no one does", async () => {
    const html = await render(<Board stages={["approved", "in_progress", "implemented", "withdrawn"]} />);
    for (const stage of ["approved", "in_progress"] as const) {
      expect(cardOf(html, stage)).toContain('<p class="muted board-card__note">เลื่อนเองตามโครงการ</p>');
      expect(cardOf(html, stage)).not.toContain("<form");
    }
    for (const stage of ["implemented", "withdrawn"] as const) {
      expect(cardOf(html, stage)).not.toContain("board-card__note");
      expect(cardOf(html, stage)).not.toContain("<form");
    }
  });
});
