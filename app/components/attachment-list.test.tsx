import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { AttachmentList, type AttachmentItem } from "./attachment-list";

// Who uploaded each evidence file, by the name the reader reads (PRODUCT.md §5): English where
// the roster has one, for an English reader; Thai otherwise.

/** Server-rendered HTML of `element` under a root route whose data says `locale` (what useI18n reads). */
async function render(element: ReactElement, locale: "th" | "en"): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ locale, timeZone: "Asia/Bangkok", englishMessages: null }), element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

const file = (id: number, uploadedByNameTh: string | null, uploadedByNameEn: string | null): AttachmentItem => ({
  id,
  fileName: `file-${id}.pdf`,
  contentType: "application/pdf",
  sizeBytes: 2048,
  createdAt: "2026-11-25T03:00:00.000Z",
  uploadedByNameTh,
  uploadedByNameEn,
});

describe("an evidence file's uploader", () => {
  const files = [file(1, "นางสาวปิยะนุช บุญมา", "Piyanuch Boonma"), file(2, "นายมาใหม่ ยังไม่มีบัญชี", null), file(3, null, null)];

  it("is named in English for an English reader where the roster has an English name, else in Thai", async () => {
    const html = await render(<AttachmentList attachments={files} redirectTo="/" />, "en");
    expect(html).toContain("Piyanuch Boonma");
    expect(html).not.toContain("นางสาวปิยะนุช บุญมา");
    expect(html).toContain("นายมาใหม่ ยังไม่มีบัญชี");
  });

  it("is named in Thai for a Thai reader", async () => {
    const html = await render(<AttachmentList attachments={files} redirectTo="/" />, "th");
    expect(html).toContain("นางสาวปิยะนุช บุญมา");
    expect(html).not.toContain("Piyanuch Boonma");
  });
});
