import { describe, expect, it } from "vitest";
import { readSubmissionToken } from "./submission-token";

describe("submission token", () => {
  it("accepts the UUID a loader made, and nothing else", () => {
    const token = crypto.randomUUID();
    expect(readSubmissionToken(token)).toBe(token);
    for (const value of [null, "", "abc", `${token}x`, token.toUpperCase(), "------------------------------------"]) expect(readSubmissionToken(value)).toBeNull();
    expect(readSubmissionToken(new File([token], "token.txt"))).toBeNull();
  });
});
