import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as planAdminAction, loader as planAdminLoader } from "../../app/routes/admin.plan";
import { saveTargetsForm } from "../../app/services/plan-admin.server";
import { closeFiscalYear, reopenFiscalYear } from "../../app/services/year-close.server";
import type { Database } from "../../db/client.server";
import { accounts, indicators, indicatorTargets } from "../../db/schema";
import { routeClient } from "./route-client";
import { engineName, withDemoDatabaseForFile } from "./test-database";

// The admin's targets grid (/admin/plan): a percentage indicator's target is a share of 100.

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const { get, post } = routeClient(() => db);
const ADMIN = "LS006";

async function indicatorId(code: string): Promise<number> {
  const [row] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.code, code));
  if (!row) throw new Error(`no indicator ${code}`);
  return row.id;
}

async function targetOf(id: number, fiscalYear: number): Promise<number | null | undefined> {
  const [row] = await db
    .select({ value: indicatorTargets.targetValue })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.indicatorId, id), eq(indicatorTargets.fiscalYear, fiscalYear)));
  return row?.value;
}

type Refusal = { intent: string; fieldErrors: Record<string, string>; submitted: Record<string, string> };

describe(`plan targets (${engineName})`, () => {
  it("refuses a participation (percentage) target above 100, saves nothing, and keeps what was typed", async () => {
    const lg1 = await indicatorId("LG1");
    const before = await targetOf(lg1, 2570);
    expect(before).toBe(80);
    const field = `target-${lg1}-2570`;
    const other = `target-${lg1}-2569`;
    const response = await post(planAdminAction, "/admin/plan", ADMIN, { intent: "targets", [field]: "150", [other]: "75" });
    expect(response.status).toBe(400);
    const data = (await response.json()) as Refusal;
    expect(data.fieldErrors).toEqual({ [field]: "planAdmin.percentOver100" });
    expect(data.submitted[field]).toBe("150");
    expect(await targetOf(lg1, 2570)).toBe(80);
    expect(await targetOf(lg1, 2569)).toBe(70); // all or nothing: the good field is not saved either
  });

  it("accepts 100 for a percentage, a count above 100, and Thai digits", async () => {
    const lg1 = await indicatorId("LG1");
    const [count] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.unit, "count")).limit(1);
    const response = await post(planAdminAction, "/admin/plan", ADMIN, {
      intent: "targets",
      [`target-${lg1}-2570`]: "๘๕",
      [`target-${lg1}-2569`]: "100",
      [`target-${count.id}-2570`]: "150",
    });
    expect(response.status).toBe(302);
    expect(await targetOf(lg1, 2570)).toBe(85);
    expect(await targetOf(lg1, 2569)).toBe(100);
    expect(await targetOf(count.id, 2570)).toBe(150);
  });

  it("refuses a count target that is not a whole number (2.5 projects), beside its field, keeping what was typed", async () => {
    const lg1 = await indicatorId("LG1");
    const [count] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.unit, "count")).limit(1);
    const before = await targetOf(count.id, 2569);
    const field = `target-${count.id}-2569`;
    const response = await post(planAdminAction, "/admin/plan", ADMIN, { intent: "targets", [field]: "2.5", [`target-${lg1}-2569`]: "72.5" });
    expect(response.status).toBe(400);
    const data = (await response.json()) as Refusal;
    expect(data.fieldErrors).toEqual({ [field]: "planAdmin.countNotWhole" });
    expect(data.submitted[field]).toBe("2.5");
    expect(await targetOf(count.id, 2569)).toBe(before);
  });
});

