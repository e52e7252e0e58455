import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole, type CurrentUser } from "../auth/current-user.server";
import { StageHistory } from "../components/committee-history";
import { DuplicatesOfIdea } from "../components/committee-duplicates";
import { MoveForm, type MoveFormValuesView } from "../components/committee-move-form";
import { MoveProblemNotice, type MoveProblem } from "../components/committee-notice";
import { CommitteeNotes } from "../components/committee-notes";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { MemberScoresTable } from "../components/score-summary";
import { ScoreForm } from "../components/score-form";
import { StageBadge } from "../components/stage-badge";
import { calendarDateIn } from "../domain/calendar-date";
import { personEntry } from "../domain/person-entry";
import { isIdeaStage, type IdeaStage } from "../domain/idea-stages";
import { SCORING_STAGES, movesFrom } from "../domain/pipeline";
import { parseRecordId } from "../domain/record-id";
import { personDisplayName } from "../domain/person-name";
import { textLengthProblem } from "../domain/visible-text";
import { sortByThaiName } from "../i18n/format";
import type { MessageKey } from "../i18n/messages.server";
import { resolveLocale } from "../i18n/locale.server";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";
import { renderMarkdown } from "../markdown.server";
import {
  findOriginalCandidates,
  getIdeaHeadlines,
  getIdeaProject,
  listDuplicatesOf,
  listOpenProjects,
  listStageHistory,
  type OriginalCandidate,
} from "../models/board.server";
import { NOTE_MAX_LENGTH, addCommitteeNote, listCommitteeNotes } from "../models/committee-notes.server";
import { findSimilarIdeas, getIdeaDetail } from "../models/ideas.server";
import { getPlanTree } from "../models/plan.server";
import { getScoreSummary, listCriteria, listIdeaScores, saveScores } from "../models/scores.server";
import { getAppSettings } from "../models/settings.server";
import { loadStaffChoices } from "../services/person-lookup.server";
import { emptyMoveFormValues, moveFieldErrors, moveFormValues, moveIdea, parseMoveForm, type MoveFieldErrors } from "../services/stage-moves.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? pageTitle(matches, [], { text: data.idea.title }, "nav.committee") : pageTitle(matches, []));

const DAY_MS = 24 * 60 * 60 * 1000;

/** Originals to offer: what the person searched for (and what they chose), else ideas with a similar title. */
async function originalCandidates(ideaId: number, title: string, values: { originalQuery: string; duplicateOfIdeaId: string }): Promise<OriginalCandidate[]> {
  const database = db();
  const found = values.originalQuery.trim()
    ? await findOriginalCandidates(database, { query: values.originalQuery, excludeIdeaId: ideaId })
    : (await findSimilarIdeas(database, title, { excludeIdeaId: ideaId, limit: 8 })).filter((idea) => idea.stage !== "duplicate");
  const chosen = parseRecordId(values.duplicateOfIdeaId);
  if (chosen !== null && chosen !== ideaId && !found.some((candidate) => candidate.id === chosen)) {
    const [headline] = await getIdeaHeadlines(database, [chosen]);
    if (headline && headline.stage !== "withdrawn" && headline.stage !== "duplicate") return [headline, ...found];
  }
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "committee");
  const ideaId = recordIdFromAddress(params.ideaId);
  const locale = resolveLocale(request, user.locale);
  const database = db();
  const { fiscalCalendar } = await getAppSettings(database);
  const idea = await getIdeaDetail(database, ideaId, fiscalCalendar.timeZone);
  if (!idea) throw notFound();
  const moves = movesFrom(idea.stage, "committee");
  const approving = moves.some((rule) => rule.to === "approved");
  const today = calendarDateIn(new Date(), fiscalCalendar.timeZone);
  const [criteria, scores, summary, notes, history, duplicates, project, candidates, tree, staff, projects] = await Promise.all([
    listCriteria(database, { activeOnly: true }),
    listIdeaScores(database, ideaId),
    getScoreSummary(database, ideaId),
    listCommitteeNotes(database, ideaId),
    listStageHistory(database, ideaId),
    listDuplicatesOf(database, ideaId),
    getIdeaProject(database, ideaId),
    moves.some((rule) => rule.to === "duplicate") ? originalCandidates(ideaId, idea.title, { originalQuery: "", duplicateOfIdeaId: "" }) : Promise.resolve([]),
    approving ? getPlanTree(database) : Promise.resolve([]),
    // The owner is typed; the staff come as a datalist while they are few (none at 20,000).
    approving ? loadStaffChoices(database, { day: today }) : Promise.resolve({ listed: false, staff: [] }),
    approving ? listOpenProjects(database) : Promise.resolve([]),
  ]);
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  const members = new Map<number, { personId: number; nameTh: string; nameEn: string | null; scores: Record<number, number> }>();
  for (const score of scores) {
    const member = members.get(score.personId) ?? { personId: score.personId, nameTh: score.nameTh, nameEn: score.nameEn, scores: {} };
    member.scores[score.criterionId] = score.score;
    members.set(score.personId, member);
  }
  const url = new URL(request.url);
  const requestedMove = url.searchParams.get("move");
  const defaults: MoveFormValuesView = { ...emptyMoveFormValues(), nameTh: idea.title.slice(0, 200), planId: idea.plan ? String(idea.plan.id) : "" };
  return json({
    idea: {
      ...idea,
      problemHtml: renderMarkdown(idea.problem),
      solutionHtml: renderMarkdown(idea.solution),
      benefitHtml: renderMarkdown(idea.benefit),
      daysInStage: Math.max(0, Math.floor((Date.now() - idea.stageChangedAt.getTime()) / DAY_MS)),
    },
    planName: idea.plan ? name(idea.plan) : null,
    moves,
    systemMoves: movesFrom(idea.stage, "system").map((rule) => rule.to),
    openMove: isIdeaStage(requestedMove) ? requestedMove : null,
    defaults,
    candidates,
    moveOptions: {
      plans: tree.flatMap((strategy) => strategy.plans.map((plan) => ({ id: plan.id, label: `${plan.code} ${name(plan)}` }))),
      staff: staff.staff.map((person) => personEntry(person.employeeCode, person.name)),
      projects: projects.map((item) => ({ id: item.id, label: `${item.code ? `${item.code} ` : ""}${name(item)}` })),
    },
    scoring: SCORING_STAGES.includes(idea.stage),
    viewerIsAuthor: idea.authors.some((author) => author.personId === user.personId),
    criteria,
    myScores: Object.fromEntries(scores.filter((score) => score.personId === user.personId).map((score) => [`score-${score.criterionId}`, String(score.score)])),
    summary,
    members: sortByThaiName([...members.values()], (member) => member.nameTh),
    notes: notes.map((note) => ({ ...note, bodyHtml: renderMarkdown(note.body) })),
    history,
    duplicates,
    project: project ? { id: project.id, name: name(project) } : null,
  });
}

