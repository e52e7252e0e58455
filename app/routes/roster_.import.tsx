import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { ImportDoneNotice, ImportPreview, ImportProblems, ImportRowKey, ImportRowsTable, UploadSection } from "../components/import-parts";
import { calendarDateIn } from "../domain/calendar-date";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { listDivisions } from "../models/people.server";
import { listStaffCategories } from "../models/roster.server";
import { getAppSettings } from "../models/settings.server";
import { commitRosterImport, previewRosterImport } from "../services/roster-import.server";
import { rosterImportColumns } from "../services/roster-list.server";
import { answerImport } from "../services/roster-upload.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "rosterHr.import.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr");
  const database = db();
  const [divisions, categories] = await Promise.all([listDivisions(database), listStaffCategories(database)]);
  return json({
    divisions: divisions.map((division) => ({ code: division.code, nameTh: division.nameTh, nameEn: division.nameEn })),
    categories: categories.map((category) => ({ code: category.code, nameTh: category.nameTh, nameEn: category.nameEn })),
    columns: rosterImportColumns(),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  return answerImport(request, "/roster/import", async (input) => {
    const database = db();
    const { fiscalCalendar } = await getAppSettings(database);
    const today = calendarDateIn(new Date(), fiscalCalendar.timeZone);
    return input.step === "check"
      ? previewRosterImport(database, input.text, today)
      : commitRosterImport(database, { accountId: user.accountId, ipAddress: clientAddress(request) }, { text: input.text, fingerprint: input.fingerprint, today, fileName: input.fileName });
  });
}

export default function RosterImportPage() {
  const { divisions, categories, columns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale, number, date } = useI18n(rosterMessages);
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  const divisionName = (code: string) => {
    const division = divisions.find((item) => item.code === code);
    return division ? name(division) : code;
  };
  const shown = (column: string, value: string | null) => (value === null || value === "" ? "–" : column.startsWith("employment_") ? date(value) : value);
  return (
    <>
      <p>
        <Link to="/roster">← {t("roster.title")}</Link>
      </p>
      <h1>{t("rosterHr.import.title")}</h1>
      <ImportDoneNotice message={(counts) => t("rosterHr.import.done", counts)} />

      {actionData?.kind === "invalid" ? <ImportProblems fileErrors={actionData.fileErrors} rowErrors={actionData.rowErrors} /> : null}

      {actionData?.kind === "preview" ? (
        <ImportPreview stale={actionData.stale} preview={actionData.preview} content={actionData.content} fileName={actionData.fileName}>
          {actionData.preview.addedCount > 0 ? (
            <ImportRowsTable
              caption={t("rosterHr.import.additions", { count: number(actionData.preview.addedCount) })}
              headings={
                <>
                  <th scope="col">{t("roster.name")}</th>
                  <th scope="col">{t("roster.division")}</th>
                  <th scope="col">{t("rosterHr.field.employmentStart")}</th>
                </>
              }
            >
              {actionData.preview.additions.map((row) => (
                <tr key={row.employeeCode}>
                  <ImportRowKey row={row.row} employeeCode={row.employeeCode} />
                  <td>{`${row.prefixTh}${row.firstNameTh} ${row.lastNameTh}`}</td>
                  <td>{divisionName(row.divisionCode)}</td>
                  <td>{date(row.employmentStart)}</td>
                </tr>
              ))}
            </ImportRowsTable>
          ) : null}
          {actionData.preview.changedCount > 0 ? (
            <ImportRowsTable
              className="roster-spaced"
              caption={t("rosterHr.import.changes", { count: number(actionData.preview.changedCount) })}
              headings={
                <>
                  <th scope="col">{t("roster.name")}</th>
                  <th scope="col">{t("rosterHr.import.whatChanges")}</th>
                </>
              }
            >
              {actionData.preview.changes.map((change) => (
                <tr key={change.employeeCode}>
                  <ImportRowKey row={change.row} employeeCode={change.employeeCode} />
                  <td>{change.nameTh}</td>
                  <td>
                    <ul className="roster-changes">
                      {change.fields.map((field) => (
                        <li key={field.column}>
                          <code>{field.column}</code>: {shown(field.column, field.before)} → {shown(field.column, field.after)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </ImportRowsTable>
          ) : null}
          {actionData.preview.addedCount + actionData.preview.changedCount > actionData.preview.additions.length + actionData.preview.changes.length ? (
            <p className="muted">{t("rosterHr.import.listCut")}</p>
          ) : null}
        </ImportPreview>
      ) : null}

      <UploadSection />

      <section className="card" aria-labelledby="columns-heading">
        <h2 id="columns-heading">{t("rosterHr.import.columnsTitle")}</h2>
        <p>{t("rosterHr.import.rules")}</p>
        <p>
          <a href="/roster/template" download>
            {t("rosterHr.template")}
          </a>
        </p>
        <div className="table-wrap">
          <table>
            <caption>{t("rosterHr.import.columnsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("rosterHr.import.column")}</th>
                <th scope="col">{t("rosterHr.import.required")}</th>
                <th scope="col">{t("rosterHr.import.meaning")}</th>
              </tr>
            </thead>
            <tbody>
              {columns.map(({ column, required }) => (
                <tr key={column}>
                  <th scope="row">
                    <code>{column}</code>
                  </th>
                  <td>{required ? t("rosterHr.import.yes") : t("rosterHr.import.no")}</td>
                  <td>{t(`rosterHr.column.${column}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid roster-spaced">
          <div>
            <h3>{t("rosterHr.import.divisionCodes")}</h3>
            <ul>
              {divisions.map((division) => (
                <li key={division.code}>
                  <code>{division.code}</code> {name(division)}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3>{t("rosterHr.import.categoryCodes")}</h3>
            <ul>
              {categories.map((category) => (
                <li key={category.code}>
                  <code>{category.code}</code> {name(category)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