describe(`a closed year's targets (${engineName})`, () => {
  const actor = { accountId: null, ipAddress: "127.0.0.1" };
  const NOW = new Date("2026-11-25T10:00:00+07:00");
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };

  const admin = async () => {
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, ADMIN));
    return { accountId: account.id, ipAddress: "127.0.0.1" };
  };

  it("the service refuses to change one, saves nothing else of the form, and takes it again once the year is reopened", async () => {
    const lg1 = await indicatorId("LG1");
    expect(await closeFiscalYear(db, actor, 2567, NOW)).toBe("closed");
    const before = await targetOf(lg1, 2567);
    const closedField = `target-${lg1}-2567`;
    const openField = `target-${lg1}-2570`;
    const openBefore = await targetOf(lg1, 2570);
    const changed = String((before ?? 50) + 5);
    const adminActor = await admin();

    const refused = await saveTargetsForm(db, adminActor, form({ [closedField]: changed, [openField]: "77" }), [2567, 2570]);
    expect(refused).toEqual({ ok: false, fieldErrors: { [closedField]: "planAdmin.yearClosed" } });
    expect(await targetOf(lg1, 2567)).toBe(before);
    expect(await targetOf(lg1, 2570)).toBe(openBefore); // all or nothing
    // Emptying it is a change too.
    expect(await saveTargetsForm(db, adminActor, form({ [closedField]: "" }), [2567])).toMatchObject({ ok: false });

    // The same value again (a form showing the saved target) is no change, and the rest is saved.
    const same = before === null || before === undefined ? "" : String(before);
    expect(await saveTargetsForm(db, adminActor, form({ [closedField]: same, [openField]: "77" }), [2567, 2570])).toEqual({ ok: true });
    expect(await targetOf(lg1, 2570)).toBe(77);

    expect(await reopenFiscalYear(db, actor, 2567, "แก้เป้าหมายที่บันทึกผิด")).toBe("reopened");
    expect(await saveTargetsForm(db, adminActor, form({ [closedField]: changed }), [2567])).toEqual({ ok: true });
    expect(await targetOf(lg1, 2567)).toBe(Number(changed));
  });

  it("the page shows a closed year read-only and answers a change to it with the message next to its field", async () => {
    const lg1 = await indicatorId("LG1");
    expect(await closeFiscalYear(db, actor, 2568, NOW)).toBe("closed");
    const loaded = await get(planAdminLoader, "/admin/plan", ADMIN);
    expect(loaded.status).toBe(200);
    expect(((await loaded.json()) as { closedYears: number[] }).closedYears).toEqual([2568]);

    const before = await targetOf(lg1, 2568);
    const field = `target-${lg1}-2568`;
    const response = await post(planAdminAction, "/admin/plan", ADMIN, { intent: "targets", [field]: String((before ?? 50) + 1) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Refusal).fieldErrors).toEqual({ [field]: "planAdmin.yearClosed" });
    expect(await targetOf(lg1, 2568)).toBe(before);
    expect(await reopenFiscalYear(db, actor, 2568, "ทดสอบ")).toBe("reopened");
  });
});

