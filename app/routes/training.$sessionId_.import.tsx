import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { ImportDoneNotice, ImportPreview, ImportProblems, ImportRowKey, ImportRowsTable, UploadSection } from "../components/import-parts";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { getSession } from "../models/training.server";
import { commitAttendanceImport, previewAttendanceImport } from "../services/training-attendance.server";
import { recordIdFromAddress } from "../http-errors";
import { answerImport } from "../services/roster-upload.server";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "training.import.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "hr");
  const session = await getSession(db(), recordIdFromAddress(params.sessionId));
  if (!session) throw notFound();
  return json({ session });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  const sessionId = recordIdFromAddress(params.sessionId);
  return answerImport(request, `/training/${sessionId}/import`, async (input) => {
    const database = db();
    const result =
      input.step === "check"
        ? await previewAttendanceImport(database, sessionId, input.text)
        : await commitAttendanceImport(database, { accountId: user.accountId, ipAddress: clientAddress(request) }, { sessionId, text: input.text, fingerprint: input.fingerprint, fileName: input.fileName });
    if (result.status === "notFound") throw notFound();
    return result;
  });
}

export default function AttendanceImportPage() {
  const { session } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, number, date } = useI18n(rosterMessages);
  return (
    <>
      <p>
        <Link to={`/training/${session.id}`}>← {session.title}</Link>
      </p>
      <h1>{t("training.import.title")}</h1>
      <p className="muted">
        {session.title} · {date(session.startDate)} · {t("training.attendance.sessionHours", { hours: number(session.hours) })}
      </p>
      <ImportDoneNotice message={(counts) => t("training.import.done", counts)}>
        <Link to={`/training/${session.id}`}>{t("training.import.backToSession")}</Link>
      </ImportDoneNotice>
      {actionData?.kind === "invalid" ? <ImportProblems fileErrors={actionData.fileErrors} rowErrors={actionData.rowErrors} /> : null}
      {actionData?.kind === "preview" ? (
        <ImportPreview stale={actionData.stale} preview={actionData.preview} content={actionData.content} fileName={actionData.fileName}>
          {actionData.preview.addedCount + actionData.preview.changedCount > 0 ? (
            <ImportRowsTable
              caption={t("training.import.previewCaption")}
              headings={
                <>
                  <th scope="col" className="num">
                    {t("training.import.hoursBefore")}
                  </th>
                  <th scope="col" className="num">
                    {t("training.hours")}
                  </th>
                </>
              }
            >
              {actionData.preview.additions.map((row) => (
                <tr key={row.employeeCode}>
                  <ImportRowKey row={row.row} employeeCode={row.employeeCode} />
                  <td className="num">–</td>
                  <td className="num">{number(row.hours)}</td>
                </tr>
              ))}
              {actionData.preview.changes.map((row) => (
                <tr key={row.employeeCode}>
                  <ImportRowKey row={row.row} employeeCode={row.employeeCode} />
                  <td className="num">{number(row.before)}</td>
                  <td className="num">{number(row.hours)}</td>
                </tr>
              ))}
            </ImportRowsTable>
          ) : null}
        </ImportPreview>
      ) : null}
      <UploadSection>
        <p>{t("training.import.rules")}</p>
      </UploadSection>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
