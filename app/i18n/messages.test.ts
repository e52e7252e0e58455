import { describe, expect, it } from "vitest";
import * as account from "./catalogue/account";
import * as admin from "./catalogue/admin";
import * as core from "./catalogue/core";
import * as dashboard from "./catalogue/dashboard";
import * as engagement from "./catalogue/engagement";
import * as home from "./catalogue/home";
import * as ideas from "./catalogue/ideas";
import * as ideasForm from "./catalogue/ideas-form";
import * as personalData from "./catalogue/personal-data";
import * as auditActions from "./catalogue/audit-actions";
import * as ideasList from "./catalogue/ideas-list";
import * as pipeline from "./catalogue/pipeline";
import * as pipelineBoard from "./catalogue/pipeline-board";
import * as projectsList from "./catalogue/projects-list";
import * as projectsTrail from "./catalogue/projects-trail";
import * as plan from "./catalogue/plan";
import * as projects from "./catalogue/projects";
import * as reports from "./catalogue/reports";
import * as roster from "./catalogue/roster";
import { englishCatalogue, thaiCatalogue, translate, type MessageKey } from "./messages.server";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const AREAS = { account, admin, core, dashboard, engagement, home, ideas, auditActions, ideasForm, ideasList, personalData, pipeline, pipelineBoard, plan, projects, projectsList, projectsTrail, reports, roster };

describe("message catalogue", () => {
  const th = thaiCatalogue();
  const en = englishCatalogue();
  const keys = Object.keys(th) as MessageKey[];

  it("defines each key in one area only (a merge would hide the other)", () => {
    const areasOf = new Map<string, string[]>();
    for (const [area, module] of Object.entries(AREAS)) for (const key of Object.keys(module.th)) areasOf.set(key, [...(areasOf.get(key) ?? []), area]);
    expect([...areasOf].filter(([, areas]) => areas.length > 1)).toEqual([]);
    expect(keys.length).toBe(areasOf.size);
  });
  it("has every Thai key in English, and nothing extra", () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
  });
  it("has no empty message in either language", () => {
    for (const key of keys) {
      expect(th[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
    }
  });
  it("uses the same placeholders in both languages", () => {
    for (const key of keys) expect(placeholders(en[key]), key).toEqual(placeholders(th[key]));
  });
  it("fills placeholders in the reader's language", () => {
    expect(translate("th", "login.throttled", { minutes: 7 })).toContain("7 นาที");
    expect(translate("en", "login.throttled", { minutes: 7 })).toContain("7 minutes");
  });
});
