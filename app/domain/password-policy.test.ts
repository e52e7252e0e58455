import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("accepts a long enough password, Thai included", () => {
    expect(passwordProblem("ช้างเผือกสามตัว", { username: "LS001" })).toBeNull();
    expect(passwordProblem("correct horse", { username: "LS001" })).toBeNull();
  });
  it("counts characters, not UTF-16 units or bytes", () => {
    expect(passwordProblem("😀😀😀😀", { username: "x" })).toBe("password.tooShort");
  });
  it("refuses short, huge, username and unchanged passwords", () => {
    expect(passwordProblem("1234567", { username: "LS001" })).toBe("password.tooShort");
    expect(passwordProblem("a".repeat(129), { username: "LS001" })).toBe("password.tooLong");
    expect(passwordProblem("ls001abc", { username: "LS001ABC" })).toBe("password.sameAsUsername");
    expect(passwordProblem("samesame1", { username: "LS001", currentPassword: "samesame1" })).toBe("password.mustDiffer");
  });
});
