import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { IdeaCard } from "../components/idea-card";
import { ideasMessages } from "../i18n/catalogue/ideas";
import { useI18n } from "../i18n/use-i18n";
import { listIdeas } from "../models/ideas.server";
import { getAppSettings } from "../models/settings.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [ideasMessages], "ideas.mine.title");

// A person's own ideas, all of them: even the most prolific author has a few hundred at most.
const MY_IDEAS_LIMIT = 500;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { fiscalCalendar } = await getAppSettings(db());
  const page = await listIdeas(db(), {
    filters: { authorPersonId: user.personId },
    sort: "newest",
    cursor: null,
    limit: MY_IDEAS_LIMIT,
    timeZone: fiscalCalendar.timeZone,
  });
  return json({ ideas: page.rows });
}

export default function MyIdeasPage() {
  const { ideas } = useLoaderData<typeof loader>();
  const { t } = useI18n(ideasMessages);
  return (
    <>
      <div className="actions">
        <h1>{t("ideas.mine.title")}</h1>
        <Link to="/ideas/new" className="button">
          {t("nav.newIdea")}
        </Link>
      </div>
      {ideas.length === 0 ? (
        <p className="card">
          {t("ideas.mine.empty")} <Link to="/ideas/new">{t("nav.newIdea")}</Link>
        </p>
      ) : (
        <ol className="plan-tree" aria-label={t("ideas.mine.title")}>
          {ideas.map((idea) => (
            <li key={idea.id}>
              <IdeaCard idea={idea} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
