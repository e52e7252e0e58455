import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice } from "../components/forms";
import { parseFiscalCalendar } from "../domain/fiscal-year";
import { parseOrganisationNames } from "../domain/organisation-name";
import type { MessageKey } from "../i18n/messages.server";
import { adminMessages } from "../i18n/catalogue/admin";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { getAppSettings, saveFiscalCalendar, saveOrganisation } from "../models/settings.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [adminMessages], "settings.title");

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { fiscalCalendar, organisation } = await getAppSettings(db());
  return json({ fiscalCalendar, organisation });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await request.formData();
  if (formData.get("intent") === "organisation") {
    const raw = { nameTh: String(formData.get("nameTh") ?? "").slice(0, 1000), nameEn: String(formData.get("nameEn") ?? "").slice(0, 1000) };
    const parsed = parseOrganisationNames(raw);
    if (!parsed.ok) return json({ intent: "organisation" as const, fieldErrors: parsed.fieldErrors, values: raw }, { status: 400 });
    const database = db();
    const { organisation: before } = await getAppSettings(database);
    await database.transaction(async (tx) => {
      await saveOrganisation(tx, parsed.names);
      await recordAudit(tx, {
        actorAccountId: admin.accountId,
        action: "settings.organisation_changed",
        entityType: "settings",
        entityId: "organisation",
        details: { before, after: parsed.names },
        ipAddress: clientAddress(request),
      });
    });
    return redirect("/admin/settings?saved=1");
  }
  const startMonth = Number(formData.get("startMonth"));
  const timeZone = String(formData.get("timeZone") ?? "").trim().slice(0, 64);
  let calendar;
  try {
    calendar = parseFiscalCalendar({ startMonth, timeZone });
  } catch {
    const error: MessageKey = "settings.badTimeZone";
    return json({ intent: "calendar" as const, error, values: { startMonth, timeZone } }, { status: 400 });
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
  const { fiscalCalendar, organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n(adminMessages);
  const calendarError = actionData?.intent === "calendar" ? actionData : null;
  const organisationError = actionData?.intent === "organisation" ? actionData : null;
  const values = calendarError?.values ?? fiscalCalendar;
  const names = organisationError?.values ?? organisation;
  const nameField = (name: "nameTh" | "nameEn", label: MessageKey) => {
    const error = organisationError?.fieldErrors[name];
    return (
      <Field
        label={t(label)}
        error={error ? t(error) : null}
        inputProps={{ id: name, name, type: "text", defaultValue: names[name], lang: name === "nameTh" ? "th" : "en", required: name === "nameTh" }}
      />
    );
  };
  return (
    <>
      <h1>{t("settings.title")}</h1>
      {searchParams.get("saved") && !actionData ? <FormNotice tone="ok">{t("settings.saved")}</FormNotice> : null}
      <Form method="post" className="card stack" aria-labelledby="organisation-heading">
        <h2 id="organisation-heading">{t("settings.organisation")}</h2>
        <p className="field__hint">{t("settings.organisationHint")}</p>
        <input type="hidden" name="intent" value="organisation" />
        {nameField("nameTh", "settings.nameTh")}
        {nameField("nameEn", "settings.nameEn")}
        <div>
          <button type="submit">{t("form.save")}</button>
        </div>
      </Form>
      <Form method="post" className="card stack" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{t("settings.calendar")}</h2>
        <input type="hidden" name="intent" value="calendar" />
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
            aria-invalid={calendarError ? true : undefined}
            aria-describedby={calendarError ? "timeZone-error" : undefined}
          />
          {calendarError ? (
            <p className="field__error" id="timeZone-error" role="alert">
              {t(calendarError.error)}
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
