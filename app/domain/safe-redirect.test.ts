import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirectPath("/admin/accounts?x=1")).toBe("/admin/accounts?x=1");
  });
  it("refuses other hosts and tricks", () => {
    for (const target of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", "/\nx", null, 42]) {
      expect(safeRedirectPath(target)).toBe("/");
    }
  });
});
