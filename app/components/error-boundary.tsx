import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useI18n } from "../i18n/use-i18n";
import type { MessageKey } from "../i18n/messages.server";

const MESSAGES_BY_STATUS: Record<number, { title: MessageKey; body: MessageKey }> = {
  403: { title: "error.forbidden.title", body: "error.forbidden.body" },
  404: { title: "error.notFound.title", body: "error.notFound.body" },
};

function errorMessages(error: unknown): { title: MessageKey; body: MessageKey } {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return MESSAGES_BY_STATUS[status] ?? { title: "error.title", body: "error.body" };
}

/**
 * The heading of the error page for `error` (what a route's `meta` is given): its `<title>` says
 * the same as the page, e.g. `meta = ({ matches, error }) => pageTitle(matches, [], errorTitleKey(error))`.
 */
export function errorTitleKey(error: unknown): MessageKey {
  return errorMessages(error).title;
}

/**
 * A friendly page for any error: 403 and 404 say what happened; anything else says sorry.
 * Never shows a stack trace (the server logs it in entry.server's handleError).
 */
export function GeneralErrorBoundary({ error }: { error: unknown }) {
  const { t } = useI18n();
  const messages = errorMessages(error);
  return (
    <div className="card" role="alert">
      <h1>{t(messages.title)}</h1>
      <p>{t(messages.body)}</p>
      <p>
        <a href="/">{t("error.backHome")}</a>
      </p>
    </div>
  );
}

/** Exported by each route as its ErrorBoundary, so the header and navigation stay in place. */
export function RouteErrorBoundary() {
  return <GeneralErrorBoundary error={useRouteError()} />;
}
