import { Form, useNavigation } from "@remix-run/react";
import type { IdeaStage } from "../domain/idea-stages";
import type { MoveRule } from "../domain/pipeline";
import type { MessageKey } from "../i18n/messages.server";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { projectErrorMessages } from "../i18n/catalogue/project-errors";
import { useI18n } from "../i18n/use-i18n";
import { useMoveLabel } from "./move-label";
import { Field, StaffField, TextAreaField } from "./forms";

/** What a move form holds, as typed (the names of its fields). */
export type MoveFormValuesView = {
  reason: string;
  meetingNumber: string;
  meetingDate: string;
  meetingResolution: string;
  duplicateOfIdeaId: string;
  originalQuery: string;
  projectMode: "new" | "existing";
  nameTh: string;
  planId: string;
  owner: string;
  budget: string;
  startDate: string;
  endDate: string;
  existingProjectId: string;
};

export type MoveFormOptions = {
  plans: { id: number; label: string }[];
  /** "LS012 นายสมชาย ใจดี" for the owner's datalist; empty when the staff is too large to list. */
  staff: string[];
  projects: { id: number; label: string }[];
};

export type OriginalCandidateView = { id: number; title: string; stage: IdeaStage };

/**
 * One move the committee may make from the idea's stage, as a plain form inside a
 * disclosure: a reason (required when the table says so), the meeting citation, and for a
 * duplicate the original (searched by title or number with a button of the same form, so
 * nothing typed is lost), for an approval the project.
 */
export function MoveForm({
  rule,
  values,
  errors,
  open,
  candidates,
  options,
}: {
  rule: MoveRule;
  values: MoveFormValuesView;
  errors: Partial<Record<keyof MoveFormValuesView | "project", MessageKey>>;
  open: boolean;
  candidates: OriginalCandidateView[];
  options: MoveFormOptions;
}) {
  const { t } = useI18n(pipelineMessages);
  const moveLabel = useMoveLabel();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const prefix = `move-${rule.to}`;
  const error = (field: keyof MoveFormValuesView | "project") => (errors[field] ? t(errors[field]!) : null);
  const reasonRequired = rule.requires.includes("reason");
  const title = rule.kind === "back" ? moveLabel(rule.from, rule.to) : t("pipeline.review.moveTo", { stage: t(`stage.${rule.to}`) });
  return (
    <details className="move-panel" id={prefix} open={open}>
      <summary>{title}</summary>
      <Form method="post" className="stack" aria-label={title}>
        <input type="hidden" name="from" value={rule.from} />
        <input type="hidden" name="to" value={rule.to} />
        {rule.requires.includes("duplicateOf") ? (
          <OriginalPicker prefix={prefix} values={values} error={error("duplicateOfIdeaId")} candidates={candidates} />
        ) : (
          <input type="hidden" name="intent" value="move" />
        )}
        {rule.requires.includes("project") ? <ProjectFields prefix={prefix} values={values} errors={errors} options={options} /> : null}
        <TextAreaField
          label={reasonRequired ? t("pipeline.review.reason") : t("pipeline.review.reasonOptional")}
          hint={t("pipeline.review.reasonHint")}
          error={error("reason")}
          textareaProps={{ id: `${prefix}-reason`, name: "reason", defaultValue: values.reason, required: reasonRequired, maxLength: 2000, rows: 3 }}
        />
        <fieldset className="stack-fieldset">
          <legend>{t("pipeline.meeting.legend")}</legend>
          <Field
            label={t("pipeline.meeting.number")}
            hint={t("pipeline.meeting.numberHint")}
            error={error("meetingNumber")}
            inputProps={{ id: `${prefix}-meeting-number`, name: "meetingNumber", type: "text", defaultValue: values.meetingNumber, maxLength: 50 }}
          />
          <Field
            label={t("pipeline.meeting.date")}
            error={error("meetingDate")}
            inputProps={{ id: `${prefix}-meeting-date`, name: "meetingDate", type: "date", defaultValue: values.meetingDate }}
          />
          <TextAreaField
            label={t("pipeline.meeting.resolution")}
            error={error("meetingResolution")}
            textareaProps={{ id: `${prefix}-meeting-resolution`, name: "meetingResolution", defaultValue: values.meetingResolution, maxLength: 2000, rows: 2 }}
          />
        </fieldset>
        <div>
          <button type="submit" name={rule.requires.includes("duplicateOf") ? "intent" : undefined} value={rule.requires.includes("duplicateOf") ? "move" : undefined} disabled={busy}>
            {t("pipeline.review.confirm")}
          </button>
        </div>
      </Form>
    </details>
  );
}

