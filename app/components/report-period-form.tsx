import { Form } from "@remix-run/react";
import { reportsMessages } from "../i18n/catalogue/reports";
import { useI18n } from "../i18n/use-i18n";

/**
 * Choose a fiscal year (and, for the quarterly report, a quarter): a plain GET form, so it
 * works without JavaScript. Not printed.
 */
export function ReportPeriodForm({ years, fiscalYearBE, quarter }: { years: number[]; fiscalYearBE: number; quarter?: number }) {
  const { t, fiscalYear } = useI18n(reportsMessages);
  return (
    <Form method="get" className="actions report-controls">
      <label htmlFor="report-fy">{t("reports.year")}</label>
      <select id="report-fy" name="fy" defaultValue={fiscalYearBE}>
        {years.map((year) => (
          <option key={year} value={year}>
            {fiscalYear(year)}
          </option>
        ))}
      </select>
      {quarter !== undefined ? (
        <>
          <label htmlFor="report-q">{t("reports.quarter")}</label>
          <select id="report-q" name="q" defaultValue={quarter}>
            {([1, 2, 3, 4] as const).map((value) => (
              <option key={value} value={value}>
                {t("reports.quarter.option", { quarter: value })}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="submit" className="secondary">
        {t("reports.show")}
      </button>
    </Form>
  );
}
