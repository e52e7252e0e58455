import { describe, expect, it } from "vitest";
import { renderDocument } from "./render-document.server";

// Thai letters are three bytes each in UTF-8, so a run of them crosses any byte boundary the
// renderer may have (React 18's stream writer cut its 2 KB buffers there and padded with NUL).
const THAI = "ระบบจองคิวผู้สูงอายุ หมู่ 5 ไฟฟ้าส่องสว่าง";

function page(lead: string, paragraphs: number) {
  return (
    <html lang="th">
      <body>
        <p>{lead}</p>
        {Array.from({ length: paragraphs }, (_, index) => (
          <p key={index} title={`${THAI} ${index}`}>
            {THAI} {index}
          </p>
        ))}
      </body>
    </html>
  );
}

describe("renderDocument", () => {
  it("starts with the doctype, once", () => {
    const html = renderDocument(page("", 1));
    expect(html.startsWith("<!DOCTYPE html><html")).toBe(true);
    expect(html.match(/<!DOCTYPE/g)).toHaveLength(1);
  });

  // Every alignment of the Thai text against the writer's buffers: leads of 0–5 ASCII bytes
  // shift the whole page by one byte each, and 300 paragraphs span ~30 KB.
  it.each([0, 1, 2, 3, 4, 5])("writes Thai text and attributes whole (lead of %i bytes)", (leadLength) => {
    const html = renderDocument(page("x".repeat(leadLength), 300));
    expect(html).not.toContain("\u0000");
    expect(html).not.toContain("\uFFFD");
    for (let index = 0; index < 300; index++) {
      expect(html).toContain(`<p title="${THAI} ${index}">${THAI}<!-- --> <!-- -->${index}</p>`);
    }
    // And as bytes on the wire: the UTF-8 round trip is exact.
    expect(Buffer.from(html, "utf8").toString("utf8")).toBe(html);
  });
});
