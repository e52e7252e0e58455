import { Form, useNavigation } from "@remix-run/react";
import type { SessionFieldErrors, SessionFormValues } from "../domain/training-session";
import type { MessageKey } from "../i18n/messages.server";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { Field, TextAreaField } from "./forms";
import { SelectField } from "./roster-person-form";

/** A training session's form (new and edit), a plain post; errors beside each field. */
export function TrainingSessionForm({
  values,
  fieldErrors,
  planOptions,
  submissionToken,
  version,
  submitLabel,
}: {
  values: SessionFormValues;
  fieldErrors: SessionFieldErrors;
  planOptions: { id: number; code: string; nameTh: string; nameEn: string }[];
  /** A new session's form: the loader's token, so the same form posted twice makes one session. */
  submissionToken?: string;
  /** An edit form's version of the session ("" when the post carried none): a stale save is refused. */
  version?: number | string;
  submitLabel: string;
}) {
  const { t, locale } = useI18n(rosterMessages);
  const navigation = useNavigation();
  const error = (field: keyof SessionFormValues) => (fieldErrors[field] ? t(fieldErrors[field]) : null);
  const text = (field: keyof SessionFormValues, label: MessageKey, props: { required?: boolean; hint?: string; inputMode?: "decimal" } = {}) => (
    <Field
      label={t(label)}
      hint={props.hint}
      error={error(field)}
      inputProps={{ id: `session-${field}`, name: field, type: "text", defaultValue: values[field], required: props.required, inputMode: props.inputMode, autoComplete: "off" }}
    />
  );
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="save" />
      {submissionToken ? <input type="hidden" name="submissionToken" value={submissionToken} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {text("title", "training.field.title", { required: true })}
      <div className="grid">
        {text("topic", "training.field.topic")}
        {text("organiser", "training.field.organiser")}
      </div>
      <div className="grid">
        {text("startDate", "training.field.startDate", { required: true, hint: t("rosterHr.dateHint") })}
        {text("endDate", "training.field.endDate", { required: true, hint: t("rosterHr.dateHint") })}
        {text("hours", "training.field.hours", { required: true, inputMode: "decimal", hint: t("training.field.hoursHint") })}
      </div>
      <div className="grid">
        <SelectField
          id="session-planId"
          name="planId"
          label={t("training.field.plan")}
          value={values.planId}
          placeholder={t("training.field.noPlan")}
          options={planOptions.map((plan) => ({ value: String(plan.id), label: `${plan.code} ${(locale === "en" && plan.nameEn) || plan.nameTh}` }))}
          error={error("planId")}
        />
        {text("location", "training.field.location")}
      </div>
      <TextAreaField
        label={t("training.field.notes")}
        error={error("notes")}
        textareaProps={{ id: "session-notes", name: "notes", defaultValue: values.notes, rows: 3 }}
      />
      <div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
