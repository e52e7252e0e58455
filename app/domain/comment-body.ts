import { visibleLength } from "./visible-text";

/** A comment's markdown source: trimmed, 1 to COMMENT_MAX_LENGTH characters. Returns message keys. */
export const COMMENT_MAX_LENGTH = 5000;

export type CommentBodyProblem = "engagement.comment.required" | "engagement.comment.tooLong";

export type CommentBodyCheck = { ok: true; body: string } | { ok: false; problem: CommentBodyProblem };

export function checkCommentBody(raw: unknown): CommentBodyCheck {
  const body = typeof raw === "string" ? raw.replace(/\r\n?/g, "\n").trim() : "";
  // Characters as a person counts them roughly: code points, not UTF-16 units.
  const length = [...body].length;
  // Empty as a reader sees it: white space and zero-width characters only.
  if (visibleLength(body) === 0) return { ok: false, problem: "engagement.comment.required" };
  if (length > COMMENT_MAX_LENGTH) return { ok: false, problem: "engagement.comment.tooLong" };
  return { ok: true, body };
}
