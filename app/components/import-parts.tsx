import { Form, useNavigation } from "@remix-run/react";
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

/** The upload form (multipart, a plain post: works without JavaScript). */
export function UploadForm({ label, hint, submitLabel }: { label: string; hint: string; submitLabel: string }) {
  const navigation = useNavigation();
  return (
    <Form method="post" encType="multipart/form-data" className="stack">
      <input type="hidden" name="intent" value="check" />
      <div className="field">
        <label htmlFor="import-file">{label}</label>
        <span className="field__hint" id="import-file-hint">
          {hint}
        </span>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-file-hint" />
      </div>
      <div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

/** The preview's confirm button: the file travels back in a hidden field with the plan's fingerprint. */
export function CommitForm({ content, fileName, fingerprint, label }: { content: string; fileName: string; fingerprint: string; label: string }) {
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

type ImportCounts = { added: number; changed: number; unchanged: number };

/** The counts an import's redirect carries (?added=&changed=&unchanged=), or null before one. */
export function importCountsFrom(searchParams: URLSearchParams): ImportCounts | null {
  if (!searchParams.has("added")) return null;
  return { added: Number(searchParams.get("added")), changed: Number(searchParams.get("changed")), unchanged: Number(searchParams.get("unchanged")) };
}

/** The preview's heading, a warning when the data changed since the file was read, and its counts. */
export function ImportPreviewHeader({ stale, preview }: { stale: boolean; preview: { rowCount: number; addedCount: number; changedCount: number; unchangedCount: number } }) {
  const { t, number } = useI18n(rosterMessages);
  return (
    <>
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
    </>
  );
}
