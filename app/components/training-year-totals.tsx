import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";

export type TrainingYearTotal = { fiscalYear: number; sessions: number; hours: number };

/**
 * A person's training sessions and hours per fiscal year, as HR sees it on the person's page and
 * the person sees it on their own training page (both read `personTraining`).
 */
export function TrainingYearTotals({ totals }: { totals: readonly TrainingYearTotal[] }) {
  const { t, number, fiscalYear } = useI18n(rosterMessages);
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("training.byYear")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("training.fiscalYear")}</th>
            <th scope="col" className="num">
              {t("training.sessions")}
            </th>
            <th scope="col" className="num">
              {t("training.hours")}
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => (
            <tr key={total.fiscalYear}>
              <th scope="row">{fiscalYear(total.fiscalYear)}</th>
              <td className="num">{number(total.sessions)}</td>
              <td className="num">{number(total.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
