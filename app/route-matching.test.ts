import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject, matchRoutes as MatchRoutes } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// patches/@remix-run+router+*.patch, applied by `npm install`'s postinstall (patch-package): the
// CommonJS router the server loads remembers its ranked routes and compiled paths (10-25 % of the
// server's CPU went to rebuilding them on every call). These tests fail when the patch is missing
// and when the remembered answers differ from fresh ones.
const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const { matchRoutes } = require("@remix-run/router") as { matchRoutes: typeof MatchRoutes };

const tree = (): AgnosticRouteObject[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "ideas", path: "ideas", children: [{ id: "ideas-index", index: true }] },
      { id: "idea", path: "ideas/:ideaId" },
      { id: "new-idea", path: "ideas/new" },
      { id: "chart", path: "dashboard/charts/:chart" },
      { id: "splat", path: "*" },
    ],
  },
];
const ids = (routes: AgnosticRouteObject[], pathname: string) => matchRoutes(routes, pathname)?.map((match) => [match.route.id, match.params]) ?? null;

describe("route matching on the server (patched router)", () => {
  it("the server loads the patched CommonJS build", () => {
    expect(routerPath).toMatch(/router\.cjs\.js$/);
    const source = readFileSync(routerPath, "utf8");
    expect(source).toContain("rankedBranchesByRoutes");
    expect(source).toContain("compiledPaths");
  });

  it("gives the same matches from its memory as from a fresh tree, call after call", () => {
    const remembered = tree();
    for (const pathname of ["/", "/ideas", "/ideas/new", "/ideas/42", "/dashboard/charts/lg1", "/no/such/page", "/ideas/42", "/"]) {
      expect(ids(remembered, pathname), pathname).toEqual(ids(tree(), pathname));
    }
    expect(ids(remembered, "/ideas/new")?.at(-1)?.[0]).toBe("new-idea");
    expect(ids(remembered, "/ideas/7")).toEqual([
      ["root", { ideaId: "7" }],
      ["idea", { ideaId: "7" }],
    ]);
  });
});
