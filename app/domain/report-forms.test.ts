import { describe, expect, it } from "vitest";
import { DEFAULT_PARTICIPATION_RULE } from "./participation-rule";
import {
  cleanReportText,
  parseActivityForm,
  parseLpaFiscalYear,
  parseLpaForm,
  parseScore,
  readLpaAreas,
  ruleFromForm,
  sameRule,
  textParagraphs,
  yearsForRuleChange,
  type LpaFormValues,
} from "./report-forms";

const lpa = (values: Partial<LpaFormValues>): LpaFormValues => ({ fiscalYear: "2569", score: "96.55", source: "หนังสือแจ้งผล LPA", area1: "", area2: "", area3: "", area4: "", area5: "", ...values });

describe("scores", () => {
  it("accepts 0–100 with up to two decimals, a comma as decimal point", () => {
    expect(parseScore("96.55")).toEqual({ ok: true, value: 96.55 });
    expect(parseScore(" 100 ")).toEqual({ ok: true, value: 100 });
    expect(parseScore("95,3")).toEqual({ ok: true, value: 95.3 });
    for (const bad of ["", "100.01", "-1", "96.555", "abc", "1e2", "=1+1"]) expect(parseScore(bad).ok, bad).toBe(false);
  });
  it("takes Thai digits as digits", () => {
    expect(parseScore("๙๗.๕")).toEqual({ ok: true, value: 97.5 });
    expect(parseScore("๙๕,๓")).toEqual({ ok: true, value: 95.3 });
    expect(parseLpaForm(lpa({ fiscalYear: "๒๕๗๐", score: "๙๗.๕", area1: "๙๘" }))).toMatchObject({ ok: true, input: { fiscalYearBE: 2570, score: 97.5, areas: { area1: 98 } } });
  });
  it("an LPA year is four digits in a sane range, else nothing", () => {
    expect(parseLpaFiscalYear(" 2570 ")).toBe(2570);
    expect(parseLpaFiscalYear("๒๕๗๐")).toBe(2570);
    for (const bad of ["", "abc", "99999999999", "2549", "2601", "2570.0", "1e3", "-2570"]) expect(parseLpaFiscalYear(bad), bad).toBeNull();
  });
  it("parses the LPA form, areas optional", () => {
    expect(parseLpaForm(lpa({ area2: "95.5" }))).toEqual({ ok: true, input: { fiscalYearBE: 2569, score: 96.55, source: "หนังสือแจ้งผล LPA", areas: { area2: 95.5 } } });
    expect(parseLpaForm(lpa({}))).toMatchObject({ ok: true, input: { areas: null } });
  });
  it("says what is wrong with every field", () => {
    expect(parseLpaForm(lpa({ fiscalYear: "69", score: "", source: " ", area5: "101" }))).toEqual({
      ok: false,
      fieldErrors: { fiscalYear: "reports.error.fiscalYear", score: "reports.error.required", source: "reports.error.required", area5: "reports.error.score" },
    });
    expect(parseLpaForm(lpa({ score: "200", source: "ก".repeat(301) }))).toEqual({ ok: false, fieldErrors: { score: "reports.error.score", source: "reports.error.tooLong" } });
  });
  it("reads stored areas, ignoring anything unknown", () => {
    expect(readLpaAreas({ area1: 96, area9: 1, area2: "x" })).toEqual({ area1: 96 });
    expect(readLpaAreas(null)).toBeNull();
    expect(readLpaAreas({})).toBeNull();
  });
});

describe("action plan activities", () => {
  it("needs a title; a plan item from the list; a known status when one is given", () => {
    expect(parseActivityForm({ title: "  อบรม  ", planId: "3", status: "done" }, [3])).toEqual({ ok: true, input: { title: "อบรม", planId: 3, status: "done" } });
    expect(parseActivityForm({ title: "อบรม", planId: "" }, [3])).toEqual({ ok: true, input: { title: "อบรม", planId: null } });
    expect(parseActivityForm({ title: "\u200b\u200b\u200b\u200b", planId: "" }, [3])).toEqual({ ok: false, fieldErrors: { title: "reports.error.required" } });
    expect(parseActivityForm({ title: "", planId: "9", status: "finished" }, [3])).toEqual({
      ok: false,
      fieldErrors: { title: "reports.error.required", planId: "reports.error.planItem", status: "reports.error.status" },
    });
  });
});

describe("participation rule form", () => {
  const all = ["civil_servant", "permanent", "mission", "general"];
  it("every category ticked means every category (null), so later categories count too", () => {
    const parsed = ruleFromForm({ categoryCodes: [...all].reverse(), countComments: false, countTrainingAttendance: false, excludeRejectedAtScreening: true }, all);
    expect(parsed).toEqual({ ok: true, rule: DEFAULT_PARTICIPATION_RULE });
  });
  it("keeps a chosen subset in the catalogue's order and refuses none", () => {
    expect(ruleFromForm({ categoryCodes: ["general", "civil_servant", "unknown"], countComments: true, countTrainingAttendance: false, excludeRejectedAtScreening: false }, all)).toEqual({
      ok: true,
      rule: { version: 1, countedCategoryCodes: ["civil_servant", "general"], countComments: true, countTrainingAttendance: false, excludeRejectedAtScreening: false },
    });
    expect(ruleFromForm({ categoryCodes: [], countComments: true, countTrainingAttendance: true, excludeRejectedAtScreening: true }, all)).toEqual({ ok: false, error: "reports.error.noCategory" });
  });
  it("applies from the chosen year: alone, or with the plan's later years, never earlier ones", () => {
    const plan = [2566, 2567, 2568, 2569, 2570];
    expect(yearsForRuleChange(2568, "following", plan)).toEqual([2568, 2569, 2570]);
    expect(yearsForRuleChange(2568, "thisYear", plan)).toEqual([2568]);
    expect(yearsForRuleChange(2570, "following", plan)).toEqual([2570]);
  });
  it("compares rules whatever the order of their categories", () => {
    const rule = { ...DEFAULT_PARTICIPATION_RULE, countedCategoryCodes: ["a", "b"] };
    expect(sameRule(rule, { ...rule, countedCategoryCodes: ["b", "a"] })).toBe(true);
    expect(sameRule(rule, DEFAULT_PARTICIPATION_RULE)).toBe(false);
    expect(sameRule(rule, { ...rule, countComments: true })).toBe(false);
  });
});

describe("report texts", () => {
  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    expect(textParagraphs("ย่อหน้าแรก\nบรรทัดสอง\r\n\r\n  \n\nย่อหน้าสอง  ")).toEqual(["ย่อหน้าแรก\nบรรทัดสอง", "ย่อหน้าสอง"]);
    expect(textParagraphs("   ")).toEqual([]);
  });
  it("caps the length", () => {
    expect(cleanReportText(" ข้อความ \r\n")).toEqual({ ok: true, text: "ข้อความ" });
    expect(cleanReportText("ก".repeat(5001))).toEqual({ ok: false, error: "reports.error.tooLong" });
  });
});