type MoveActionData = {
  intent: "move" | "findOriginal";
  move: IdeaStage;
  values: MoveFormValuesView;
  fieldErrors: MoveFieldErrors;
  problem: MoveProblem | null;
  candidates: OriginalCandidate[] | null;
};
type ScoreActionData = { intent: "score"; values: Record<string, string>; fieldErrors: Record<string, MessageKey>; problem: MoveProblem | null };
type NoteActionData = { intent: "note"; parentNoteId: string; body: string; error: MessageKey };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const ideaId = recordIdFromAddress(params.ideaId);
  const formData = await request.formData();
  const intent = formData.get("intent") ?? (formData.has("to") ? "move" : null);
  if (intent === "move" || intent === "findOriginal") return moveAction(request, user, ideaId, intent, formData);
  if (intent === "score") return scoreAction(user, ideaId, formData);
  if (intent === "note") return noteAction(user, ideaId, formData);
  throw new Response("Unknown intent", { status: 400 });
}

async function moveAction(request: Request, user: CurrentUser, ideaId: number, intent: "move" | "findOriginal", formData: FormData) {
  const from = formData.get("from");
  const to = formData.get("to");
  if (!isIdeaStage(from) || !isIdeaStage(to)) throw new Response("Bad move", { status: 400 });
  const database = db();
  const values = moveFormValues(formData);
  const reply = async (data: Omit<MoveActionData, "candidates" | "move" | "values">, status: number) => {
    const [idea] = to === "duplicate" ? await getIdeaHeadlines(database, [ideaId]) : [];
    const candidates = idea ? await originalCandidates(ideaId, idea.title, values) : null;
    return json<MoveActionData>({ ...data, move: to, values, candidates }, { status });
  };
  if (intent === "findOriginal") return reply({ intent, fieldErrors: {}, problem: null }, 200);
  const { fiscalCalendar } = await getAppSettings(database);
  const parsed = await parseMoveForm(database, values, { toStage: to, today: calendarDateIn(new Date(), fiscalCalendar.timeZone) });
  if (!parsed.ok) return reply({ intent, fieldErrors: parsed.fieldErrors, problem: null }, 400);
  const result = await moveIdea(database, {
    ideaId,
    expectedFromStage: from,
    toStage: to,
    actor: { accountId: user.accountId, personId: user.personId, kind: "committee", ipAddress: clientAddress(request) },
    reason: parsed.reason,
    meeting: parsed.meeting,
    duplicateOfIdeaId: parsed.duplicateOfIdeaId,
    project: parsed.project,
  });
  if (result.ok) return redirect(`/committee/ideas/${ideaId}?${new URLSearchParams({ done: "moved", stage: to })}`);
  if (result.problem === "pipeline.error.notFound") throw notFound();
  const fieldErrors = moveFieldErrors(result);
  const problem: MoveProblem | null =
    Object.keys(fieldErrors).length > 0
      ? null
      : { problem: result.problem, from: result.from, to: result.to, next: result.next, currentStage: result.currentStage, movedBy: result.movedBy, movedByEn: result.movedByEn };
  return reply({ intent, fieldErrors, problem }, result.problem === "pipeline.error.movedByOther" ? 409 : 400);
}

