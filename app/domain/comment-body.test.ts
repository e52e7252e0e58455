import { checkCommentBody, COMMENT_MAX_LENGTH } from "./comment-body";

describe("checkCommentBody", () => {
  it("trims and keeps the text", () => {
    expect(checkCommentBody("  ดีมากครับ \n")).toEqual({ ok: true, body: "ดีมากครับ" });
  });

  it("normalises line endings from a form post", () => {
    expect(checkCommentBody("a\r\nb\rc")).toEqual({ ok: true, body: "a\nb\nc" });
  });

  it("refuses an empty or blank body, or anything that is not text", () => {
    for (const raw of ["", "   \n\t ", "\u200b\u200b\u200b", " \u200d\ufeff ", null, undefined, 42]) {
      expect(checkCommentBody(raw)).toEqual({ ok: false, problem: "engagement.comment.required" });
    }
  });

  it(`accepts exactly ${COMMENT_MAX_LENGTH} characters (Thai counted by code point) and refuses one more`, () => {
    const thai = "ก".repeat(COMMENT_MAX_LENGTH);
    expect(checkCommentBody(thai)).toEqual({ ok: true, body: thai });
    expect(checkCommentBody(`${thai}ก`)).toEqual({ ok: false, problem: "engagement.comment.tooLong" });
    // An emoji is one character though two UTF-16 units.
    const emoji = "😀".repeat(COMMENT_MAX_LENGTH);
    expect(checkCommentBody(emoji).ok).toBe(true);
  });
});
