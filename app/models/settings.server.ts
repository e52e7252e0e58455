import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { appSettings } from "../../db/schema";
import { calendarDateIn } from "../domain/calendar-date";
import { THAI_FISCAL_CALENDAR, parseFiscalCalendar, type FiscalCalendar } from "../domain/fiscal-year";

export type PlanPeriod = { firstFiscalYearBE: number; lastFiscalYearBE: number };
export type OrganisationInfo = { nameTh: string; nameEn: string };

export type AppSettings = {
  fiscalCalendar: FiscalCalendar;
  planPeriod: PlanPeriod;
  organisation: OrganisationInfo;
};

const DEFAULT_PLAN_PERIOD: PlanPeriod = { firstFiscalYearBE: 2566, lastFiscalYearBE: 2570 };
const DEFAULT_ORGANISATION: OrganisationInfo = { nameTh: "", nameEn: "" };

/** All settings in one query; missing keys fall back to the Thai defaults. */
export async function getAppSettings(db: Database): Promise<AppSettings> {
  const rows = await db.select({ key: appSettings.key, value: appSettings.value }).from(appSettings);
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const fiscal = byKey.get("fiscal_calendar");
  return {
    fiscalCalendar: fiscal === undefined ? THAI_FISCAL_CALENDAR : parseFiscalCalendar(fiscal),
    planPeriod: (byKey.get("plan_period") as PlanPeriod | undefined) ?? DEFAULT_PLAN_PERIOD,
    organisation: (byKey.get("organisation") as OrganisationInfo | undefined) ?? DEFAULT_ORGANISATION,
  };
}

/** Today's date (YYYY-MM-DD) in the organisation's time zone, from the settings. */
export async function organisationToday(db: Database, now: Date = new Date()): Promise<string> {
  return organisationTodayOf(await getAppSettings(db), now);
}

/** organisationToday from settings already read. */
export function organisationTodayOf(settings: AppSettings, now: Date = new Date()): string {
  return calendarDateIn(now, settings.fiscalCalendar.timeZone);
}

/** Write one setting, replacing what it held. */
async function saveSetting(db: Database, key: string, value: unknown): Promise<void> {
  await db
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: sql`now()` } });
}

export async function saveFiscalCalendar(db: Database, calendar: FiscalCalendar): Promise<void> {
  await saveSetting(db, "fiscal_calendar", calendar);
}

export async function saveOrganisation(db: Database, organisation: OrganisationInfo): Promise<void> {
  await saveSetting(db, "organisation", organisation);
}

export async function getSetting(db: Database, key: string): Promise<unknown> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  return row?.value;
}
