import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSearchText, escapeLikePattern, parseSearchTerms, parseTags, MAX_SEARCH_TERMS } from "./idea-search";
import { decodeIdeaCursor, encodeIdeaCursor, IDEA_SORTS } from "./idea-cursor";

describe("search terms", () => {
  it("split on spaces, lower-case, keep Thai whole", () => {
    expect(parseSearchTerms("  น้ำท่วม   LINE  น้ำท่วม ")).toEqual(["น้ำท่วม", "line"]);
  });
  it("are bounded in number and length", () => {
    expect(parseSearchTerms(Array.from({ length: 20 }, (_, i) => `t${i}`).join(" "))).toHaveLength(MAX_SEARCH_TERMS);
    expect(parseSearchTerms("ก".repeat(500))[0]).toHaveLength(60);
  });
  it("escape LIKE wildcards", () => {
    expect(escapeLikePattern("100%_a\\b")).toBe("100\\%\\_a\\\\b");
  });
  it("search text holds every part, lower-cased", () => {
    const text = buildSearchText({ title: "ระบบ LINE", problem: "ปัญหา", solution: "แก้", benefit: "ดี", tags: ["น้ำ"], authorNames: ["สมชาย"] });
    for (const part of ["ระบบ line", "ปัญหา", "แก้", "ดี", "น้ำ", "สมชาย"]) expect(text).toContain(part);
  });
  it("a Thai text pasted with zero-width spaces between its words is found by the words typed without them", () => {
    const text = buildSearchText({ title: "ระบบแจ้ง\u200Bซ่อม\u200Bถนน", problem: "ปัญหา", solution: "แก้", benefit: "ดี", tags: [], authorNames: [] });
    for (const term of parseSearchTerms("แจ้งซ่อม")) expect(text).toContain(term);
    // and a query pasted with them finds the text typed without them
    const typed = buildSearchText({ title: "ระบบแจ้งซ่อมถนน", problem: "ปัญหา", solution: "แก้", benefit: "ดี", tags: [], authorNames: [] });
    expect(parseSearchTerms("แจ้ง\u200Bซ่อม \u200B")).toEqual(["แจ้งซ่อม"]);
    for (const term of parseSearchTerms("แจ้ง\u200Bซ่อม")) expect(typed).toContain(term);
  });
});

describe("tags", () => {
  it("split on commas (Thai and Latin), trim and de-duplicate", () => {
    expect(parseTags("ผู้สูงอายุ, ภัยพิบัติ，ผู้สูงอายุ、 #ลดกระดาษ").tags).toEqual(["ผู้สูงอายุ", "ภัยพิบัติ", "ลดกระดาษ"]);
  });
  it("a tag of invisible characters only is no tag, and one pasted with a zero-width space is the same tag", () => {
    expect(parseTags("ถนน, \u200B, \u200E\u200F").tags).toEqual(["ถนน"]);
    expect(parseTags("ถนน\u200B, ถนน").tags).toEqual(["ถนน"]);
  });
  it("flag too many and too long", () => {
    expect(parseTags("a,b,c,d,e,f").tooMany).toBe(true);
    expect(parseTags("ก".repeat(31)).tooLong).toBe(true);
  });
});

describe("idea cursor", () => {
  it("round-trips for every sort", () => {
    fc.assert(
      fc.property(fc.constantFrom(...IDEA_SORTS), fc.nat(), fc.nat({ max: 10_000_000 }), (sort, id, count) => {
        const key = sort === "newest" ? new Date(1_600_000_000_000 + count * 1000).toISOString() : count;
        expect(decodeIdeaCursor(encodeIdeaCursor({ sort, key, id }), sort)).toEqual({ sort, key, id });
      }),
    );
  });
  it("refuses junk and a cursor of another sort", () => {
    const votes = encodeIdeaCursor({ sort: "votes", key: 3, id: 9 });
    expect(decodeIdeaCursor(votes, "newest")).toBeNull();
    for (const junk of [null, "", "!!!", "e30", Buffer.from('["votes",-1,2]').toString("base64url"), "a".repeat(300)]) {
      expect(decodeIdeaCursor(junk, "votes")).toBeNull();
    }
  });
  it("refuses values the database could not compare (each was a server error)", () => {
    const crafted = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString("base64url");
    expect(decodeIdeaCursor(crafted(["votes", 1, 3_000_000_000]), "votes")).toBeNull();
    expect(decodeIdeaCursor(crafted(["votes", 3_000_000_000, 1]), "votes")).toBeNull();
    expect(decodeIdeaCursor(crafted(["newest", "1", 1]), "newest")).toBeNull();
    expect(decodeIdeaCursor(crafted(["newest", "+275760-09-13T00:00:00.000Z", 1]), "newest")).toBeNull();
    expect(decodeIdeaCursor(crafted(["newest", "2026-02-30T00:00:00.000Z", 1]), "newest")).toBeNull();
    expect(decodeIdeaCursor(crafted(["votes", 2_147_483_647, 2_147_483_647]), "votes")).toEqual({ sort: "votes", key: 2_147_483_647, id: 2_147_483_647 });
  });
});