async function scoreAction(user: CurrentUser, ideaId: number, formData: FormData) {
  const database = db();
  const criteria = await listCriteria(database, { activeOnly: true });
  const values: Record<string, string> = {};
  const fieldErrors: Record<string, MessageKey> = {};
  const scores: { criterionId: number; score: number }[] = [];
  for (const criterion of criteria) {
    const field = `score-${criterion.id}`;
    const value = String(formData.get(field) ?? "");
    values[field] = value;
    if (!/^[1-5]$/.test(value)) fieldErrors[field] = "pipeline.scores.required";
    else scores.push({ criterionId: criterion.id, score: Number(value) });
  }
  if (Object.keys(fieldErrors).length > 0) return json<ScoreActionData>({ intent: "score", values, fieldErrors, problem: null }, { status: 400 });
  const result = await saveScores(database, { ideaId, personId: user.personId, scores });
  if (result === "notFound") throw notFound();
  if (result !== "saved") {
    // Closed meanwhile, or a criterion was switched off while the form was open.
    const problem: MessageKey = result === "closed" ? "pipeline.scores.closed" : result === "own" ? "pipeline.scores.own" : "pipeline.scores.required";
    return json<ScoreActionData>({ intent: "score", values, fieldErrors: {}, problem: { problem } }, { status: 409 });
  }
  return redirect(`/committee/ideas/${ideaId}?done=scored#scores`);
}

async function noteAction(user: CurrentUser, ideaId: number, formData: FormData) {
  const body = String(formData.get("body") ?? "").slice(0, NOTE_MAX_LENGTH * 2);
  const parentValue = String(formData.get("parentNoteId") ?? "");
  const parentNoteId = parentValue ? parseRecordId(parentValue) : null;
  const trimmed = body.normalize("NFC").trim();
  const refuse = (error: MessageKey) => json<NoteActionData>({ intent: "note", parentNoteId: parentValue, body, error }, { status: 400 });
  const lengthProblem = textLengthProblem(trimmed, { max: NOTE_MAX_LENGTH, required: true });
  if (lengthProblem === "required") return refuse("pipeline.notes.required");
  if (lengthProblem === "tooLong") return refuse("pipeline.notes.tooLong");
  if (parentValue && parentNoteId === null) return refuse("pipeline.notes.parentUnknown");
  const result = await addCommitteeNote(db(), { ideaId, authorPersonId: user.personId, body: trimmed, parentNoteId });
  if (result.status === "notFound") throw notFound();
  if (result.status !== "added") return refuse("pipeline.notes.parentUnknown");
  return redirect(`/committee/ideas/${ideaId}?done=note#note-${result.noteId}`);
}

const DONE_MESSAGES: Record<string, MessageKey> = { scored: "pipeline.scores.saved", note: "pipeline.notes.added" };

