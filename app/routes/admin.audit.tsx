import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { requireRole } from "../auth/current-user.server";
import { auditActionLabel } from "../components/audit-action";
import { RouteErrorBoundary } from "../components/error-boundary";
import { auditActionMessages } from "../i18n/catalogue/audit-actions";
import { adminMessages } from "../i18n/catalogue/admin";
import { useI18n } from "../i18n/use-i18n";
import { listAuditActions, listAuditEntries } from "../models/audit.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [adminMessages], "audit.title");

const PAGE_SIZE = 50;

/** Cursor "ISO-instant_id" of the last row shown; older rows follow it. */
function parseCursor(value: string | null): { at: Date; id: number } | undefined {
  const match = value?.match(/^(.+)_(\d+)$/);
  if (!match) return undefined;
  const at = new Date(match[1]);
  const id = Number(match[2]);
  return Number.isNaN(at.getTime()) ? undefined : { at, id };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const action = url.searchParams.get("action") || undefined;
  const before = parseCursor(url.searchParams.get("before"));
  const database = db();
  const [entries, actions] = await Promise.all([
    listAuditEntries(database, { before, action, limit: PAGE_SIZE + 1 }),
    listAuditActions(database),
  ]);
  const page = entries.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor = entries.length > PAGE_SIZE && last ? `${last.at.toISOString()}_${last.id}` : null;
  return json({
    entries: page.map((entry) => ({ ...entry, details: JSON.stringify(entry.details) })),
    actions,
    action: action ?? "",
    nextCursor,
    isFirstPage: !before,
  });
}

export default function AuditPage() {
  const { entries, actions, action, nextCursor, isFirstPage } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n(adminMessages, auditActionMessages);
  const withAction = (params: Record<string, string>) =>
    `?${new URLSearchParams({ ...(action ? { action } : {}), ...params })}`;
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <Form method="get" className="card">
        <div className="field">
          <label htmlFor="action">{t("audit.filterAction")}</label>
          <select id="action" name="action" defaultValue={action}>
            <option value="">–</option>
            {actions.map((name) => (
              <option key={name} value={name}>
                {auditActionLabel(t, name)}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit">{t("roster.filter")}</button>
        </p>
      </Form>
      {entries.length === 0 ? (
        <p className="card">{t("audit.empty")}</p>
      ) : (
        // Long details scroll sideways: the region takes keyboard focus so it can be scrolled.
        <div className="table-wrap" role="region" aria-label={t("audit.title")} tabIndex={0}>
          <table>
            <caption>{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.details")}</th>
                <th scope="col">{t("audit.address")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{dateTime(entry.at)}</td>
                  <td>{entry.actorUsername ?? t("audit.system")}</td>
                  <td>
                    {auditActionLabel(t, entry.action)} <code className="muted">{entry.action}</code>
                  </td>
                  <td>
                    {entry.entityType}
                    {entry.entityId ? ` ${entry.entityId}` : ""}
                  </td>
                  <td>
                    <code>{entry.details === "{}" ? "" : entry.details}</code>
                  </td>
                  <td>{entry.ipAddress ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label={t("audit.title")}>
        {isFirstPage ? null : <Link to={withAction({})}>{t("audit.newest")}</Link>}
        {nextCursor ? <Link to={withAction({ before: nextCursor })}>{t("audit.older")}</Link> : null}
      </nav>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
