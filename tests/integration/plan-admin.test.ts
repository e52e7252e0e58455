import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as planAdminAction } from "../../app/routes/admin.plan";
import type { Database } from "../../db/client.server";
import { indicators, indicatorTargets } from "../../db/schema";
import { routeClient } from "./route-client";
import { engineName, withDemoDatabaseForFile } from "./test-database";

// The admin's targets grid (/admin/plan): a percentage indicator's target is a share of 100.

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const { post } = routeClient(() => db);
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
});
