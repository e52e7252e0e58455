import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accountMessages } from "./catalogue/account";
import { adminMessages } from "./catalogue/admin";
import { coreMessages } from "./catalogue/core";
import { dashboardMessages } from "./catalogue/dashboard";
import { engagementMessages } from "./catalogue/engagement";
import { homeMessages } from "./catalogue/home";
import { ideasMessages } from "./catalogue/ideas";
import { ideasFormMessages } from "./catalogue/ideas-form";
import { personalDataMessages } from "./catalogue/personal-data";
import { auditActionMessages } from "./catalogue/audit-actions";
import { ideasListMessages } from "./catalogue/ideas-list";
import { pipelineMessages } from "./catalogue/pipeline";
import { pipelineBoardMessages } from "./catalogue/pipeline-board";
import { planMessages } from "./catalogue/plan";
import { projectErrorMessages } from "./catalogue/project-errors";
import { projectsListMessages } from "./catalogue/projects-list";
import { projectsTrailMessages } from "./catalogue/projects-trail";
import { projectsMessages } from "./catalogue/projects";
import { reportsMessages } from "./catalogue/reports";
import { rosterMessages } from "./catalogue/roster";

// A component's `t` finds only the Thai of core and of the catalogues it passed to useI18n (so a
// page bundles only the Thai it shows). A key outside them would show as the raw key. This reads
// every component source and checks each key it shows — `t("…")`, and the fixed start of
// `t(`…${…}`)` — against the catalogues passed by the useI18n call it follows.

const CATALOGUES: Record<string, Readonly<Record<string, string>>> = {
  accountMessages,
  adminMessages,
  homeMessages,
  planMessages,
  dashboardMessages,
  engagementMessages,
  ideasMessages,
  ideasFormMessages,
  personalDataMessages,
  auditActionMessages,
  ideasListMessages,
  pipelineMessages,
  pipelineBoardMessages,
  projectsMessages,
  projectErrorMessages,
  projectsListMessages,
  projectsTrailMessages,
  reportsMessages,
  rosterMessages,
};

const APP_DIR = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

type Use = { file: string; line: number; key: string; isPrefix: boolean; catalogues: string[] };

/** Each key shown in `source`, with the catalogues of the nearest useI18n call before it. */
export function keysShown(file: string, source: string): Use[] {
  const calls = [...source.matchAll(/useI18n\(([^)]*)\)/g)].map((match) => ({
    at: match.index,
    catalogues: match[1]!.split(",").map((name) => name.trim()).filter(Boolean),
  }));
  if (calls.length === 0) return [];
  const everyCatalogue = [...new Set(calls.flatMap((call) => call.catalogues))];
  const uses: Use[] = [];
  const pattern = /\bt\(\s*(?:"([^"]+)"|`([^`$]*)(\$\{)?)/g;
  for (const match of source.matchAll(pattern)) {
    const key = match[1] ?? match[2]!;
    const before = calls.filter((call) => call.at < match.index);
    // Before the first call (a helper handed `t`): any catalogue the file passes.
    const catalogues = before.length > 0 ? before[before.length - 1]!.catalogues : everyCatalogue;
    const line = source.slice(0, match.index).split("\n").length;
    uses.push({ file, line, key, isPrefix: match[1] === undefined && match[3] !== undefined, catalogues });
  }
  return uses;
}

function isShown(use: Use): boolean {
  const catalogues = [coreMessages, ...use.catalogues.map((name) => CATALOGUES[name])];
  return catalogues.some((catalogue) => catalogue !== undefined && Object.keys(catalogue).some((key) => (use.isPrefix ? key.startsWith(use.key) : key === use.key)));
}

describe("catalogues passed to useI18n", () => {
  const files = sourceFiles(APP_DIR);

  it("reads the components (the check is not vacuous)", () => {
    const uses = files.flatMap((file) => keysShown(file, readFileSync(file, "utf8")));
    expect(files.length).toBeGreaterThan(50);
    expect(uses.length).toBeGreaterThan(500);
  });

  it("every useI18n argument is a known catalogue", () => {
    const unknown = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/useI18n\(([^)]*)\)/g)]
        .flatMap((match) => match[1]!.split(",").map((name) => name.trim()).filter(Boolean))
        .filter((name) => !(name in CATALOGUES))
        .map((name) => `${path.relative(APP_DIR, file)}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it("every key a component shows is in core or a catalogue it passed", () => {
    const missing = files
      .flatMap((file) => keysShown(file, readFileSync(file, "utf8")))
      .filter((use) => !isShown(use))
      .map((use) => `${path.relative(APP_DIR, use.file)}:${use.line} ${use.key}${use.isPrefix ? "…" : ""} (passed: ${use.catalogues.join(", ") || "core only"})`);
    expect(missing).toEqual([]);
  });

  it("catches a key from a catalogue that was not passed", () => {
    const source = `function A() { const { t } = useI18n(pipelineMessages); return t("ideas.detail.authors"); }
function B() { const { t } = useI18n(ideasMessages); return t("ideas.detail.authors") + t(\`stage.\${x}\`); }`;
    const verdicts = keysShown("example.tsx", source).map((use) => [use.key, isShown(use)]);
    expect(verdicts).toEqual([
      ["ideas.detail.authors", false],
      ["ideas.detail.authors", true],
      ["stage.", true],
    ]);
  });
});
