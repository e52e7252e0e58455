import { describe, expect, it } from "vitest";
import { th as rosterTh } from "../i18n/catalogue/roster";
import { en as rosterEn } from "../i18n/catalogue/roster.en";
import { diffAttendance, parseAttendedHours, parseHours, parseSessionForm, sessionHasBegun, totalsByFiscalYear, trainedShare, type SessionFormValues } from "./training-session";

const values = (overrides: Partial<SessionFormValues> = {}): SessionFormValues => ({
  title: "การใช้ Google Workspace ในสำนักงาน",
  topic: "",
  organiser: "สำนักปลัด",
  startDate: "20/06/2566",
  endDate: "2023-06-20",
  hours: "6",
  planId: "8",
  location: "",
  notes: "",
  ...overrides,
});

describe("session form", () => {
  it("accepts Thai and ISO dates and returns the input", () => {
    expect(parseSessionForm(values(), new Set([8]))).toEqual({
      ok: true,
      input: { title: "การใช้ Google Workspace ในสำนักงาน", topic: "", organiser: "สำนักปลัด", startDate: "2023-06-20", endDate: "2023-06-20", hours: 6, planId: 8, location: "", notes: "" },
    });
  });

  it("says what is wrong with each field", () => {
    const result = parseSessionForm(values({ title: " ", startDate: "2023-06-21", hours: "0", planId: "99" }), new Set([8]));
    expect(result).toEqual({
      ok: false,
      fieldErrors: { title: "training.error.required", endDate: "training.error.endBeforeStart", hours: "training.error.badHours", planId: "training.error.planUnknown" },
    });
    expect(parseSessionForm(values({ startDate: "31/02/2566", hours: "" }), new Set([8]))).toEqual({
      ok: false,
      fieldErrors: { startDate: "training.error.badDate", hours: "training.error.required" },
    });
  });

  it("a Buddhist Era year written year-month-day is named as such; D/M/BE stays the way to type one", () => {
    expect(parseSessionForm(values({ startDate: "2566-06-20", endDate: "2566-06-20" }), new Set([8]))).toEqual({
      ok: false,
      fieldErrors: { startDate: "error.buddhistEraYear", endDate: "error.buddhistEraYear" },
    });
    expect(parseSessionForm(values({ startDate: "2201-06-20" }), new Set([8]))).toMatchObject({ ok: false, fieldErrors: { startDate: "training.error.badDate" } });
    expect(parseSessionForm(values({ startDate: "20/06/2566", endDate: "2023-06-20" }), new Set([8])).ok).toBe(true);
  });

  it("a title of zero-width spaces only is no title", () => {
    expect(parseSessionForm(values({ title: "\u200b".repeat(4) }), new Set([8]))).toEqual({ ok: false, fieldErrors: { title: "training.error.required" } });
  });

  it("reads hours with at most two decimals", () => {
    expect(parseHours("3.5")).toBe(3.5);
    expect(parseHours(" 12 ")).toBe(12);
    expect(parseHours("๓.๕")).toBe(3.5);
    for (const bad of ["-1", "1,5", "abc", "1.234", "", "1e3", "10000"]) expect(parseHours(bad), bad).toBeNull();
  });
});

describe("attended hours (checklist and import alike)", () => {
  it("blank is the whole session; otherwise more than 0 and at most the session's hours", () => {
    expect(parseAttendedHours("", 6)).toEqual({ ok: true, hours: 6 });
    expect(parseAttendedHours("  ", 6)).toEqual({ ok: true, hours: 6 });
    expect(parseAttendedHours("0.5", 6)).toEqual({ ok: true, hours: 0.5 });
    expect(parseAttendedHours(" 6 ", 6)).toEqual({ ok: true, hours: 6 });
    expect(parseAttendedHours("6.01", 6)).toEqual({ ok: false, problem: "hoursTooMany" });
  });
  it("0 hours is not attendance", () => {
    for (const zero of ["0", "0.0", "0.00", "00"]) expect(parseAttendedHours(zero, 6), zero).toEqual({ ok: false, problem: "badHours" });
  });
  it("refuses what is not a number of hours", () => {
    for (const bad of ["-1", "abc", "1.234", "1e3", "1,5"]) expect(parseAttendedHours(bad, 6), bad).toEqual({ ok: false, problem: "badHours" });
  });
  it("the checklist and the import say the same about bad hours, in both languages", () => {
    expect(rosterTh["rosterHr.problem.badHours"]).toBe(rosterTh["training.error.badHours"]);
    expect(rosterEn["rosterHr.problem.badHours"]).toBe(rosterEn["training.error.badHours"]);
  });
});

describe("checklist save", () => {
  it("adds the ticked, removes the unticked, changes hours — only among the people shown", () => {
    const recorded = new Map([
      [1, 6],
      [2, 6],
      [3, 6],
      [9, 6],
    ]);
    const ticked = new Map([
      [1, 6],
      [2, 3],
      [4, 6],
    ]);
    expect(diffAttendance([1, 2, 3, 4], ticked, recorded)).toEqual({
      insert: [{ personId: 4, hours: 6 }],
      update: [{ personId: 2, before: 6, after: 3 }],
      remove: [{ personId: 3, hours: 6 }],
    });
  });

  it("records attendance only for a session that has begun (its first day is today or before)", () => {
    expect(sessionHasBegun({ startDate: "2026-12-07" }, "2026-12-06")).toBe(false);
    expect(sessionHasBegun({ startDate: "2026-12-07" }, "2026-12-07")).toBe(true);
    expect(sessionHasBegun({ startDate: "2026-11-30" }, "2026-12-07")).toBe(true);
  });
});

describe("figures", () => {
  it("share of staff trained, and totals per fiscal year (newest first)", () => {
    expect(trainedShare(14, 35)).toBe(40);
    expect(trainedShare(0, 0)).toBeNull();
    expect(
      totalsByFiscalYear([
        { fiscalYear: 2568, hours: 6 },
        { fiscalYear: 2569, hours: 1.5 },
        { fiscalYear: 2568, hours: 0.1 },
        { fiscalYear: 2568, hours: 0.2 },
      ]),
    ).toEqual([
      { fiscalYear: 2569, sessions: 1, hours: 1.5 },
      { fiscalYear: 2568, sessions: 3, hours: 6.3 },
    ]);
  });
});
