import { Form, Link, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { Field, TextAreaField } from "./forms";
import type { MessageKey } from "../i18n/messages.server";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { ideasFormMessages } from "../i18n/catalogue/ideas-form";
import { useI18n } from "../i18n/use-i18n";
import { StageBadge } from "./stage-badge";
import type { IdeaStage } from "../domain/idea-stages";

export type IdeaFormFieldValues = {
  title: string;
  problem: string;
  solution: string;
  benefit: string;
  planId: string;
  coAuthors: string[];
  tags: string;
};

export type PlanOption = { strategyCode: string; strategyName: string; plans: { id: number; code: string; name: string }[] };
export type SimilarIdea = { id: number; title: string; stage: IdeaStage };

/**
 * The idea form, for a new idea and for an edit. Works as a plain form post: "Preview" sends
 * it back rendered, with similar ideas, without saving. With JavaScript, similar ideas also
 * appear while the title is typed.
 */
export function IdeaForm({
  values,
  fieldErrors,
  planOptions,
  staffOptions,
  submissionToken,
  version,
  similar,
  preview,
  submitLabel,
  excludeIdeaId,
}: {
  values: IdeaFormFieldValues;
  fieldErrors: Partial<Record<string, MessageKey>>;
  planOptions: PlanOption[];
  staffOptions: { value: string }[];
  submissionToken?: string;
  /** The edit form's version of the idea ("" when the post carried none): a stale save is refused. */
  version?: number | string;
  similar: SimilarIdea[];
  preview: { problem: string; solution: string; benefit: string } | null;
  submitLabel: string;
  excludeIdeaId?: number;
}) {
  const { t } = useI18n(ideasMessages, ideasFormMessages);
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "submit";
  const error = (field: string) => (fieldErrors[field] ? t(fieldErrors[field] as MessageKey) : null);
  const similarFetcher = useFetcher<{ ideas: SimilarIdea[] }>();
  const debounce = useRef<ReturnType<typeof setTimeout>>();
  const [typedTitle, setTypedTitle] = useState(values.title);
  useEffect(() => () => clearTimeout(debounce.current), []);
  // Remix finds the /ideas/similar route lazily, on the fetcher's first load. If that lookup
  // overlaps the reload that follows a form post, Remix shows its 404 page instead of the form
  // (remix-run/remix#10263). So no lookup starts while the form is being sent: the reply to the
  // post carries the similar ideas for the title sent.
  const navigationState = useRef(navigation.state);
  navigationState.current = navigation.state;
  const liveSimilar = typedTitle !== values.title && similarFetcher.data ? similarFetcher.data.ideas : similar;

  return (
    <Form method="post" className="stack" noValidate onSubmit={() => clearTimeout(debounce.current)}>
      {submissionToken ? <input type="hidden" name="submissionToken" value={submissionToken} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <Field
        label={t("ideas.field.title")}
        error={error("title")}
        inputProps={{
          name: "title",
          type: "text",
          defaultValue: values.title,
          required: true,
          maxLength: 200,
          autoComplete: "off",
          onChange: (event) => {
            const title = event.currentTarget.value;
            setTypedTitle(title);
            clearTimeout(debounce.current);
            debounce.current = setTimeout(() => {
              if (navigationState.current !== "idle") return;
              const query = new URLSearchParams({ title });
              if (excludeIdeaId) query.set("exclude", String(excludeIdeaId));
              similarFetcher.load(`/ideas/similar?${query}`);
            }, 350);
          },
        }}
      />
      <SimilarIdeas ideas={liveSimilar} />
      <TextAreaField
        label={t("ideas.field.problem")}
        hint={t("ideas.field.markdownHint")}
        error={error("problem")}
        textareaProps={{ name: "problem", defaultValue: values.problem, required: true, maxLength: 5000 }}
      />
      <TextAreaField
        label={t("ideas.field.solution")}
        error={error("solution")}
        textareaProps={{ name: "solution", defaultValue: values.solution, required: true, maxLength: 5000 }}
      />
      <TextAreaField
        label={t("ideas.field.benefit")}
        error={error("benefit")}
        textareaProps={{ name: "benefit", defaultValue: values.benefit, required: true, maxLength: 5000 }}
      />
      <div className="field">
        <label htmlFor="idea-plan">{t("ideas.field.plan")}</label>
        <select
          id="idea-plan"
          name="planId"
          defaultValue={values.planId}
          aria-invalid={fieldErrors.planId ? true : undefined}
          aria-describedby={fieldErrors.planId ? "idea-plan-error" : undefined}
        >
          <option value="">{t("ideas.field.noPlan")}</option>
          {planOptions.map((strategy) => (
            <optgroup key={strategy.strategyCode} label={`${strategy.strategyCode}. ${strategy.strategyName}`}>
              {strategy.plans.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {plan.code} {plan.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {fieldErrors.planId ? (
          <p className="field__error" id="idea-plan-error" role="alert">
            {error("planId")}
          </p>
        ) : null}
      </div>
      <fieldset>
        <legend>{t("ideas.field.coAuthors")}</legend>
        <p className="field__hint">{t("ideas.field.coAuthorsHint")}</p>
        <datalist id="staff-options">
          {staffOptions.map((option) => (
            <option key={option.value} value={option.value} />
          ))}
        </datalist>
        {values.coAuthors.map((coAuthor, index) => (
          <Field
            key={index}
            label={t("ideas.field.coAuthor", { number: index + 1 })}
            error={error(`coAuthor${index}`)}
            inputProps={{ name: "coAuthor", type: "text", list: "staff-options", defaultValue: coAuthor, autoComplete: "off" }}
          />
        ))}
      </fieldset>
      <Field
        label={t("ideas.field.tags")}
        hint={t("ideas.field.tagsHint")}
        error={error("tags")}
        inputProps={{ name: "tags", type: "text", defaultValue: values.tags, maxLength: 500 }}
      />
      {preview ? (
        <section className="card" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("ideas.preview.title")}</h2>
          <h3>{t("ideas.field.problem")}</h3>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: preview.problem }} />
          <h3>{t("ideas.field.solution")}</h3>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: preview.solution }} />
          <h3>{t("ideas.field.benefit")}</h3>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: preview.benefit }} />
        </section>
      ) : null}
      <div className="actions">
        <button type="submit" name="intent" value="submit" disabled={submitting}>
          {submitting ? t("ideas.submitting") : submitLabel}
        </button>
        <button type="submit" name="intent" value="preview" className="secondary" formNoValidate>
          {t("ideas.preview")}
        </button>
      </div>
    </Form>
  );
}

