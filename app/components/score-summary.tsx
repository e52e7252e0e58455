import type { Spread } from "../domain/pipeline";
import { personDisplayName } from "../domain/person-name";
import { formatNumber } from "../i18n/format";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";

export type ScoreSummaryView = {
  criteria: { id: number; nameTh: string; nameEn: string; active: boolean; spread: Spread | null }[];
  overall: Spread | null;
  raters: number;
};

export type MemberScoresView = { personId: number; nameTh: string; nameEn: string | null; scores: Record<number, number> }[];

function useScoreFormat() {
  const { t, locale } = useI18n(pipelineMessages);
  const value = (number: number) => formatNumber(number, locale, { maximumFractionDigits: 2 });
  return {
    mean: (spread: Spread | null) => (spread ? value(spread.mean) : "–"),
    range: (spread: Spread | null) => (spread ? t("pipeline.scores.rangeValue", { min: value(spread.min), max: value(spread.max) }) : "–"),
  };
}

/**
 * The mean and spread (lowest–highest) of the committee's scores, per criterion and overall,
 * without anyone's name: for the committee, executives and, once decided, the idea's authors.
 * Place it with `getScoreSummary` behind `mayViewScoreSummary` (app/domain/pipeline.ts).
 */
export function ScoreSummary({ summary, headingLevel = 2 }: { summary: ScoreSummaryView; headingLevel?: 2 | 3 }) {
  const { t, locale } = useI18n(pipelineMessages);
  const format = useScoreFormat();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="card" aria-labelledby="score-summary-heading">
      <Heading id="score-summary-heading">{t("pipeline.scores.summary")}</Heading>
      {summary.raters === 0 ? (
        <p className="muted">{t("pipeline.scores.none")}</p>
      ) : (
        <>
          <p className="muted">{t("pipeline.scores.summaryHint", { count: summary.raters })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("pipeline.scores.criterion")}</th>
                  <th scope="col" className="num">
                    {t("pipeline.scores.mean")}
                  </th>
                  <th scope="col" className="num">
                    {t("pipeline.scores.range")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.criteria.map((criterion) => (
                  <tr key={criterion.id}>
                    <th scope="row">{(locale === "en" && criterion.nameEn) || criterion.nameTh}</th>
                    <td className="num">{format.mean(criterion.spread)}</td>
                    <td className="num">{format.range(criterion.spread)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("pipeline.scores.overall")}</th>
                  <td className="num">
                    <strong>{format.mean(summary.overall)}</strong>
                  </td>
                  <td className="num">{format.range(summary.overall)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Every member's scores beside the mean and range: committee eyes only. */
export function MemberScoresTable({ summary, members }: { summary: ScoreSummaryView; members: MemberScoresView }) {
  const { t, locale } = useI18n(pipelineMessages);
  const format = useScoreFormat();
  if (summary.raters === 0) return <p className="muted">{t("pipeline.scores.none")}</p>;
  return (
    <div className="table-wrap" role="region" aria-label={t("pipeline.scores.byMember")} tabIndex={0}>
      <table>
        <caption>{t("pipeline.scores.byMember")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("pipeline.scores.criterion")}</th>
            {members.map((member) => (
              <th key={member.personId} scope="col" className="num">
                {personDisplayName(member, locale)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("pipeline.scores.mean")}
            </th>
            <th scope="col" className="num">
              {t("pipeline.scores.range")}
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.criteria.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row">{(locale === "en" && criterion.nameEn) || criterion.nameTh}</th>
              {members.map((member) => (
                <td key={member.personId} className="num">
                  {member.scores[criterion.id] ?? "–"}
                </td>
              ))}
              <td className="num">{format.mean(criterion.spread)}</td>
              <td className="num">{format.range(criterion.spread)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("pipeline.scores.overall")}</th>
            {members.map((member) => (
              <td key={member.personId} />
            ))}
            <td className="num">
              <strong>{format.mean(summary.overall)}</strong>
            </td>
            <td className="num">{format.range(summary.overall)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