function OriginalPicker({
  prefix,
  values,
  error,
  candidates,
}: {
  prefix: string;
  values: MoveFormValuesView;
  error: string | null;
  candidates: OriginalCandidateView[];
}) {
  const { t } = useI18n(pipelineMessages);
  const errorId = `${prefix}-original-error`;
  return (
    <>
      <p className="field__hint">{t("pipeline.duplicate.hint")}</p>
      <div className="field">
        <label htmlFor={`${prefix}-original-query`}>{t("pipeline.duplicate.search")}</label>
        <div className="inline-search">
          <input id={`${prefix}-original-query`} name="originalQuery" type="search" defaultValue={values.originalQuery} maxLength={200} />
          <button type="submit" name="intent" value="findOriginal" className="secondary">
            {t("pipeline.duplicate.searchButton")}
          </button>
        </div>
      </div>
      <fieldset className="stack-fieldset" aria-describedby={error ? errorId : undefined}>
        <legend>{t("pipeline.duplicate.candidates")}</legend>
        {candidates.length === 0 ? <p className="muted">{t("pipeline.duplicate.noCandidates")}</p> : null}
        {candidates.map((candidate) => (
          <label key={candidate.id} className="checkbox">
            <input type="radio" name="duplicateOfIdeaId" value={candidate.id} defaultChecked={values.duplicateOfIdeaId === String(candidate.id)} />
            <span>{t("pipeline.duplicate.candidate", { id: candidate.id, title: candidate.title, stage: t(`stage.${candidate.stage}`) })}</span>
          </label>
        ))}
        {error ? (
          <p className="field__error" id={errorId} role="alert">
            {error}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}

function ProjectFields({
  prefix,
  values,
  errors,
  options,
}: {
  prefix: string;
  values: MoveFormValuesView;
  errors: Partial<Record<keyof MoveFormValuesView | "project", MessageKey>>;
  options: MoveFormOptions;
}) {
  // The project's errors come from the project service, in its words (projects.error.*).
  const { t } = useI18n(pipelineMessages, projectErrorMessages);
  const error = (field: keyof MoveFormValuesView | "project") => (errors[field] ? t(errors[field]!) : null);
  const selectField = (field: "planId" | "existingProjectId", label: string, empty: string, choices: { id: number; label: string }[]) => {
    const id = `${prefix}-${field}`;
    const message = error(field);
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} name={field} defaultValue={values[field]} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined}>
          <option value="">{empty}</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
        {message ? (
          <p className="field__error" id={`${id}-error`} role="alert">
            {message}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <fieldset className="stack-fieldset">
      <legend>{t("pipeline.project.legend")}</legend>
      {error("project") ? (
        <p className="field__error" role="alert">
          {error("project")}
        </p>
      ) : null}
      <label className="checkbox">
        <input type="radio" name="projectMode" value="new" defaultChecked={values.projectMode === "new"} /> {t("pipeline.project.modeNew")}
      </label>
      <div className="stack-indent">
        <Field
          label={t("pipeline.project.name")}
          error={error("nameTh")}
          inputProps={{ id: `${prefix}-nameTh`, name: "nameTh", type: "text", defaultValue: values.nameTh, maxLength: 200 }}
        />
        {selectField("planId", t("pipeline.project.plan"), t("pipeline.project.noPlan"), options.plans)}
        <StaffField
          label={t("pipeline.project.owner")}
          hint={t("pipeline.project.ownerHint")}
          error={error("owner")}
          entries={options.staff.length > 0 ? options.staff : null}
          inputProps={{ id: `${prefix}-owner`, name: "owner", defaultValue: values.owner }}
        />
        <Field
          label={t("pipeline.project.budget")}
          error={error("budget")}
          inputProps={{ id: `${prefix}-budget`, name: "budget", type: "text", inputMode: "decimal", defaultValue: values.budget, maxLength: 20 }}
        />
        <Field
          label={t("pipeline.project.startDate")}
          error={error("startDate")}
          inputProps={{ id: `${prefix}-startDate`, name: "startDate", type: "date", defaultValue: values.startDate }}
        />
        <Field
          label={t("pipeline.project.endDate")}
          error={error("endDate")}
          inputProps={{ id: `${prefix}-endDate`, name: "endDate", type: "date", defaultValue: values.endDate }}
        />
      </div>
      <label className="checkbox">
        <input type="radio" name="projectMode" value="existing" defaultChecked={values.projectMode === "existing"} /> {t("pipeline.project.modeExisting")}
      </label>
      <div className="stack-indent">{selectField("existingProjectId", t("pipeline.project.existing"), t("pipeline.project.chooseExisting"), options.projects)}</div>
    </fieldset>
  );
}
