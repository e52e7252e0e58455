import { NavLink } from "react-router-dom";
import { StaticRouter } from "react-router-dom/server";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { isCurrentNavItem, navigationFor, ROLES, type NavItem } from "../domain/roles";

// The menu is plain links (decision 016); isCurrentNavItem must mark the same entry current as
// the <NavLink to end> the menu used to render, for every role's menu, on every kind of path.
const PATHS = [
  "/", "/ideas", "/IDEAS", "/ideas/", "/ideas/new", "/ideas/mine", "/ideas/42", "/ideas/42/edit", "/projects", "/projects/7",
  "/training", "/training/mine", "/training/3", "/committee", "/committee/list", "/committee/ideas/5", "/dashboard",
  "/dashboard/2569", "/reports/quarterly", "/reports/yearly", "/admin/accounts", "/admin/accounts/new", "/admin/plan",
  "/roster", "/roster/export", "/division", "/plan", "/account", "/accounts", "/ideasx", "/notifications",
];

function navLinkSaysCurrent(pathname: string, item: NavItem, navigation: readonly NavItem[]): boolean {
  const end = navigation.some((other) => other.to.startsWith(`${item.to === "/" ? "" : item.to}/`) && other.to !== item.to);
  const html = renderToString(
    <StaticRouter location={pathname}>
      <NavLink to={item.to} end={end}>
        x
      </NavLink>
    </StaticRouter>,
  );
  return html.includes('aria-current="page"');
}

describe("isCurrentNavItem", () => {
  for (const role of ROLES) {
    it(`marks the same entry of the ${role}'s menu current as NavLink did`, () => {
      const navigation = navigationFor([role]);
      for (const pathname of PATHS) {
        const ours = navigation.filter((item) => isCurrentNavItem(pathname, item, navigation)).map((item) => item.to);
        const navLinks = navigation.filter((item) => navLinkSaysCurrent(pathname, item, navigation)).map((item) => item.to);
        expect({ pathname, current: ours }).toEqual({ pathname, current: navLinks });
      }
    });
  }

  it("never marks two entries of one menu", () => {
    const navigation = navigationFor([...ROLES]);
    for (const pathname of PATHS) expect(navigation.filter((item) => isCurrentNavItem(pathname, item, navigation)).length).toBeLessThanOrEqual(1);
  });

  it("marks the entry under which the page is, and only the home entry on the home page", () => {
    const navigation = navigationFor(["hr"]);
    const current = (pathname: string) => navigation.filter((item) => isCurrentNavItem(pathname, item, navigation)).map((item) => item.to);
    expect(current("/")).toEqual(["/"]);
    expect(current("/ideas/new")).toEqual(["/ideas/new"]);
    expect(current("/projects/7")).toEqual(["/projects"]);
    expect(current("/training/mine")).toEqual(["/training/mine"]);
    expect(current("/ideasx")).toEqual([]);
  });
});