function SimilarIdeas({ ideas }: { ideas: SimilarIdea[] }) {
  const { t } = useI18n(ideasMessages, ideasFormMessages);
  if (ideas.length === 0) return <div aria-live="polite" />;
  return (
    <div aria-live="polite">
      <section className="card similar" aria-labelledby="similar-heading">
        <h2 id="similar-heading">{t("ideas.similar.title")}</h2>
        <p className="muted">{t("ideas.similar.hint")}</p>
        <ul>
          {ideas.map((idea) => (
            <li key={idea.id}>
              <Link to={`/ideas/${idea.id}`} target="_blank" rel="noopener">
                {idea.title}
              </Link>{" "}
              <StageBadge stage={idea.stage} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/**
 * What the author typed into a save the server refused because the idea can no longer change
 * (review started, or withdrawn meanwhile): shown back read-only, selectable, so nothing typed is
 * lost and it can be copied. Plain HTML, no JavaScript needed; outside any form, so it sends nothing.
 */
export function IdeaTextKept({ values, planOptions }: { values: IdeaFormFieldValues; planOptions: PlanOption[] }) {
  const { t } = useI18n(ideasMessages, ideasFormMessages);
  const plan = planOptions.flatMap((strategy) => strategy.plans).find((option) => String(option.id) === values.planId);
  const coAuthors = values.coAuthors.filter((coAuthor) => coAuthor.trim() !== "");
  return (
    <section className="stack" aria-labelledby="idea-kept-heading">
      <h2 id="idea-kept-heading">{t("ideas.edit.keptTitle")}</h2>
      <p className="muted">{t("ideas.edit.keptHint")}</p>
      <Field label={t("ideas.field.title")} inputProps={{ name: "title", type: "text", readOnly: true, defaultValue: values.title }} />
      <TextAreaField label={t("ideas.field.problem")} textareaProps={{ name: "problem", readOnly: true, defaultValue: values.problem }} />
      <TextAreaField label={t("ideas.field.solution")} textareaProps={{ name: "solution", readOnly: true, defaultValue: values.solution }} />
      <TextAreaField label={t("ideas.field.benefit")} textareaProps={{ name: "benefit", readOnly: true, defaultValue: values.benefit }} />
      {plan ? <Field label={t("ideas.field.plan")} inputProps={{ name: "plan", type: "text", readOnly: true, defaultValue: `${plan.code} ${plan.name}` }} /> : null}
      {coAuthors.map((coAuthor, index) => (
        <Field key={index} label={t("ideas.field.coAuthor", { number: index + 1 })} inputProps={{ name: "coAuthor", type: "text", readOnly: true, defaultValue: coAuthor }} />
      ))}
      {values.tags.trim() !== "" ? <Field label={t("ideas.field.tags")} inputProps={{ name: "tags", type: "text", readOnly: true, defaultValue: values.tags }} /> : null}
    </section>
  );
}
