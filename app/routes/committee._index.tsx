import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { BoardCard, useBoardCardText } from "../components/board-card";
import { BoardFilters, BoardViewSwitch } from "../components/board-filters";
import { useDelegatedForms } from "../components/delegated-routing";
import { MoveProblemNotice } from "../components/committee-notice";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { isIdeaStage, type IdeaStage } from "../domain/idea-stages";
import { ruleFor } from "../domain/pipeline";
import { parseRecordId } from "../domain/record-id";
import { resolveLocale } from "../i18n/locale.server";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { pipelineBoardMessages } from "../i18n/catalogue/pipeline-board";
import { useI18n } from "../i18n/use-i18n";
import { BOARD_CARDS_PER_COLUMN, filterQuery, getBoard, loadBoardFilterOptions, parseBoardFilters } from "../models/board.server";
import { getAppSettings } from "../models/settings.server";
import { moveIdea } from "../services/stage-moves.server";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [pipelineBoardMessages], "pipeline.board.title");

const DAY_MS = 24 * 60 * 60 * 1000;

/** The board's query string without what only one response needs. */
function boardSearch(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  for (const key of ["index", "moved", "to"]) params.delete(key);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "committee");
  const locale = resolveLocale(request, user.locale);
  const url = new URL(request.url);
  const filters = parseBoardFilters(url.searchParams);
  const database = db();
  const settings = await getAppSettings(database);
  const [columns, options] = await Promise.all([
    getBoard(database, { filters, timeZone: settings.fiscalCalendar.timeZone, perColumn: BOARD_CARDS_PER_COLUMN }),
    loadBoardFilterOptions(database, { locale, planPeriod: settings.planPeriod }),
  ]);
  const now = Date.now();
  const movedId = parseRecordId(url.searchParams.get("moved"));
  const movedTo = url.searchParams.get("to");
  const movedCard = movedId === null ? undefined : columns.flatMap((column) => column.cards).find((card) => card.id === movedId);
  const search = boardSearch(url);
  return json({
    columns: columns.map((column) => ({
      stage: column.stage,
      count: column.count,
      cards: column.cards.map((card) => ({
        id: card.id,
        title: card.title,
        stage: card.stage,
        voteCount: card.voteCount,
        daysInStage: Math.max(0, Math.floor((now - card.stageChangedAt.getTime()) / DAY_MS)),
        // Named here, in the reader's language: the page's data carries one name per division.
        divisionNames: card.divisions.map((division) => (locale === "en" && division.en) || division.th),
      })),
    })),
    query: filterQuery(filters),
    options,
    search,
    moved: movedId !== null && isIdeaStage(movedTo) ? { title: movedCard?.title ?? `#${movedId}`, stage: movedTo } : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const formData = await request.formData();
  if (formData.get("intent") !== "move") throw new Response("Unknown intent", { status: 400 });
  const ideaId = parseRecordId(formData.get("ideaId"));
  const from = formData.get("from");
  const to = formData.get("to");
  if (ideaId === null || !isIdeaStage(from) || !isIdeaStage(to)) throw new Response("Bad move", { status: 400 });
  const rule = ruleFor(from, to);
  // A move that needs a reason, an original or a project is made on the review page.
  if (rule && rule.by === "committee" && rule.requires.length > 0) {
    return redirect(`/committee/ideas/${ideaId}?${new URLSearchParams({ move: to, from })}#move-${to}`);
  }
  const result = await moveIdea(db(), {
    ideaId,
    expectedFromStage: from,
    toStage: to,
    actor: { accountId: user.accountId, personId: user.personId, kind: "committee", ipAddress: clientAddress(request) },
  });
  if (!result.ok) {
    if (result.problem === "pipeline.error.notFound") throw notFound();
    const { problem, from: problemFrom, to: problemTo, next, currentStage, movedBy, movedByEn } = result;
    return json({ ideaId, problem: { problem, from: problemFrom, to: problemTo, next, currentStage, movedBy, movedByEn } }, { status: 409 });
  }
  const search = boardSearch(new URL(request.url));
  const params = new URLSearchParams(search);
  params.set("moved", String(ideaId));
  params.set("to", to);
  return redirect(`/committee?${params}`);
}

export default function CommitteeBoardPage() {
  const { columns, query, options, search, moved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n(pipelineMessages, pipelineBoardMessages);
  const moveForms = useDelegatedForms();
  const cardText = useBoardCardText();
  // What Remix's <Form> would render for this index route: here, with the board's filters.
  const moveAction = `/committee${search ? `${search}&index` : "?index"}`;
  // A refused move names its idea: the board holds dozens of cards. The board has reloaded, so
  // the card (if still shown) is where the idea is now.
  const refusedIdeaLine = (ideaId: number, currentStage: IdeaStage | undefined) => {
    const title = columns.flatMap((column) => column.cards).find((card) => card.id === ideaId)?.title ?? `#${ideaId}`;
    return currentStage ? t("pipeline.board.refusedIdeaNow", { title, stage: t(`stage.${currentStage}`) }) : t("pipeline.board.refusedIdea", { title });
  };
  return (
    <>
      <h1>{t("pipeline.board.title")}</h1>
      <p className="muted">{t("pipeline.board.intro")}</p>
      <BoardViewSwitch current="board" search={search} />
      <BoardFilters query={query} options={options} clearTo="/committee" />
      {actionData?.problem ? <MoveProblemNotice problem={actionData.problem} subject={refusedIdeaLine(actionData.ideaId, actionData.problem.currentStage)} /> : null}
      {moved && !actionData ? <FormNotice tone="ok">{t("pipeline.board.moved", { title: moved.title, stage: t(`stage.${moved.stage}`) })}</FormNotice> : null}
      {/* Columns side by side, scrolled sideways on a phone; focusable so the keyboard can scroll too. */}
      <div className="board" role="region" aria-label={t("pipeline.board.columns")} tabIndex={0} {...moveForms}>
        {columns.map((column) => (
          <section key={column.stage} className={`board__column board__column--${column.stage}`} aria-labelledby={`column-${column.stage}`}>
            <h2 id={`column-${column.stage}`} className="board__heading">
              <span>{t(`stage.${column.stage}`)}</span>{" "}
              <span className="badge">{t("pipeline.board.columnCount", { count: column.count })}</span>
            </h2>
            {column.cards.length === 0 ? (
              <p className="muted">{t("pipeline.board.empty")}</p>
            ) : (
              <ol className="board__cards">
                {column.cards.map((card) => (
                  <li key={card.id}>
                    <BoardCard card={card} moveAction={moveAction} text={cardText} />
                  </li>
                ))}
              </ol>
            )}
            {column.count > column.cards.length ? (
              <p>
                <Link to={`/committee/list?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(search)), stage: column.stage })}`}>
                  {t("pipeline.board.more", { count: column.count })}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