describe(`two admins save the targets grid, one from a page shown before the other's save (${engineName})`, () => {
  type Grid = { indicators: { id: number; code: string; unit: string; countMode: string | null; targets: Record<string, number | null> }[]; fiscalYears: number[]; closedYears: number[] };
  const grid = async () => {
    const answer = await get(planAdminLoader, "/admin/plan", ADMIN);
    expect(answer.status).toBe(200);
    return (await answer.json()) as Grid;
  };
  /** The grid's fields as a browser posts them: every open cell at what it shows (and says so), each count mode. */
  const fieldsOf = (shown: Grid, changes: Record<string, string> = {}) => {
    const fields: Record<string, string> = { intent: "targets" };
    for (const indicator of shown.indicators) {
      for (const year of shown.fiscalYears.filter((each) => !shown.closedYears.includes(each))) {
        const value = indicator.targets[year];
        const text = value === null || value === undefined ? "" : String(value);
        fields[`target-${indicator.id}-${year}`] = text;
        fields[`shown-target-${indicator.id}-${year}`] = text;
      }
      if (indicator.unit === "count") {
        fields[`countMode-${indicator.id}`] = indicator.countMode ?? "cumulative";
        fields[`shown-countMode-${indicator.id}`] = indicator.countMode ?? "cumulative";
      }
    }
    return { ...fields, ...changes };
  };

  it("a cell the later grid left alone keeps the other admin's save; the cells it changed are saved", async () => {
    const lg1 = await indicatorId("LG1");
    const [count] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.unit, "count")).limit(1);
    const first = await grid();
    const second = await grid();
    const year = first.fiscalYears.filter((each) => !first.closedYears.includes(each)).at(-1)!;
    expect((await post(planAdminAction, "/admin/plan", ADMIN, fieldsOf(first, { [`target-${lg1}-${year}`]: "77" }))).status).toBe(302);
    expect(await targetOf(lg1, year)).toBe(77);
    // The second grid still shows the old LG1 target; its admin changes only the count target.
    expect((await post(planAdminAction, "/admin/plan", ADMIN, fieldsOf(second, { [`target-${count.id}-${year}`]: "9" }))).status).toBe(302);
    expect(await targetOf(lg1, year)).toBe(77);
    expect(await targetOf(count.id, year)).toBe(9);
  });

  it("a cell both changed: the later save is refused beside it, and nothing of it is saved", async () => {
    const lg1 = await indicatorId("LG1");
    const [count] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.unit, "count")).limit(1);
    const first = await grid();
    const second = await grid();
    const year = first.fiscalYears.filter((each) => !first.closedYears.includes(each)).at(-1)!;
    const field = `target-${lg1}-${year}`;
    expect((await post(planAdminAction, "/admin/plan", ADMIN, fieldsOf(first, { [field]: "66" }))).status).toBe(302);
    const countBefore = await targetOf(count.id, year);
    const refused = await post(planAdminAction, "/admin/plan", ADMIN, fieldsOf(second, { [field]: "55", [`target-${count.id}-${year}`]: "12" }));
    expect(refused.status).toBe(400);
    const data = (await refused.json()) as Refusal;
    expect(data.fieldErrors).toEqual({ [field]: "planAdmin.changedMeanwhile" });
    expect(data.submitted[field]).toBe("55");
    expect(await targetOf(lg1, year)).toBe(66);
    expect(await targetOf(count.id, year)).toBe(countBefore);
  });

  it("a count mode the later grid left alone keeps the other admin's change", async () => {
    const [count] = await db.select({ id: indicators.id, countMode: indicators.countMode }).from(indicators).where(eq(indicators.unit, "count")).limit(1);
    const first = await grid();
    const second = await grid();
    const other = count.countMode === "per_year" ? "cumulative" : "per_year";
    expect((await post(planAdminAction, "/admin/plan", ADMIN, fieldsOf(first, { [`countMode-${count.id}`]: other }))).status).toBe(302);
    expect((await post(planAdminAction, "/admin/plan", ADMIN, fieldsOf(second))).status).toBe(302);
    const [after] = await db.select({ countMode: indicators.countMode }).from(indicators).where(eq(indicators.id, count.id));
    expect(after.countMode).toBe(other);
  });
});

describe(`two admins save the same target at the same moment (${engineName})`, () => {
  it("from grids showing the same value: one is saved, the other refused beside the cell", async () => {
    const lg1 = await indicatorId("LG1");
    const shown = (await (await get(planAdminLoader, "/admin/plan", ADMIN)).json()) as { fiscalYears: number[]; closedYears: number[] };
    const year = shown.fiscalYears.filter((each) => !shown.closedYears.includes(each)).at(-1)!;
    const field = `target-${lg1}-${year}`;
    const before = await targetOf(lg1, year);
    const text = before === null || before === undefined ? "" : String(before);
    const answers = await Promise.all(
      ["41", "42"].map((value) => post(planAdminAction, "/admin/plan", ADMIN, { intent: "targets", [field]: value, [`shown-${field}`]: text })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 400]);
    expect(await targetOf(lg1, year)).toBe(answers[0].status === 302 ? 41 : 42);
  });
});
