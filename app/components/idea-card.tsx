import type { IdeaStage } from "../domain/idea-stages";
import { personDisplayName } from "../domain/person-name";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { useI18n } from "../i18n/use-i18n";
import { StageBadge } from "./stage-badge";

export type IdeaCardData = {
  id: number;
  title: string;
  stage: IdeaStage;
  submittedAt: string;
  voteCount: number;
  commentCount: number;
  planCode: string | null;
  authors: { personId: number; nameTh: string; nameEn: string | null }[];
  tags: string[];
};

export function IdeaCard({ idea }: { idea: IdeaCardData }) {
  const { t, date, locale } = useI18n(ideasMessages);
  return (
    <article className="card idea-card">
      <h2>
        {/* A plain link, routed in the browser by the body (delegated-routing.ts): a list has many. */}
        <a href={`/ideas/${idea.id}`} data-discover="true">
          {idea.title}
        </a>
      </h2>
      <div className="idea-meta">
        <StageBadge stage={idea.stage} />
        <span>{idea.authors.map((author) => personDisplayName(author, locale)).join(", ")}</span>
        <span>{t("ideas.list.submittedOn", { date: date(idea.submittedAt, "medium") })}</span>
        {idea.planCode ? <span>{`${t("ideas.list.plan")} ${idea.planCode}`}</span> : null}
        <span>{t("ideas.list.votes", { count: idea.voteCount })}</span>
        <span>{t("ideas.list.comments", { count: idea.commentCount })}</span>
      </div>
      {idea.tags.length > 0 ? (
        <p>
          {idea.tags.map((tag) => (
            <span key={tag} className="badge">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
