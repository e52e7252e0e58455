import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { parseFiscalCalendar } from "../domain/fiscal-year";
import type { MessageKey } from "../i18n/messages.server";
import { adminMessages } from "../i18n/catalogue/admin";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { getAppSettings, saveFiscalCalendar } from "../models/settings.server";

export const meta: MetaFunction = () => [{ title: "ตั้งค่า · นวัต" }];

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { fiscalCalendar } = await getAppSettings(db());
  return json({ fiscalCalendar });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await request.formData();
  const startMonth = Number(formData.get("startMonth"));
  const timeZone = String(formData.get("timeZone") ?? "").trim().slice(0, 64);
  let calendar;
  try {
    calendar = parseFiscalCalendar({ startMonth, timeZone });
  } catch {
    const error: MessageKey = "settings.badTimeZone";
    return json({ error, values: { startMonth, timeZone } }, { status: 400 });
  }
  const database = db();
  const { fiscalCalendar: before } = await getAppSettings(database);
  await database.transaction(async (tx) => {
    await saveFiscalCalendar(tx, calendar);
    await recordAudit(tx, {
      actorAccountId: admin.accountId,
      action: "settings.fiscal_calendar_changed",
      entityType: "settings",
      entityId: "fiscal_calendar",
      details: { before, after: calendar },
      ipAddress: clientAddress(request),
    });
  });
  return redirect("/admin/settings?saved=1");
}

export default function SettingsPage() {
  const { fiscalCalendar } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n(adminMessages);
  const values = actionData?.values ?? fiscalCalendar;
  return (
    <>
      <h1>{t("settings.title")}</h1>
      {searchParams.get("saved") && !actionData ? <FormNotice tone="ok">{t("settings.saved")}</FormNotice> : null}
      <Form method="post" className="card stack">
        <div className="field">
          <label htmlFor="startMonth">{t("settings.fiscalStartMonth")}</label>
          <span className="field__hint" id="startMonth-hint">
            {t("settings.fiscalHint")}
          </span>
          <select id="startMonth" name="startMonth" defaultValue={values.startMonth} aria-describedby="startMonth-hint">
            {MONTHS.map((month) => (
              <option key={month} value={month}>
                {t(`month.${month}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="timeZone">{t("settings.timeZone")}</label>
          <input
            id="timeZone"
            name="timeZone"
            type="text"
            defaultValue={values.timeZone}
            aria-invalid={actionData ? true : undefined}
            aria-describedby={actionData ? "timeZone-error" : undefined}
          />
          {actionData ? (
            <p className="field__error" id="timeZone-error" role="alert">
              {t(actionData.error)}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit">{t("form.save")}</button>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
