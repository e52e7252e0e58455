import { useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";
import type { MessageKey } from "../i18n/messages.server";
import { personEntry, personEntryCode } from "../domain/person-entry";
import { Field, StaffField, TextAreaField } from "./forms";

/** A labelled select with its hint and error beside it (same wiring as Field in forms.tsx). */
export function SelectField({
  label,
  error,
  hint,
  selectProps,
  children,
}: {
  label: string;
  error?: string | null;
  hint?: string;
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { name: string };
  children: ReactNode;
}) {
  const generatedId = useId();
  const id = selectProps.id ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <select
        {...selectProps}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      >
        {children}
      </select>
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type ProjectPlanOption = { strategyCode: string; strategyName: string; plans: { id: number; code: string; name: string }[] };
/** A member of staff the form may offer: the datalist entry is "code name", the checklist value the code. */
export type ProjectStaffOption = { code: string; name: string };
/** A team line that was not taken, and why. */
export type ProjectMemberProblem = { text: string; problem: MessageKey };

export type ProjectFieldValues = {
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  planId: string;
  owner: string;
  members: string[];
  budget: string;
  startDate: string;
  endDate: string;
  progress: string;
  status: string;
};

const STATUSES = ["planned", "active", "completed", "cancelled"] as const;

/**
 * The fields of a project (new, edit, or created with an idea's approval). Field names match
 * projectFormValues() in app/services/projects.server.ts. `idPrefix` keeps ids unique when a
 * page holds two of these forms.
 */
export function ProjectFields({
  values,
  fieldErrors,
  planOptions,
  staffOptions,
  staffListed,
  memberProblems = [],
  withStatus = false,
  idPrefix = "project",
}: {
  values: ProjectFieldValues;
  fieldErrors: Partial<Record<string, MessageKey>>;
  planOptions: ProjectPlanOption[];
  /** Everyone who may be chosen, while they are few enough to list (`staffListed`). */
  staffOptions: ProjectStaffOption[];
  /** false for a large staff: no datalist, and the team is typed one per line. */
  staffListed: boolean;
  memberProblems?: ProjectMemberProblem[];
  withStatus?: boolean;
  idPrefix?: string;
}) {
  const { t } = useI18n(projectsMessages);
  const error = (field: string) => {
    const key = fieldErrors[field];
    return key ? t(key) : undefined;
  };
  const chosenMembers = new Set(values.members.map(personEntryCode));
  const memberLines = memberProblems.map(({ text, problem }) => t("projects.error.memberLine", { text, problem: t(problem) }));
  const membersError = [error("members"), ...memberLines].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <Field
        label={t("projects.field.nameTh")}
        error={error("nameTh")}
        inputProps={{ id: `${idPrefix}-nameTh`, name: "nameTh", type: "text", defaultValue: values.nameTh, required: true, maxLength: 400 }}
      />
      <Field
        label={t("projects.field.nameEn")}
        error={error("nameEn")}
        inputProps={{ id: `${idPrefix}-nameEn`, name: "nameEn", type: "text", defaultValue: values.nameEn, maxLength: 400, lang: "en" }}
      />
      <TextAreaField
        label={t("projects.field.descriptionTh")}
        error={error("descriptionTh")}
        textareaProps={{ id: `${idPrefix}-descriptionTh`, name: "descriptionTh", defaultValue: values.descriptionTh, rows: 4 }}
      />
      <SelectField
        label={t("projects.field.planId")}
        error={error("planId")}
        selectProps={{ id: `${idPrefix}-planId`, name: "planId", defaultValue: values.planId, required: true }}
      >
        <option value="">{t("projects.field.choose")}</option>
        {planOptions.map((strategy) => (
          <optgroup key={strategy.strategyCode} label={`${strategy.strategyCode}. ${strategy.strategyName}`}>
            {strategy.plans.map((plan) => (
              <option key={plan.id} value={String(plan.id)}>
                {plan.code} {plan.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <StaffField
        label={t("projects.field.owner")}
        hint={t("projects.field.ownerHint")}
        error={error("owner")}
        entries={staffListed ? staffOptions.map((person) => personEntry(person.code, person.name)) : null}
        inputProps={{ id: `${idPrefix}-owner`, name: "owner", defaultValue: values.owner, required: true }}
      />
      {staffListed ? (
        <fieldset className="checklist" aria-describedby={`${idPrefix}-members-hint${membersError ? ` ${idPrefix}-members-error` : ""}`}>
          <legend>{t("projects.field.members")}</legend>
          <p className="field__hint" id={`${idPrefix}-members-hint`}>
            {t("projects.field.membersHint")}
          </p>
          {membersError ? (
            <p className="field__error" id={`${idPrefix}-members-error`} role="alert">
              {membersError}
            </p>
          ) : null}
          <div className="checklist__items">
            {staffOptions.map((person) => (
              <label key={person.code} className="checkbox">
                <input type="checkbox" name="member" value={person.code} defaultChecked={chosenMembers.has(person.code.toUpperCase())} />
                <span>
                  {person.name} ({person.code})
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <TextAreaField
          label={t("projects.field.members")}
          hint={t("projects.field.membersLinesHint")}
          error={membersError}
          textareaProps={{ id: `${idPrefix}-members`, name: "members", defaultValue: values.members.join("\n"), rows: 6, maxLength: 20_000 }}
        />
      )}
      <Field
        label={t("projects.field.budget")}
        hint={t("projects.field.budgetHint")}
        error={error("budget")}
        inputProps={{ id: `${idPrefix}-budget`, name: "budget", type: "text", inputMode: "decimal", defaultValue: values.budget, required: true, maxLength: 40 }}
      />
      <div className="field-row">
        <Field
          label={t("projects.field.startDate")}
          error={error("startDate")}
          inputProps={{ id: `${idPrefix}-startDate`, name: "startDate", type: "date", defaultValue: values.startDate, required: true }}
        />
        <Field
          label={t("projects.field.endDate")}
          error={error("endDate")}
          inputProps={{ id: `${idPrefix}-endDate`, name: "endDate", type: "date", defaultValue: values.endDate, required: true }}
        />
      </div>
      {withStatus ? (
        <>
          <SelectField
            label={t("projects.field.status")}
            hint={t("projects.field.statusHint")}
            error={error("status")}
            selectProps={{ id: `${idPrefix}-status`, name: "status", defaultValue: values.status }}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`projects.status.${status}`)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("projects.field.progress")}
            error={error("progress")}
            inputProps={{ id: `${idPrefix}-progress`, name: "progress", type: "number", min: 0, max: 100, step: 1, defaultValue: values.progress }}
          />
        </>
      ) : null}
    </>
  );
}

/** The project's status as a badge. */
export function ProjectStatusBadge({ status }: { status: string }) {
  const { t } = useI18n(projectsMessages);
  const known = (STATUSES as readonly string[]).includes(status) ? (status as (typeof STATUSES)[number]) : "planned";
  return <span className={`project-status project-status--${known}`}>{t(`projects.status.${known}`)}</span>;
}

/** Progress as a bar with its percentage in words (the bar alone says nothing to a screen reader). */
export function ProjectProgress({ value, label }: { value: number; label: string }) {
  const { t } = useI18n(projectsMessages);
  return (
    <span className="project-progress">
      <progress max={100} value={value} aria-label={label}>
        {t("projects.percent", { value })}
      </progress>
      <span>{t("projects.percent", { value })}</span>
    </span>
  );
}
