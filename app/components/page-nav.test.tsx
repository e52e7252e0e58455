import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { PageNav, usePeopleCaption } from "./page-nav";

// The roster's pager and caption as the server renders them: plain links (no JavaScript needed),
// a named nav, the current page marked, the count as words.

async function render(element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ locale: "th", timeZone: "Asia/Bangkok", englishMessages: null }), element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

const hrefOf = (page: number) => `/roster?show=all&q=%E0%B8%81${page > 1 ? `&page=${page}` : ""}`;

function Caption(props: { total: number; from: number; to: number; pageCount: number }) {
  return <p>{usePeopleCaption()(props)}</p>;
}

describe("the pager", () => {
  it("a middle page: a named nav with first, previous, next and last links that keep the filters, and the current page marked", async () => {
    const html = await render(<PageNav page={2} pageCount={3} hrefOf={hrefOf} label="หน้าของรายชื่อบุคลากร" />);
    expect(html).toContain('<nav class="pager" aria-label="หน้าของรายชื่อบุคลากร">');
    expect(html).toContain('href="/roster?show=all&amp;q=%E0%B8%81">« หน้าแรก</a>');
    expect(html).toMatch(/<a rel="prev"[^>]* href="\/roster\?show=all&amp;q=%E0%B8%81">‹ หน้าก่อน<\/a>/);
    expect(html).toContain('<span aria-current="page">หน้า 2 จาก 3</span>');
    expect(html).toMatch(/<a rel="next"[^>]* href="\/roster\?show=all&amp;q=%E0%B8%81&amp;page=3">หน้าถัดไป ›<\/a>/);
    expect(html).toContain('href="/roster?show=all&amp;q=%E0%B8%81&amp;page=3">หน้าสุดท้าย »</a>');
  });

  it("the first page has no link back, the last none forward, a single page no pager", async () => {
    const first = await render(<PageNav page={1} pageCount={3} hrefOf={hrefOf} label="x" />);
    expect(first).not.toContain("หน้าก่อน");
    expect(first).toContain("หน้าถัดไป");
    const last = await render(<PageNav page={3} pageCount={3} hrefOf={hrefOf} label="x" />);
    expect(last).toContain("หน้าก่อน");
    expect(last).not.toContain("หน้าถัดไป");
    expect(await render(<PageNav page={1} pageCount={1} hrefOf={hrefOf} label="x" />)).toBe("");
  });

  it("the caption says which people of how many are shown", async () => {
    expect(await render(<Caption total={20000} from={101} to={200} pageCount={200} />)).toBe("<p>แสดงคนที่ 101–200 จาก 20,000 คน</p>");
    expect(await render(<Caption total={40} from={1} to={40} pageCount={1} />)).toBe("<p>40 คน</p>");
    expect(await render(<Caption total={0} from={0} to={0} pageCount={1} />)).toBe("<p>ไม่พบบุคลากรตามเงื่อนไขนี้</p>");
  });
});
