import { Link } from "@remix-run/react";
import { personDisplayName } from "../domain/person-name";
import { useI18n } from "../i18n/use-i18n";

export type RosterTableRow = {
  personId: number;
  employeeCode: string;
  nameTh: string;
  nameEn: string | null;
  positionTh: string;
  categoryNameTh: string;
  categoryNameEn: string;
  divisionNameTh: string | null;
  divisionNameEn: string | null;
  employmentStart: string | null;
  employmentEnd: string | null;
};

/** The roster as a table; rows arrive already in Thai name order. With `personHref`, names link to the person. */
export function RosterTable({ rows, caption, personHref }: { rows: RosterTableRow[]; caption: string; personHref?: (personId: number) => string }) {
  const { t, locale, date } = useI18n();
  const pick = (th: string | null, en: string | null) => (locale === "en" && en) || th || "";
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("roster.code")}</th>
            <th scope="col">{t("roster.name")}</th>
            <th scope="col">{t("roster.position")}</th>
            <th scope="col">{t("roster.category")}</th>
            <th scope="col">{t("roster.division")}</th>
            <th scope="col">{t("roster.employment")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.personId}>
              <td>{row.employeeCode}</td>
              <td>
                {personHref ? <Link to={personHref(row.personId)}>{personDisplayName(row, locale)}</Link> : personDisplayName(row, locale)}
                {/* The Thai name under an English one: the name on the person's records. */}
                {personDisplayName(row, locale) !== row.nameTh ? (
                  <div className="muted" lang="th">
                    {row.nameTh}
                  </div>
                ) : null}
              </td>
              <td>{row.positionTh}</td>
              <td>{pick(row.categoryNameTh, row.categoryNameEn)}</td>
              <td>{pick(row.divisionNameTh, row.divisionNameEn)}</td>
              <td>
                {row.employmentStart
                  ? row.employmentEnd
                    ? t("roster.until", { from: date(row.employmentStart, "medium"), to: date(row.employmentEnd, "medium") })
                    : t("roster.since", { date: date(row.employmentStart, "medium") })
                  : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
