import type { IndicatorStatus } from "../domain/indicator-status";
import { dashboardMessages } from "../i18n/catalogue/dashboard";
import { reportsMessages } from "../i18n/catalogue/reports";
import { useI18n } from "../i18n/use-i18n";

type Figure = {
  code: string;
  nameTh: string;
  nameEn: string;
  unit: "percent" | "count" | "score";
  value: number | null;
  target: number | null;
  status: IndicatorStatus;
  numerator: number | null;
  denominator: number | null;
  perYear: number | null;
  cumulative: number | null;
  previousValue: number | null;
};

const STATUS_CLASS: Record<IndicatorStatus, string> = {
  met: "badge badge--ok",
  on_track: "badge badge--ok",
  at_risk: "badge badge--warn",
  missed: "badge badge--danger",
  no_data: "badge",
};

function useFormatValue() {
  const { number } = useI18n(dashboardMessages, reportsMessages);
  return (unit: Figure["unit"], value: number | null) => {
    if (value === null) return "–";
    if (unit === "percent") return `${value.toFixed(1)}%`;
    if (unit === "score") return value.toFixed(2);
    return number(value);
  };
}

/** The plan's indicators against their targets, as a table (reads and prints the same). */
export function ReportIndicatorTable({ figures, caption }: { figures: Figure[]; caption: string }) {
  const { t, locale } = useI18n(dashboardMessages, reportsMessages);
  const format = useFormatValue();
  const detail = (figure: Figure) => {
    if (figure.perYear !== null && figure.cumulative !== null) return `${t("dashboard.perYear", { count: figure.perYear })} · ${t("dashboard.cumulative", { count: figure.cumulative })}`;
    if (figure.code === "LG1" && figure.numerator !== null && figure.denominator !== null) return t("dashboard.of", { numerator: figure.numerator, denominator: figure.denominator });
    if (figure.code === "ACTION_PLAN" && figure.denominator) return t("dashboard.activitiesDone", { numerator: figure.numerator ?? 0, denominator: figure.denominator });
    if (figure.code === "LPA" && figure.previousValue !== null) return t("reports.lpaPrevious", { score: figure.previousValue.toFixed(2) });
    return "";
  };
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.indicator")}</th>
            <th scope="col" className="num">
              {t("reports.value")}
            </th>
            <th scope="col" className="num">
              {t("reports.target")}
            </th>
            <th scope="col">{t("reports.status")}</th>
            <th scope="col">{t("reports.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => (
            <tr key={figure.code}>
              <th scope="row">{(locale === "en" && figure.nameEn) || figure.nameTh}</th>
              <td className="num">{format(figure.unit, figure.value)}</td>
              <td className="num">{format(figure.unit, figure.target)}</td>
              <td>
                <span className={STATUS_CLASS[figure.status]}>{t(`dashboard.status.${figure.status}`)}</span>
              </td>
              <td>{detail(figure)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Division = { divisionId: number | null; nameTh: string; nameEn: string; numerator: number; denominator: number; percent: number | null };

/** Participation (LG1) by division. */
export function ReportDivisionTable({ divisions, caption }: { divisions: Division[]; caption: string }) {
  const { t, locale } = useI18n(dashboardMessages, reportsMessages);
  return (
    <div className="table-wrap">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.division")}</th>
            <th scope="col" className="num">
              {t("dashboard.participants")}
            </th>
            <th scope="col" className="num">
              {t("dashboard.population")}
            </th>
            <th scope="col" className="num">
              {t("dashboard.percent")}
            </th>
          </tr>
        </thead>
        <tbody>
          {divisions.map((division) => (
            <tr key={division.divisionId ?? "none"}>
              <th scope="row">{(locale === "en" && division.nameEn) || division.nameTh}</th>
              <td className="num">{division.numerator}</td>
              <td className="num">{division.denominator}</td>
              <td className="num">{division.percent === null ? "–" : `${division.percent.toFixed(1)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
