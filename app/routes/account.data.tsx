import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { auditActionLabel } from "../components/audit-action";
import { RouteErrorBoundary } from "../components/error-boundary";
import { auditActionMessages } from "../i18n/catalogue/audit-actions";
import type { NotificationKind } from "../../db/schema";
import type { IdeaStage } from "../domain/idea-stages";
import { personalDataMessages } from "../i18n/catalogue/personal-data";
import { useI18n } from "../i18n/use-i18n";
import { personalDataOf } from "../services/personal-data.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [personalDataMessages], "myData.title");

/** Items of each list the page shows; the download has them all. */
const SHOWN_PER_LIST = 50;

/** What the app holds about the person signed in (PDPA), with a link to download all of it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await personalDataOf(db(), user);
  const shown = <T,>(items: T[]) => ({ items: items.slice(0, SHOWN_PER_LIST), total: items.length });
  return json({
    person: data.person,
    account: data.account,
    ideas: shown(data.ideas),
    votes: shown(data.votes),
    comments: shown(data.comments),
    following: shown(data.following),
    projects: shown(data.projects),
    training: shown(data.training),
    notifications: shown(data.notifications),
    recordAccess: shown(data.recordAccess),
  });
}

export default function MyDataPage() {
  const data = useLoaderData<typeof loader>();
  const { t, date, dateTime, number, locale } = useI18n(personalDataMessages, auditActionMessages);
  const { person, account } = data;
  const period = (from: string, to: string | null) => t("myData.period", { from: date(from), to: to ? date(to) : t("myData.present") });
  return (
    <>
      <h1>{t("myData.title")}</h1>
      <p>{t("myData.intro")}</p>
      <p>
        <a href="/account/data/export" download>
          {t("myData.download")}
        </a>
      </p>
      {person ? (
        <section className="card" aria-labelledby="record-heading">
          <h2 id="record-heading">{t("myData.record")}</h2>
          <dl>
            <dt>{t("myData.code")}</dt>
            <dd>{person.employeeCode}</dd>
            <dt>{t("myData.name")}</dt>
            <dd>
              {`${person.prefixTh}${person.firstNameTh} ${person.lastNameTh}`}
              {person.firstNameEn ? ` (${person.firstNameEn} ${person.lastNameEn ?? ""})` : ""}
            </dd>
            <dt>{t("myData.email")}</dt>
            <dd>{person.email ?? t("myData.none")}</dd>
            <dt>{t("myData.position")}</dt>
            <dd>{person.positionTh}</dd>
            <dt>{t("myData.category")}</dt>
            <dd>{locale === "en" ? person.categoryNameEn : person.categoryNameTh}</dd>
            <dt>{t("myData.employment")}</dt>
            <dd>
              <ul className="plain-list">
                {person.periods.map((item) => (
                  <li key={item.id}>{period(item.start, item.end)}</li>
                ))}
              </ul>
            </dd>
            <dt>{t("myData.divisions")}</dt>
            <dd>
              <ul className="plain-list">
                {person.assignments.map((item) => (
                  <li key={item.id}>
                    {(locale === "en" && item.divisionNameEn) || item.divisionNameTh} · {period(item.start, item.end)}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        </section>
      ) : null}
      {account ? (
        <section className="card" aria-labelledby="account-heading">
          <h2 id="account-heading">{t("myData.account")}</h2>
          <dl>
            <dt>{t("myData.code")}</dt>
            <dd>{account.username}</dd>
            <dt>{t("myData.roles")}</dt>
            <dd>{account.roles.map((role) => t(`role.${role}`)).join(", ")}</dd>
            <dt>{t("myData.language")}</dt>
            <dd>{account.locale === "en" ? "English" : "ภาษาไทย"}</dd>
            <dt>{t("myData.accountCreated")}</dt>
            <dd>{dateTime(account.createdAt)}</dd>
            <dt>{t("myData.passwordChanged")}</dt>
            <dd>{account.passwordChangedAt ? dateTime(account.passwordChangedAt) : t("myData.none")}</dd>
            {account.disabledAt ? (
              <>
                <dt>{t("myData.disabled")}</dt>
                <dd>{dateTime(account.disabledAt)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      <DataList id="ideas" heading={t("myData.ideas", { count: number(data.ideas.total) })} list={data.ideas}>
        {(idea) => (
          <li key={idea.ideaId}>
            <a href={`/ideas/${idea.ideaId}`} data-discover="true">
              {idea.title}
            </a>{" "}
            · {t(`stage.${idea.stage as IdeaStage}`)} · {idea.submitter ? t("myData.submitter") : t("myData.coAuthor")} · {date(idea.submittedAt)}
          </li>
        )}
      </DataList>
      <DataList id="votes" heading={t("myData.votes", { count: number(data.votes.total) })} list={data.votes}>
        {(vote) => (
          <li key={vote.ideaId}>
            <a href={`/ideas/${vote.ideaId}`} data-discover="true">
              {vote.title}
            </a>{" "}
            · {dateTime(vote.votedAt)}
          </li>
        )}
      </DataList>
      <DataList id="comments" heading={t("myData.comments", { count: number(data.comments.total) })} list={data.comments}>
        {(comment) => (
          <li key={comment.commentId}>
            <a href={`/ideas/${comment.ideaId}`} data-discover="true">
              {comment.ideaTitle}
            </a>{" "}
            · {dateTime(comment.createdAt)}
            <blockquote>{comment.body}</blockquote>
          </li>
        )}
      </DataList>
      <DataList id="following" heading={t("myData.following", { count: number(data.following.total) })} list={data.following}>
        {(idea) => (
          <li key={idea.ideaId}>
            <a href={`/ideas/${idea.ideaId}`} data-discover="true">
              {idea.title}
            </a>
          </li>
        )}
      </DataList>
      <DataList id="projects" heading={t("myData.projects", { count: number(data.projects.total) })} list={data.projects}>
        {(project) => (
          <li key={project.projectId}>
            <a href={`/projects/${project.projectId}`} data-discover="true">
              {project.nameTh}
            </a>{" "}
            · {[project.owner ? t("myData.owner") : null, project.member ? t("myData.member") : null].filter(Boolean).join(", ")}
          </li>
        )}
      </DataList>
      <DataList id="training" heading={t("myData.training", { count: number(data.training.total) })} list={data.training}>
        {(session) => (
          <li key={session.sessionId}>
            {session.title} · {period(session.startDate, session.endDate)} · {t("myData.trainingHours", { hours: number(session.hours) })}
          </li>
        )}
      </DataList>
      <DataList id="notifications" heading={t("myData.notifications", { count: number(data.notifications.total) })} list={data.notifications}>
        {(notification, index) => (
          <li key={index}>
            {dateTime(notification.createdAt)} · {t(`myData.kind.${notification.kind as NotificationKind}`)}
            {notification.ideaId ? ` · #${notification.ideaId}` : ""}
            {notification.readAt ? "" : ` · ${t("myData.unread")}`}
          </li>
        )}
      </DataList>
      <section className="card" aria-labelledby="access-heading">
        <h2 id="access-heading">{t("myData.access")}</h2>
        <p className="muted">{t("myData.accessIntro", { count: number(data.recordAccess.total) })}</p>
        {data.recordAccess.items.length === 0 ? (
          <p>{t("myData.none")}</p>
        ) : (
          <ul className="plain-list">
            {data.recordAccess.items.map((entry, index) => (
              <li key={index}>
                {dateTime(entry.at)} · {auditActionLabel(t, entry.action)} · {t("myData.accessWho")} {entry.actorUsername ?? t("myData.system")}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** One list of the page: its heading with the whole count, the first items, and how many more the download has. */
function DataList<T>({ id, heading, list, children }: { id: string; heading: string; list: { items: T[]; total: number }; children: (item: T, index: number) => ReactNode }) {
  const { t, number } = useI18n(personalDataMessages);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {list.items.length === 0 ? <p>{t("myData.none")}</p> : <ul className="plain-list">{list.items.map(children)}</ul>}
      {list.total > list.items.length ? <p className="muted">{t("myData.more", { count: number(list.total - list.items.length) })}</p> : null}
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
