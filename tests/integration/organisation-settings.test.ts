import { and, eq } from "drizzle-orm";
import { loader as rootLoader } from "../../app/root";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/admin.settings";
import { getAppSettings } from "../../app/models/settings.server";
import type { Database } from "../../db/client.server";
import { auditLog } from "../../db/schema";
import { routeClient, type RouteFunction } from "./route-client";
import { withDemoDatabaseForFile } from "./test-database";

// PRODUCT: the organisation's names are seed data an administrator can change. They head every
// page (the root loader) and the quarterly report; a change is audited.

let db: Database;
withDemoDatabaseForFile((database) => {
  db = database.handle.db;
});
const { get, post } = routeClient(() => db);

describe("the organisation's name in the settings", () => {
  it("an admin changes it; every page's header shows the new one at once; the change is audited", async () => {
    const saved = await post(settingsAction as RouteFunction, "/admin/settings", "LS006", { intent: "organisation", nameTh: "  เทศบาลตำบลทดสอบ ", nameEn: "Test Subdistrict Municipality" });
    expect(saved.status).toBe(302);
    expect((await getAppSettings(db)).organisation).toEqual({ nameTh: "เทศบาลตำบลทดสอบ", nameEn: "Test Subdistrict Municipality" });
    const root = (await (await get(rootLoader as RouteFunction, "/", "LS025")).json()) as { organisationName: string };
    expect(root.organisationName).toBe("เทศบาลตำบลทดสอบ");
    const page = (await (await get(settingsLoader as RouteFunction, "/admin/settings", "LS006")).json()) as { organisation: { nameTh: string } };
    expect(page.organisation.nameTh).toBe("เทศบาลตำบลทดสอบ");
    const audited = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, "settings.organisation_changed"), eq(auditLog.entityId, "organisation")));
    expect(audited).toHaveLength(1);
    expect(audited[0].details).toMatchObject({ after: { nameTh: "เทศบาลตำบลทดสอบ" } });
  });

  it("an empty Thai name is refused beside the field, what was typed kept, nothing saved; the calendar form still saves on its own", async () => {
    const before = (await getAppSettings(db)).organisation;
    const refused = await post(settingsAction as RouteFunction, "/admin/settings", "LS006", { intent: "organisation", nameTh: "\u200b ", nameEn: "Kept English" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ intent: "organisation", fieldErrors: { nameTh: "settings.nameRequired" }, values: { nameEn: "Kept English" } });
    expect((await getAppSettings(db)).organisation).toEqual(before);

    const calendar = await post(settingsAction as RouteFunction, "/admin/settings", "LS006", { intent: "calendar", startMonth: "10", timeZone: "Asia/Bangkok" });
    expect(calendar.status).toBe(302);
    expect((await getAppSettings(db)).organisation).toEqual(before);
    const badZone = await post(settingsAction as RouteFunction, "/admin/settings", "LS006", { startMonth: "10", timeZone: "Mars/Olympus" });
    expect(badZone.status).toBe(400);
    expect(await badZone.json()).toMatchObject({ intent: "calendar", error: "settings.badTimeZone" });
  });
});
