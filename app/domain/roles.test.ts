import { describe, expect, it } from "vitest";
import { ROLES, hasAnyRole, isRole, navigationFor } from "./roles";

const paths = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).map((item) => item.to);

describe("navigationFor", () => {
  it("gives staff only what everyone has", () => {
    expect(paths(["staff"])).toEqual(["/", "/ideas", "/ideas/new", "/ideas/mine", "/projects", "/plan", "/training/mine", "/account"]);
  });
  it("adds the pages of each further role", () => {
    expect(paths(["staff", "hr"])).toEqual(expect.arrayContaining(["/roster", "/training"]));
    expect(paths(["staff", "committee"])).toContain("/committee");
    expect(paths(["staff", "director"])).toContain("/division");
    expect(paths(["staff", "admin"])).toEqual(expect.arrayContaining(["/admin/accounts", "/admin/plan", "/admin/settings", "/admin/audit"]));
  });
  it("does not give admins HR data by default (least privilege)", () => {
    expect(paths(["staff", "admin"])).not.toContain("/roster");
  });
  it("never shows admin pages to a role without admin", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(paths([role]).some((path) => path.startsWith("/admin"))).toBe(false);
    }
  });
});

describe("role helpers", () => {
  it("recognise roles and reject anything else", () => {
    expect(isRole("committee")).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(hasAnyRole(["staff"], ["admin", "hr"])).toBe(false);
    expect(hasAnyRole(["staff", "hr"], ["admin", "hr"])).toBe(true);
  });
});
