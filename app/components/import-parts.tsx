import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FileError, RowError } from "../domain/roster-import";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { FormNotice } from "./forms";

/** Every problem of a refused file: file-level ones first, then each bad row with its number and reason. */
export function ImportProblems({ fileErrors, rowErrors }: { fileErrors: FileError[]; rowErrors: RowError[] }) {
  const { t, date, number } = useI18n(rosterMessages);
  const params = (values: Record<string, string | number> | undefined) =>
    Object.fromEntries(
      Object.entries(values ?? {}).map(([key, value]) => [key, key === "date" ? date(String(value)) : typeof value === "number" ? number(value) : value]),
    );
  const badRows = new Set(rowErrors.map((error) => error.row)).size;
  return (
    <section aria-labelledby="import-problems-heading" className="card import-problems">
      <h2 id="import-problems-heading">{t("rosterHr.import.problemsTitle")}</h2>
      <FormNotice tone="error">
        {rowErrors.length > 0 ? t("rosterHr.import.rejectedRows", { rows: number(badRows) }) : t("rosterHr.import.rejectedFile")}
      </FormNotice>
      {fileErrors.length > 0 ? (
        <ul>
          {fileErrors.map((error, index) => (
            <li key={index}>{t(`rosterHr.problem.${error.problem}`, params(error.params))}</li>
          ))}
        </ul>
      ) : null}
      {rowErrors.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t("rosterHr.import.badRowsCaption", { count: number(rowErrors.length) })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("rosterHr.import.row")}
                </th>
                <th scope="col">{t("rosterHr.import.column")}</th>
                <th scope="col">{t("rosterHr.import.value")}</th>
                <th scope="col">{t("rosterHr.import.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {rowErrors.map((error, index) => (
                <tr key={index}>
                  <th scope="row" className="num">
                    {number(error.row)}
                  </th>
                  <td>
                    <code>{error.column ?? "–"}</code>
                  </td>
                  <td>{error.value}</td>
                  <td>{t(`rosterHr.problem.${error.problem}`, params(error.params))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** The upload card: its heading, anything the page says about the file, and the upload form (multipart, a plain post: works without JavaScript). */
export function UploadSection({ children }: { children?: ReactNode }) {
  const { t } = useI18n(rosterMessages);
  const navigation = useNavigation();
  const again = useActionData() !== undefined;
  return (
    <section className="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{again ? t("rosterHr.import.again") : t("rosterHr.import.upload")}</h2>
      {children}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="check" />
        <div className="field">
          <label htmlFor="import-file">{t("rosterHr.import.file")}</label>
          <span className="field__hint" id="import-file-hint">
            {t("rosterHr.import.fileHint")}
          </span>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-file-hint" />
        </div>
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("rosterHr.import.check")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The preview's confirm button: the file travels back in a hidden field with the plan's fingerprint. */
function CommitForm({ content, fileName, fingerprint, label }: { content: string; fileName: string; fingerprint: string; label: string }) {
  const navigation = useNavigation();
  return (
    <Form method="post" className="actions">
      <input type="hidden" name="intent" value="commit" />
      <input type="hidden" name="content" value={content} />
      <input type="hidden" name="fileName" value={fileName} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      <button type="submit" disabled={navigation.state === "submitting"}>
        {label}
      </button>
    </Form>
  );
}

type ImportCounts = { added: string; changed: string; unchanged: string };

/**
 * The notice after an import, from the counts its redirect carries (?added=&changed=&unchanged=),
 * formatted; nothing before one or once the page posts again. `message` words it for the page.
 */
export function ImportDoneNotice({ message, children }: { message: (counts: ImportCounts) => string; children?: ReactNode }) {
  const { number } = useI18n();
  const [searchParams] = useSearchParams();
  const actionData = useActionData();
  if (actionData !== undefined || !searchParams.has("added")) return null;
  const count = (name: keyof ImportCounts) => number(Number(searchParams.get(name)));
  return (
    <FormNotice tone="ok">
      {message({ added: count("added"), changed: count("changed"), unchanged: count("unchanged") })}
      {children ? <>{" "}{children}</> : null}
    </FormNotice>
  );
}

type PreviewCounts = { rowCount: number; addedCount: number; changedCount: number; unchangedCount: number; fingerprint: string };

/**
 * The preview card: its heading, a warning when the data changed since the file was read, its
 * counts, the page's own tables (children), then the confirm button or, when nothing would
 * change, a notice instead.
 */
export function ImportPreview({ stale, preview, content, fileName, children }: { stale: boolean; preview: PreviewCounts; content: string; fileName: string; children: ReactNode }) {
  const { t, number } = useI18n(rosterMessages);
  const toWrite = preview.addedCount + preview.changedCount;
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("rosterHr.import.previewTitle")}</h2>
      {stale ? <FormNotice tone="error">{t("rosterHr.import.stale")}</FormNotice> : null}
      <p>
        {t("rosterHr.import.summary", {
          rows: number(preview.rowCount),
          added: number(preview.addedCount),
          changed: number(preview.changedCount),
          unchanged: number(preview.unchangedCount),
        })}
      </p>
      {children}
      {toWrite > 0 ? (
        <CommitForm content={content} fileName={fileName} fingerprint={preview.fingerprint} label={t("rosterHr.import.commit", { count: number(toWrite) })} />
      ) : (
        <FormNotice tone="ok">{t("rosterHr.import.nothingToDo")}</FormNotice>
      )}
    </section>
  );
}

/** A preview table of the file's rows: each row starts with its line in the file and the employee code; the page adds the rest. */
export function ImportRowsTable({ caption, className, headings, children }: { caption: string; className?: string; headings: ReactNode; children: ReactNode }) {
  const { t } = useI18n(rosterMessages);
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("rosterHr.import.row")}
            </th>
            <th scope="col">{t("roster.code")}</th>
            {headings}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The first two cells of an ImportRowsTable row. */
export function ImportRowKey({ row, employeeCode }: { row: number; employeeCode: string }) {
  const { number } = useI18n();
  return (
    <>
      <td className="num">{number(row)}</td>
      <td>{employeeCode}</td>
    </>
  );
}
