import type { IdeaStage } from "../domain/idea-stages";
import { personDisplayName } from "../domain/person-name";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";

export type StageEventViewData = {
  id: number;
  fromStage: IdeaStage | null;
  toStage: IdeaStage;
  reason: string;
  at: string;
  byNameTh: string | null;
  byNameEn: string | null;
  meetingNumber: string | null;
  meetingDate: string | null;
  resolutionText: string | null;
};

/** The idea's moves, oldest first: who, when, from, to, why, and the meeting that decided it. */
export function StageHistory({ events, headingId = "history-heading" }: { events: StageEventViewData[]; headingId?: string }) {
  const { t, dateTime, date, locale } = useI18n(ideasMessages, pipelineMessages);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("pipeline.review.history")}</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={event.id}>
            <strong>
              {event.fromStage
                ? t("ideas.detail.historyEntry", { from: t(`stage.${event.fromStage}`), to: t(`stage.${event.toStage}`) })
                : t("ideas.detail.createdEntry")}
            </strong>
            <div className="muted">
              {dateTime(event.at)}
              {event.byNameTh ? ` · ${t("ideas.detail.by", { name: personDisplayName({ nameTh: event.byNameTh, nameEn: event.byNameEn }, locale) })}` : event.fromStage ? ` · ${t("pipeline.system")}` : ""}
            </div>
            {event.reason ? <div>{t("ideas.detail.reason", { reason: event.reason })}</div> : null}
            {event.meetingNumber && event.meetingDate ? (
              <div className="citation">
                {t("pipeline.meeting.cited", { number: event.meetingNumber, date: date(event.meetingDate) })}
                {event.resolutionText ? <div>{event.resolutionText}</div> : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
