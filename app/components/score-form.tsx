import { Form, useNavigation } from "@remix-run/react";
import { SCORE_MAX, SCORE_MIN } from "../domain/pipeline";
import type { MessageKey } from "../i18n/messages.server";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, index) => SCORE_MIN + index);

/**
 * A committee member scores an idea: one group of radio buttons 1–5 per active criterion,
 * filled with what they gave before (or typed, after an error). A plain form post.
 */
export function ScoreForm({
  criteria,
  values,
  errors,
}: {
  criteria: { id: number; nameTh: string; nameEn: string }[];
  values: Record<string, string>;
  errors: Record<string, MessageKey>;
}) {
  const { t, locale } = useI18n(pipelineMessages);
  const navigation = useNavigation();
  return (
    <Form method="post" className="stack" aria-label={t("pipeline.scores.yours")}>
      <input type="hidden" name="intent" value="score" />
      <p className="field__hint" id="score-hint">
        {t("pipeline.scores.hint")}
      </p>
      {criteria.map((criterion) => {
        const field = `score-${criterion.id}`;
        const error = errors[field];
        return (
          <fieldset key={criterion.id} className="score-choice" aria-describedby={error ? `${field}-error` : "score-hint"}>
            <legend>{(locale === "en" && criterion.nameEn) || criterion.nameTh}</legend>
            <div className="score-choice__options">
              {SCORES.map((score) => (
                <label key={score} className="score-choice__option">
                  <input type="radio" name={field} value={score} defaultChecked={values[field] === String(score)} />
                  <span>{score}</span>
                </label>
              ))}
            </div>
            {error ? (
              <p className="field__error" id={`${field}-error`} role="alert">
                {t(error)}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("pipeline.scores.save")}
        </button>
      </div>
    </Form>
  );
}
