import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { TrainingYearTotals } from "../components/training-year-totals";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { personTraining } from "../services/training-figures.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "training.mine.title");

/** A person's own training: every session recorded for them and the hours per fiscal year. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await personTraining(db(), user.personId));
}

export default function MyTrainingPage() {
  const { rows, totals } = useLoaderData<typeof loader>();
  const { t, date, number } = useI18n(rosterMessages);
  return (
    <>
      <h1>{t("training.mine.title")}</h1>
      {rows.length === 0 ? (
        <p className="card">{t("training.mine.none")}</p>
      ) : (
        <>
          <TrainingYearTotals totals={totals} />
          <h2>{t("training.mine.history")}</h2>
          <ul className="training-history">
            {rows.map((row) => (
              <li key={row.sessionId} className="card">
                <h3>{row.title}</h3>
                <p className="muted">
                  {row.startDate === row.endDate ? date(row.startDate) : t("training.dateRange", { from: date(row.startDate), to: date(row.endDate) })}
                  {row.organiser ? ` · ${row.organiser}` : ""} · {t("training.mine.hours", { hours: number(row.hours) })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
