import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { CommentsSection } from "../components/comments-section";
import { DuplicatesOfIdea } from "../components/committee-duplicates";
import { ScoreSummary } from "../components/score-summary";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FollowControl } from "../components/follow-control";
import { FormNotice } from "../components/forms";
import { StageBadge } from "../components/stage-badge";
import { VoteControl } from "../components/vote-control";
import { authorMayChange, isOpenForVotes } from "../domain/idea-stages";
import { resolveLocale } from "../i18n/locale.server";
import { engagementMessages } from "../i18n/catalogue/engagement";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { useI18n } from "../i18n/use-i18n";
import { renderMarkdown } from "../markdown.server";
import { listDuplicatesOf } from "../models/board.server";
import { listComments } from "../models/comments.server";
import { isFollowing } from "../models/follows.server";
import { getIdeaDetail } from "../models/ideas.server";
import { getScoreSummaryFor } from "../models/scores.server";
import { getAppSettings } from "../models/settings.server";
import { getVoteSummary } from "../models/votes.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { personDisplayName } from "../domain/person-name";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? pageTitle(matches, [], { text: data.idea.title }) : pageTitle(matches, []));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ideaId = recordIdFromAddress(params.ideaId);
  const database = db();
  const { fiscalCalendar } = await getAppSettings(database);
  const idea = await getIdeaDetail(database, ideaId, fiscalCalendar.timeZone);
  if (!idea) throw notFound();
  const viewerIsAuthor = idea.authors.some((author) => author.personId === user.personId);
  const [votes, comments, following, duplicates, scoreSummary] = await Promise.all([
    getVoteSummary(database, ideaId, user.personId),
    listComments(database, ideaId),
    isFollowing(database, ideaId, user.personId),
    listDuplicatesOf(database, ideaId),
    // The committee's scores, without names: committee and executives, and the authors once decided.
    getScoreSummaryFor(database, { ideaId, stage: idea.stage, viewerRoles: user.roles, viewerIsAuthor }),
  ]);
  const locale = resolveLocale(request, user.locale);
  const open = isOpenForVotes(idea.stage);
  // Names the organisation keeps in both languages are shown in the reader's (English when it has one).
  const inLocale = (nameTh: string, nameEn: string | null) => (locale === "en" && nameEn) || nameTh;
  return json({
    idea: {
      ...idea,
      authors: idea.authors.map((author) => ({
        ...author,
        divisionName: author.divisionNameTh === null ? null : inLocale(author.divisionNameTh, author.divisionNameEn),
      })),
      project: idea.project ? { id: idea.project.id, name: inLocale(idea.project.nameTh, idea.project.nameEn) } : null,
      problemHtml: renderMarkdown(idea.problem),
      solutionHtml: renderMarkdown(idea.solution),
      benefitHtml: renderMarkdown(idea.benefit),
    },
    planName: idea.plan ? (locale === "en" && idea.plan.nameEn) || idea.plan.nameTh : null,
    votes,
    canVote: open && !votes.viewerIsAuthor,
    voteBlockedReason: votes.viewerIsAuthor ? ("engagement.vote.reason.own" as const) : open ? undefined : ("engagement.vote.reason.closed" as const),
    comments,
    duplicates,
    scoreSummary,
    canComment: open,
    following,
    viewerPersonId: user.personId,
    viewerMayChange: votes.viewerIsAuthor && authorMayChange(idea.stage),
    commentToken: randomUUID(),
  });
}