export default function CommitteeReviewPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, date, fiscalYear, locale } = useI18n(ideasMessages, pipelineMessages);
  const { idea } = data;
  const moveData = actionData && (actionData.intent === "move" || actionData.intent === "findOriginal") ? (actionData as MoveActionData) : null;
  const scoreData = actionData?.intent === "score" ? (actionData as ScoreActionData) : null;
  const noteData = actionData?.intent === "note" ? (actionData as NoteActionData) : null;
  const done = searchParams.get("done");
  const doneStage = searchParams.get("stage");
  const doneMessage =
    done === "moved" && isIdeaStage(doneStage) ? t("pipeline.review.moved", { stage: t(`stage.${doneStage}`) }) : done && DONE_MESSAGES[done] ? t(DONE_MESSAGES[done]) : null;
  // What was typed for a move that is no longer on offer (someone moved the idea first).
  const orphaned = moveData && !data.moves.some((rule) => rule.to === moveData.move) ? moveData.values : null;
  const typedText = orphaned
    ? [orphaned.reason, orphaned.meetingNumber, orphaned.meetingDate, orphaned.meetingResolution].filter((part) => part.trim()).join("\n")
    : "";
  return (
    <>
      <p>
        <Link to="/committee">← {t("pipeline.review.back")}</Link>
      </p>
      {doneMessage && !actionData ? <FormNotice tone="ok">{doneMessage}</FormNotice> : null}
      {moveData?.problem ? <MoveProblemNotice problem={moveData.problem} showTypedHint={typedText !== ""} /> : null}
      {moveData && !moveData.problem && Object.keys(moveData.fieldErrors).length > 0 ? <FormNotice tone="error">{t("pipeline.review.fixErrors")}</FormNotice> : null}
      {typedText ? (
        <div className="card">
          <label htmlFor="typed-before">
            <strong>{t("pipeline.review.typed")}</strong>
          </label>
          <p className="field__hint">{t("pipeline.review.typedHint")}</p>
          <textarea id="typed-before" readOnly rows={4} className="typed-before" defaultValue={typedText} />
        </div>
      ) : null}

      <article className="card">
        <p className="muted">{t("pipeline.review.number", { id: idea.id })}</p>
        <h1>{idea.title}</h1>
        <div className="idea-meta">
          <StageBadge stage={idea.stage} />
          <span>{t("pipeline.review.inStageSince", { date: date(idea.stageChangedAt), days: idea.daysInStage })}</span>
          <span>{t("ideas.list.submittedOn", { date: date(idea.submittedAt) })}</span>
          <span>{t("ideas.detail.fiscalYear", { fiscalYear: fiscalYear(idea.fiscalYear) })}</span>
          <span>{t("ideas.list.votes", { count: idea.voteCount })}</span>
          <Link to={`/ideas/${idea.id}`}>{t("pipeline.review.publicPage")}</Link>
        </div>
        {idea.duplicateOf ? (
          <p className="notice">
            {t("ideas.detail.duplicateOf")} <Link to={`/committee/ideas/${idea.duplicateOf.id}`}>{idea.duplicateOf.title}</Link>
          </p>
        ) : null}
        {data.project ? <p className="notice">{t("pipeline.project.linked", { name: data.project.name })}</p> : null}
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
                  {author.divisionNameTh ? ` · ${author.divisionNameTh}` : ""}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t("ideas.detail.plan")}</dt>
          <dd>{idea.plan ? `${idea.plan.code} ${data.planName}` : t("ideas.detail.noPlan")}</dd>
        </dl>
      </article>

      <DuplicatesOfIdea duplicates={data.duplicates} linkTo={(id) => `/committee/ideas/${id}`} />

      <section className="card" aria-labelledby="moves-heading" id="moves">
        <h2 id="moves-heading">{t("pipeline.review.moves")}</h2>
        {data.moves.length === 0 ? (
          <p className="muted">
            {data.systemMoves.length > 0 ? t(data.systemMoves[0] === "in_progress" ? "pipeline.error.startsWithProject" : "pipeline.error.implementedByInnovation", { to: t(`stage.${data.systemMoves[0]}`) }) : t("pipeline.review.noMoves", { stage: t(`stage.${idea.stage}`) })}
          </p>
        ) : (
          data.moves.map((rule) => {
            const typed = moveData?.move === rule.to ? moveData : null;
            return (
              <MoveForm
                key={`${rule.from}-${rule.to}`}
                rule={rule}
                values={typed?.values ?? data.defaults}
                errors={typed?.fieldErrors ?? {}}
                open={typed !== null || data.openMove === rule.to}
                candidates={typed?.candidates ?? data.candidates}
                options={data.moveOptions}
              />
            );
          })
        )}
      </section>

      <section className="card" aria-labelledby="scores-heading" id="scores">
        <h2 id="scores-heading">{t("pipeline.scores.title")}</h2>
        <MemberScoresTable summary={data.summary} members={data.members} />
        <h3>{t("pipeline.scores.yours")}</h3>
        {scoreData?.problem ? <MoveProblemNotice problem={scoreData.problem} /> : null}
        {data.viewerIsAuthor ? (
          <p className="muted">{t("pipeline.scores.own")}</p>
        ) : data.scoring ? (
          <ScoreForm criteria={data.criteria} values={scoreData?.values ?? data.myScores} errors={scoreData?.fieldErrors ?? {}} />
        ) : (
          <p className="muted">{t("pipeline.scores.closed")}</p>
        )}
      </section>

      <CommitteeNotes notes={data.notes} formState={noteData ? { parentNoteId: noteData.parentNoteId, body: noteData.body, error: noteData.error } : null} />

      <StageHistory events={data.history} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
