import { Link } from "@remix-run/react";
import { MOVEMENT_KINDS, type MovementKind } from "../domain/report-csv";
import type { MessageKey } from "../i18n/messages.server";
import { dashboardMessages } from "../i18n/catalogue/dashboard";
import { reportsMessages } from "../i18n/catalogue/reports";
import { useI18n } from "../i18n/use-i18n";

type Item = { id: number; title: string; date: string; attendees?: number };
type CountedList = { count: number; items: Item[] };
export type Movement = Record<MovementKind, CountedList> & { stageMoves: { toStage: string; count: number }[] };

const LINK_OF: Record<MovementKind, ((id: number) => string) | null> = {
  ideasSubmitted: (id) => `/ideas/${id}`,
  projectsStarted: (id) => `/projects/${id}`,
  projectsCompleted: (id) => `/projects/${id}`,
  innovationsDelivered: (id) => `/innovations/${id}`,
  trainingSessions: null,
};

/** What moved in a quarter: the counts in one table, then a short list of each kind. */
export function ReportMovement({ movement, headingLevel = 3 }: { movement: Movement; headingLevel?: 3 | 4 }) {
  const { t, date } = useI18n(dashboardMessages, reportsMessages);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <>
      <div className="table-wrap">
        <table className="report-table">
          <caption>{t("reports.section.movement")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.movement.kind")}</th>
              <th scope="col" className="num">
                {t("reports.movement.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {MOVEMENT_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`reports.movement.${kind}`)}</th>
                <td className="num">{movement[kind].count}</td>
              </tr>
            ))}
            {movement.stageMoves.map((move) => (
              <tr key={move.toStage}>
                <th scope="row" className="report-indent">
                  {t("reports.movement.to", { stage: t(`stage.${move.toStage}` as MessageKey) })}
                </th>
                <td className="num">{move.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {MOVEMENT_KINDS.map((kind) => {
        const list = movement[kind];
        const link = LINK_OF[kind];
        return (
          <div key={kind} className="report-list">
            <Heading>
              {t(`reports.movement.${kind}`)} ({list.count})
            </Heading>
            {list.count === 0 ? (
              <p className="muted">{t("reports.movement.none")}</p>
            ) : (
              <ul>
                {list.items.map((item) => (
                  <li key={item.id}>
                    {link ? <Link to={link(item.id)}>{item.title}</Link> : item.title}
                    <span className="muted">
                      {" "}
                      · {date(item.date, "medium")}
                      {item.attendees !== undefined ? ` · ${t("reports.movement.attendees", { count: item.attendees })}` : ""}
                    </span>
                  </li>
                ))}
                {list.count > list.items.length ? <li className="muted">{t("reports.movement.more", { count: list.count - list.items.length })}</li> : null}
              </ul>
            )}
          </div>
        );
      })}
    </>
  );
}
