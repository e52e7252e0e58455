import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject, matchRoutes as MatchRoutes } from "@remix-run/router";
import type * as StaticServer from "react-router-dom/server";
import { describe, expect, it } from "vitest";

// patches/@remix-run+router+*.patch, applied by `npm install`'s postinstall (patch-package): the
// CommonJS router the server loads remembers its ranked routes, compiled paths and the matches of
// recent pathnames (10-25 % of the server's CPU went to rebuilding them on every call).
// patches/react-router-dom+*.patch and patches/@remix-run+react+*.patch keep the route tree the
// same from request to request, so that memory is used (decision 014). These tests fail when a
// patch is missing and when the remembered answers differ from fresh ones.
const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const { matchRoutes } = require("@remix-run/router") as { matchRoutes: typeof MatchRoutes };
const { createStaticHandler, createStaticRouter } = require("react-router-dom/server") as typeof StaticServer;

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
    expect(source).toContain("matchesByRoutes");
    expect(readFileSync(require.resolve("react-router-dom/server"), "utf8")).toContain("dataRoutesByRoutes");
    expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("serverRoutesByManifest");
  });

  it("hands out copies of remembered matches: a caller changing its params changes nothing for the next", () => {
    const routes = tree();
    const first = matchRoutes(routes, "/ideas/42");
    (first![1]!.params as Record<string, string>).ideaId = "changed";
    first!.pop();
    expect(ids(routes, "/ideas/42")).toEqual([
      ["root", { ideaId: "42" }],
      ["idea", { ideaId: "42" }],
    ]);
    expect(matchRoutes(routes, "/ideas/42")).not.toBe(matchRoutes(routes, "/ideas/42"));
  });

  it("the static router converts a route tree once and keeps each request's matches its own", async () => {
    const routes = [{ id: "root", path: "/", children: [{ id: "idea", path: "ideas/:ideaId", loader: () => null }] }];
    const handler = createStaticHandler(routes);
    const contextFor = async (pathname: string) => {
      const context = await handler.query(new Request(`http://nawat.test${pathname}`));
      if (context instanceof Response) throw new Error("unexpected response");
      return context;
    };
    const seven = createStaticRouter(routes, await contextFor("/ideas/7"));
    const eight = createStaticRouter(routes, await contextFor("/ideas/8"));
    expect(eight.routes).toBe(seven.routes); // one conversion per tree
    expect(seven.state.matches.map((match) => match.params.ideaId)).toEqual(["7", "7"]);
    expect(eight.state.matches.map((match) => match.params.ideaId)).toEqual(["8", "8"]);
    expect(seven.state.matches[1]!.route).toBe(seven.routes[0]!.children![0]);
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
