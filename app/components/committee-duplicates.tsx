import { Link } from "@remix-run/react";
import { pipelineMessages } from "../i18n/catalogue/pipeline";
import { useI18n } from "../i18n/use-i18n";

/**
 * On an original idea's page: the ideas the committee marked as its duplicates (their votes
 * and followers now count here). Renders nothing when there are none. Feed it with
 * `listDuplicatesOf(db, ideaId)` from app/models/board.server.ts.
 */
export function DuplicatesOfIdea({ duplicates, linkTo = (id) => `/ideas/${id}` }: { duplicates: { id: number; title: string }[]; linkTo?: (id: number) => string }) {
  const { t } = useI18n(pipelineMessages);
  if (duplicates.length === 0) return null;
  return (
    <section className="card" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t("pipeline.duplicate.listTitle")}</h2>
      <ul>
        {duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link to={linkTo(duplicate.id)}>{`#${duplicate.id} ${duplicate.title}`}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