export default function IdeaPage() {
  const data = useLoaderData<typeof loader>();
  const { idea } = data;
  const [searchParams] = useSearchParams();
  const { t, date, dateTime, fiscalYear, locale } = useI18n(engagementMessages, ideasMessages);
  const notice = searchParams.get("created") ? t("ideas.created") : searchParams.get("saved") ? t("ideas.saved") : null;
  return (
    <>
      {notice ? <FormNotice tone="ok">{notice}</FormNotice> : null}
      <article className="card">
        <h1>{idea.title}</h1>
        <div className="idea-meta">
          <StageBadge stage={idea.stage} />
          <span>{t("ideas.list.submittedOn", { date: date(idea.submittedAt) })}</span>
          <span>{t("ideas.detail.fiscalYear", { fiscalYear: fiscalYear(idea.fiscalYear) })}</span>
        </div>
        {idea.duplicateOf ? (
          <p className="notice">
            {t("ideas.detail.duplicateOf")} <Link to={`/ideas/${idea.duplicateOf.id}`}>{idea.duplicateOf.title}</Link>
          </p>
        ) : null}
        <div className="actions">
          <VoteControl
            ideaId={idea.id}
            voteCount={data.votes.voteCount}
            viewerHasVoted={data.votes.viewerHasVoted}
            canVote={data.canVote}
            reasonKey={data.voteBlockedReason}
          />
          <FollowControl ideaId={idea.id} following={data.following} />
          {data.viewerMayChange ? (
            <Link to={`/ideas/${idea.id}/edit`} className="button secondary">
              {t("ideas.detail.edit")}
            </Link>
          ) : null}
        </div>
        <h2>{t("ideas.field.problem")}</h2>
        <div className="markdown" dangerouslySetInnerHTML={{ __html: idea.problemHtml }} />
        <h2>{t("ideas.field.solution")}</h2>
        <div className="markdown" dangerouslySetInnerHTML={{ __html: idea.solutionHtml }} />
        <h2>{t("ideas.field.benefit")}</h2>
        <div className="markdown" dangerouslySetInnerHTML={{ __html: idea.benefitHtml }} />
        <dl>
          <dt>{t("ideas.detail.authors")}</dt>
          <dd>
            <ul>
              {idea.authors.map((author) => (
                <li key={author.personId}>
                  {personDisplayName(author, locale)}
                  {author.divisionName ? ` · ${author.divisionName}` : ""}
                  {author.isSubmitter ? <span className="badge">{t("ideas.detail.submitter")}</span> : null}
                </li>
              ))}
            </ul>
          </dd>
          {idea.project ? (
            <>
              <dt>{t("ideas.detail.project")}</dt>
              <dd>
                <Link to={`/projects/${idea.project.id}`}>{idea.project.name}</Link>
              </dd>
            </>
          ) : null}
          <dt>{t("ideas.detail.plan")}</dt>
          <dd>{idea.plan ? `${idea.plan.code} ${data.planName}` : t("ideas.detail.noPlan")}</dd>
          {idea.tags.length > 0 ? (
            <>
              <dt>{t("ideas.detail.tags")}</dt>
              <dd>
                {idea.tags.map((tag) => (
                  <Link key={tag} className="badge" to={`/ideas?${new URLSearchParams({ q: tag })}`}>
                    {tag}
                  </Link>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
      </article>
      <DuplicatesOfIdea duplicates={data.duplicates} />
      {data.scoreSummary ? <ScoreSummary summary={data.scoreSummary} /> : null}
      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("ideas.detail.history")}</h2>
        <ol className="timeline">
          {idea.history.map((event) => (
            <li key={event.id}>
              <strong>
                {event.fromStage
                  ? t("ideas.detail.historyEntry", { from: t(`stage.${event.fromStage}`), to: t(`stage.${event.toStage}`) })
                  : t("ideas.detail.createdEntry")}
              </strong>
              <div className="muted">
                {dateTime(event.at)}
                {event.byNameTh ? ` · ${t("ideas.detail.by", { name: personDisplayName({ nameTh: event.byNameTh, nameEn: event.byNameEn }, locale) })}` : ""}
              </div>
              {event.reason ? <div>{t("ideas.detail.reason", { reason: event.reason })}</div> : null}
            </li>
          ))}
        </ol>
      </section>
      <CommentsSection
        ideaId={idea.id}
        comments={data.comments}
        viewerPersonId={data.viewerPersonId}
        canComment={data.canComment}
        submissionToken={data.commentToken}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
