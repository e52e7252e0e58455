import { Link } from "@remix-run/react";
import { useI18n } from "../i18n/use-i18n";

/**
 * Links between the pages of a long list: plain links that keep the list's filters (`hrefOf`
 * builds them), so paging works without JavaScript. The current page is marked aria-current.
 * Nothing is shown when there is only one page.
 */
export function PageNav({ page, pageCount, hrefOf, label }: { page: number; pageCount: number; hrefOf: (page: number) => string; label: string }) {
  const { t, number } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? (
        <>
          <Link to={hrefOf(1)}>{t("roster.firstPage")}</Link>
          <Link to={hrefOf(page - 1)} rel="prev">
            {t("roster.previousPage")}
          </Link>
        </>
      ) : null}
      <span aria-current="page">{t("roster.pageOf", { page: number(page), count: number(pageCount) })}</span>
      {page < pageCount ? (
        <>
          <Link to={hrefOf(page + 1)} rel="next">
            {t("roster.nextPage")}
          </Link>
          <Link to={hrefOf(pageCount)}>{t("roster.lastPage")}</Link>
        </>
      ) : null}
    </nav>
  );
}

/** The caption of a paged list of people: how many, and which of them this page shows. */
export function usePeopleCaption(): (list: { total: number; from: number; to: number; pageCount: number }) => string {
  const { t, number } = useI18n();
  return (list) =>
    list.total === 0
      ? t("roster.none")
      : list.pageCount === 1
        ? t("roster.count", { count: number(list.total) })
        : t("roster.showing", { from: number(list.from), to: number(list.to), count: number(list.total) });
}
