import { Form } from "@remix-run/react";
import { formatFileSize } from "../domain/attachment-kinds";
import { recordedByName } from "../domain/person-name";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";

export type AttachmentItem = {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string | Date;
  uploadedByNameTh: string | null;
  /** The uploader's English name, null without one: English readers see it (PRODUCT.md §5). */
  uploadedByNameEn?: string | null;
};

/**
 * Evidence files of one record: each a link that downloads it (served only to people allowed
 * to see the record), with its size, date and uploader. The committee may remove one; the
 * remove form posts to the file's own route and comes back to `redirectTo`.
 */
export function AttachmentList({
  attachments,
  canRemove = false,
  redirectTo,
  label,
}: {
  attachments: AttachmentItem[];
  canRemove?: boolean;
  redirectTo: string;
  label?: string;
}) {
  const { t, locale, date, number } = useI18n(projectsMessages);
  if (attachments.length === 0) return <p className="muted">{t("projects.attachment.none")}</p>;
  return (
    <ul className="attachment-list" aria-label={label ?? t("projects.attachment.listLabel")}>
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <a href={`/attachments/${attachment.id}`}>{attachment.fileName}</a>{" "}
          <span className="muted">
            {t("projects.attachment.meta", {
              size: formatFileSize(attachment.sizeBytes, number),
              date: date(attachment.createdAt, "medium"),
              name: recordedByName({ byNameTh: attachment.uploadedByNameTh, byNameEn: attachment.uploadedByNameEn }, locale) ?? "–",
            })}
          </span>
          {canRemove ? (
            <Form method="post" action={`/attachments/${attachment.id}`} reloadDocument className="inline-form no-print">
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <button type="submit" className="link-button" aria-label={t("projects.attachment.removeLabel", { name: attachment.fileName })}>
                {t("projects.attachment.remove")}
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
