import { Form, useNavigation } from "@remix-run/react";
import type { MessageKey } from "../i18n/messages.server";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { Field } from "./forms";

export type PersonFormFieldName =
  | "employeeCode"
  | "prefixTh"
  | "firstNameTh"
  | "lastNameTh"
  | "firstNameEn"
  | "lastNameEn"
  | "email"
  | "positionTh"
  | "categoryId"
  | "divisionId"
  | "employmentStart"
  | "employmentEnd";

type Option = { id: number; nameTh: string; nameEn: string };

/** A labelled select with its error beside it. */
export function SelectField({
  id,
  name,
  label,
  value,
  options,
  error,
  placeholder,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string | null;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Add or edit a person. "new" also asks for the code, division and employment dates; an edit
 * changes the details only (moves and employment dates have their own forms on the person page).
 */
export function RosterPersonForm({
  mode,
  values,
  fieldErrors,
  divisions,
  categories,
  submitLabel,
  version,
}: {
  mode: "new" | "edit";
  values: Record<PersonFormFieldName, string>;
  fieldErrors: Partial<Record<PersonFormFieldName, MessageKey>>;
  divisions: Option[];
  categories: Option[];
  submitLabel: string;
  /** The edit form's version of the person's details ("" when the post carried none): a stale save is refused. */
  version?: number | string;
}) {
  const { t, locale } = useI18n(rosterMessages);
  const navigation = useNavigation();
  const name = (item: Option) => (locale === "en" && item.nameEn) || item.nameTh;
  const error = (field: PersonFormFieldName) => (fieldErrors[field] ? t(fieldErrors[field]) : null);
  const text = (field: PersonFormFieldName, label: MessageKey, props: { required?: boolean; type?: string; hint?: string; autoComplete?: string } = {}) => (
    <Field
      label={t(label)}
      hint={props.hint}
      error={error(field)}
      inputProps={{
        id: `person-${field}`,
        name: field,
        type: props.type ?? "text",
        defaultValue: values[field],
        required: props.required,
        autoComplete: props.autoComplete ?? "off",
      }}
    />
  );
  return (
    <Form method="post" className="stack" noValidate>
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {mode === "new" ? text("employeeCode", "rosterHr.field.employeeCode", { required: true, hint: t("rosterHr.field.employeeCodeHint") }) : null}
      <div className="grid">
        {text("prefixTh", "rosterHr.field.prefixTh", { required: true })}
        {text("firstNameTh", "rosterHr.field.firstNameTh", { required: true })}
        {text("lastNameTh", "rosterHr.field.lastNameTh", { required: true })}
      </div>
      <div className="grid">
        {text("firstNameEn", "rosterHr.field.firstNameEn")}
        {text("lastNameEn", "rosterHr.field.lastNameEn")}
        {text("email", "rosterHr.field.email", { type: "email", autoComplete: "off" })}
      </div>
      {text("positionTh", "rosterHr.field.positionTh", { required: true })}
      <div className="grid">
        <SelectField
          id="person-categoryId"
          name="categoryId"
          label={t("roster.category")}
          value={values.categoryId}
          placeholder={t("rosterHr.choose")}
          options={categories.map((category) => ({ value: String(category.id), label: name(category) }))}
          error={error("categoryId")}
        />
        {mode === "new" ? (
          <SelectField
            id="person-divisionId"
            name="divisionId"
            label={t("roster.division")}
            value={values.divisionId}
            placeholder={t("rosterHr.choose")}
            options={divisions.map((division) => ({ value: String(division.id), label: name(division) }))}
            error={error("divisionId")}
          />
        ) : null}
      </div>
      {mode === "new" ? (
        <div className="grid">
          {text("employmentStart", "rosterHr.field.employmentStart", { required: true, hint: t("rosterHr.dateHint") })}
          {text("employmentEnd", "rosterHr.field.employmentEnd", { hint: t("rosterHr.dateHint") })}
        </div>
      ) : null}
      <div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
