import { Form, useNavigation } from "@remix-run/react";
import { ATTACHMENT_ACCEPT } from "../domain/attachment-kinds";
import type { MessageKey } from "../i18n/messages.server";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";

/**
 * One file input that posts (multipart) to the page it is on, with intent "upload" and the
 * record it belongs to. The hidden fields come before the file so that the server still knows
 * which record a refused, over-size upload was for. Works without JavaScript.
 */
export function AttachmentUpload({
  ownerType,
  ownerId,
  error,
  legend,
  collapsed = false,
}: {
  ownerType: "idea" | "stage_event" | "project" | "innovation" | "follow_up";
  ownerId: number;
  error?: MessageKey | null;
  legend?: string;
  /** Behind a "attach a file" toggle (open again when there is an error), for pages with many records. */
  collapsed?: boolean;
}) {
  const { t } = useI18n(projectsMessages);
  const navigation = useNavigation();
  const id = `upload-${ownerType}-${ownerId}`;
  const busy = navigation.state === "submitting" && navigation.formData?.get("ownerId") === String(ownerId) && navigation.formData?.get("ownerType") === ownerType;
  const form = (
    <Form method="post" encType="multipart/form-data" className="attachment-upload no-print">
      <input type="hidden" name="intent" value="upload" />
      <input type="hidden" name="ownerType" value={ownerType} />
      <input type="hidden" name="ownerId" value={ownerId} />
      <div className="field">
        <label htmlFor={id}>{legend ?? t("projects.attachment.field")}</label>
        <span className="field__hint" id={`${id}-hint`}>
          {t("projects.attachment.hint")}
        </span>
        <input
          id={id}
          type="file"
          name="file"
          accept={ATTACHMENT_ACCEPT}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`} role="alert">
            {t(error)}
          </p>
        ) : null}
      </div>
      <div>
        <button type="submit" className="secondary" disabled={busy}>
          {t("projects.attachment.upload")}
        </button>
      </div>
    </Form>
  );
  if (!collapsed) return form;
  return (
    <details className="upload-toggle" open={Boolean(error)}>
      <summary>{t("projects.attachment.upload")}</summary>
      {form}
    </details>
  );
}
