import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useI18n } from "../i18n/use-i18n";
import type { MessageKey } from "../i18n/messages.server";

const MESSAGES_BY_STATUS: Record<number, { title: MessageKey; body: MessageKey }> = {
  403: { title: "error.forbidden.title", body: "error.forbidden.body" },
  404: { title: "error.notFound.title", body: "error.notFound.body" },
};

/**
 * A friendly page for any error: 403 and 404 say what happened; anything else says sorry.
 * Never shows a stack trace (the server logs it in entry.server's handleError).
 */
export function GeneralErrorBoundary({ error }: { error: unknown }) {
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const messages = MESSAGES_BY_STATUS[status] ?? { title: "error.title", body: "error.body" };
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
