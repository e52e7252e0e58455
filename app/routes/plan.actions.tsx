import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole, requireUser } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice } from "../components/forms";
import { ReportPeriodForm } from "../components/report-period-form";
import { fiscalYearOf, fiscalYearRange } from "../domain/fiscal-year";
import { actionPlanCompletion } from "../domain/indicator-status";
import { ACTIVITY_STATUS_VALUES, isActivityStatus, parseActivityForm, type ActivityFormValues, type ReportFormError } from "../domain/report-forms";
import { hasAnyRole } from "../domain/roles";
import { readSubmissionToken } from "../domain/submission-token";
import type { MessageKey } from "../i18n/messages.server";
import { reportsMessages } from "../i18n/catalogue/reports";
import { useI18n } from "../i18n/use-i18n";
import { addActivity, changeActivity, listActivities, listPlanItems, moveActivity, type ActivityRow } from "../models/action-plan.server";
import { listIndicatorsWithTargets } from "../models/plan.server";
import { getAppSettings } from "../models/settings.server";
import { chosenFiscalYear } from "../services/dashboard-access.server";
import { isFiscalYearClosed } from "../services/participation-rule.server";
import { parseRecordId } from "../domain/record-id";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [reportsMessages], "reports.actions.pageTitle");

/** Everyone signed in reads the action plan; the committee and administrators keep it up to date. */
const EDITORS = ["admin", "committee"] as const;

async function planYears() {
  const settings = await getAppSettings(db());
  return { years: fiscalYearRange(settings.planPeriod.firstFiscalYearBE, settings.planPeriod.lastFiscalYearBE), calendar: settings.fiscalCalendar };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const database = db();
  const { years, calendar } = await planYears();
  const fiscalYearBE = chosenFiscalYear(new URL(request.url).searchParams.get("fy"), years, fiscalYearOf(new Date(), calendar));
  const [activities, planItems, indicators, closed] = await Promise.all([
    listActivities(database, fiscalYearBE),
    listPlanItems(database),
    listIndicatorsWithTargets(database),
    isFiscalYearClosed(database, fiscalYearBE),
  ]);
  const completion = actionPlanCompletion(activities.map((activity) => activity.status));
  return json({
    fiscalYearBE,
    planYears: years,
    activities,
    planItems,
    completion: { ...completion, cancelled: activities.length - completion.counted },
    target: indicators.find((indicator) => indicator.code === "ACTION_PLAN")?.targets[fiscalYearBE] ?? null,
    closed,
    canEdit: hasAnyRole(user.roles, EDITORS),
    // One token per add form shown: the same form posted twice adds one activity.
    addToken: randomUUID(),
  });
}

type ActionResult = {
  intent: string;
  activityId: number | null;
  values: ActivityFormValues;
  fieldErrors: Partial<Record<keyof ActivityFormValues, ReportFormError>>;
  refusal: MessageKey | null;
};

const REFUSALS = { closed: "reports.error.closed", conflict: "reports.error.conflict" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ...EDITORS);
  const actor = { accountId: user.accountId, ipAddress: clientAddress(request) };
  const formData = await request.formData();
  const field = (name: string) => String(formData.get(name) ?? "");
  const intent = field("intent");
  const database = db();
  const { years } = await planYears();
  const fiscalYearBE = Number(field("fy"));
  if (!years.includes(fiscalYearBE)) throw new Response("Unknown fiscal year", { status: 400 });
  const activityId = parseRecordId(field("id"));
  const values: ActivityFormValues = { title: field("title").slice(0, 1000), planId: field("planId"), status: formData.has("status") ? field("status") : undefined };
  const reply = (result: Partial<ActionResult>, status: number) =>
    json<ActionResult>({ intent, activityId, values, fieldErrors: {}, refusal: null, ...result }, { status });
  /** The activity an intent names: an id that cannot be one is an activity not found (404). */
  const namedActivity = () => {
    if (activityId === null) throw notFound();
    return activityId;
  };
  const done = () => redirect(`/plan/actions?fy=${fiscalYearBE}&saved=1`);

  if (intent === "add" || intent === "rename") {
    const planIds = (await listPlanItems(database)).map((item) => item.id);
    const parsed = parseActivityForm(intent === "add" ? { ...values, status: values.status ?? "planned" } : { title: values.title, planId: values.planId }, planIds);
    if (!parsed.ok) return reply({ fieldErrors: parsed.fieldErrors }, 400);
    const result =
      intent === "add"
        ? await addActivity(
            database,
            actor,
            fiscalYearBE,
            { title: parsed.input.title, planId: parsed.input.planId, status: parsed.input.status ?? "planned" },
            readSubmissionToken(formData.get("submissionToken")),
          )
        : await changeActivity(database, actor, { id: namedActivity(), version: field("version"), patch: { title: parsed.input.title, planId: parsed.input.planId } });
    if (result === "notFound") throw notFound();
    if (result !== "ok") return reply({ refusal: REFUSALS[result] }, 409);
    return done();
  }
  if (intent === "status") {
    const status = values.status;
    if (!isActivityStatus(status)) return reply({ fieldErrors: { status: "reports.error.status" } }, 400);
    const result = await changeActivity(database, actor, { id: namedActivity(), version: field("version"), patch: { status } });
    if (result === "notFound") throw notFound();
    if (result !== "ok") return reply({ refusal: REFUSALS[result] }, 409);
    return done();
  }
  if (intent === "move") {
    const direction = field("direction");
    if (direction !== "up" && direction !== "down") throw new Response("Unknown direction", { status: 400 });
    const result = await moveActivity(database, actor, { id: namedActivity(), direction });
    if (result === "notFound") throw notFound();
    if (result === "closed") return reply({ refusal: REFUSALS.closed }, 409);
    return done();
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function ActionPlanPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, fiscalYear, number } = useI18n(reportsMessages);
  const editable = data.canEdit && !data.closed;
  const { completion } = data;
  return (
    <>
      <p>
        <Link to="/plan">← {t("nav.plan")}</Link>
      </p>
      <h1>{t("reports.actions.heading", { fiscalYear: fiscalYear(data.fiscalYearBE) })}</h1>
      <ReportPeriodForm years={data.planYears} fiscalYearBE={data.fiscalYearBE} />
      <p className="muted">{t("reports.actions.intro")}</p>
      {searchParams.get("saved") && !actionData ? <FormNotice tone="ok">{t("reports.saved")}</FormNotice> : null}
      {actionData?.refusal ? <FormNotice tone="error">{t(actionData.refusal)}</FormNotice> : null}
      {actionData && !actionData.refusal ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
      {data.closed ? <FormNotice tone="error">{t("reports.actions.closed")}</FormNotice> : null}

      <section className="card" aria-labelledby="completion-heading">
        <h2 id="completion-heading">
          {completion.percent === null ? t("reports.actions.noCompletion") : t("reports.actions.completion", { percent: completion.percent.toFixed(1) })}
        </h2>
        {completion.counted > 0 ? (
          <p>
            {completion.cancelled > 0
              ? t("reports.actions.completionDetail", { done: completion.done, counted: completion.counted, cancelled: completion.cancelled })
              : t("reports.actions.completionDetailNoCancelled", { done: completion.done, counted: completion.counted })}
          </p>
        ) : null}
        {data.target !== null ? <p className="muted">{t("reports.actions.target", { percent: number(data.target) })}</p> : null}
        {completion.percent !== null ? <progress className="completion-bar" max={100} value={completion.percent} aria-labelledby="completion-heading" /> : null}
      </section>

      {data.activities.length === 0 ? (
        <p className="card">{t("reports.actions.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t("reports.actions.title")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("reports.actions.order")}
                </th>
                <th scope="col">{t("reports.actions.activity")}</th>
                <th scope="col">{t("reports.actions.status")}</th>
                {editable ? <th scope="col">{t("reports.manage")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.activities.map((activity, index) => (
                <ActivityTableRow
                  key={activity.id}
                  activity={activity}
                  position={index + 1}
                  isFirst={index === 0}
                  isLast={index === data.activities.length - 1}
                  editable={editable}
                  fiscalYearBE={data.fiscalYearBE}
                  planItems={data.planItems}
                  actionData={actionData?.activityId === activity.id ? actionData : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editable ? (
        <AddActivityForm
          fiscalYearBE={data.fiscalYearBE}
          planItems={data.planItems}
          submissionToken={data.addToken}
          actionData={actionData?.intent === "add" ? actionData : undefined}
        />
      ) : data.canEdit ? null : (
        <p className="muted">{t("reports.actions.readOnly")}</p>
      )}
    </>
  );
}

type PlanItem = { id: number; code: string; nameTh: string; nameEn: string };

function PlanItemSelect({ id, planItems, defaultValue, error }: { id: string; planItems: PlanItem[]; defaultValue: string; error?: ReportFormError }) {
  const { t, locale } = useI18n(reportsMessages);
  return (
    <div className="field">
      <label htmlFor={id}>{t("reports.actions.planItem")}</label>
      <select id={id} name="planId" defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{t("reports.actions.noPlanItem")}</option>
        {planItems.map((item) => (
          <option key={item.id} value={item.id}>
            {item.code} {(locale === "en" && item.nameEn) || item.nameTh}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function ActivityTableRow({
  activity,
  position,
  isFirst,
  isLast,
  editable,
  fiscalYearBE,
  planItems,
  actionData,
}: {
  activity: ActivityRow;
  position: number;
  isFirst: boolean;
  isLast: boolean;
  editable: boolean;
  fiscalYearBE: number;
  planItems: PlanItem[];
  actionData?: ActionResult;
}) {
  const { t, locale } = useI18n(reportsMessages);
  const renameData = actionData?.intent === "rename" ? actionData : undefined;
  const hidden = (
    <>
      <input type="hidden" name="fy" value={fiscalYearBE} />
      <input type="hidden" name="id" value={activity.id} />
    </>
  );
  return (
    <tr>
      <td className="num">{position}</td>
      <th scope="row">
        {activity.title}
        <div className="muted activity-plan">
          {activity.planCode ? `${activity.planCode} ${(locale === "en" && activity.planNameEn) || activity.planNameTh}` : t("reports.actions.noPlanItem")}
        </div>
      </th>
      <td>
        <span className={`activity-status activity-status--${activity.status}`}>{t(`reports.actions.status.${activity.status}`)}</span>
      </td>
      {editable ? (
        <td>
          <div className="activity-tools">
            <Form method="post" className="row-form">
              {hidden}
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="version" value={activity.version} />
              <label className="visually-hidden" htmlFor={`status-${activity.id}`}>
                {t("reports.actions.statusOf", { title: activity.title })}
              </label>
              <select id={`status-${activity.id}`} name="status" defaultValue={activity.status}>
                {ACTIVITY_STATUS_VALUES.map((status) => (
                  <option key={status} value={status}>
                    {t(`reports.actions.status.${status}`)}
                  </option>
                ))}
              </select>
              <button type="submit" className="secondary">
                {t("reports.actions.setStatus")}
              </button>
            </Form>
            {isFirst ? null : (
              <Form method="post" className="row-form">
                {hidden}
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="direction" value="up" />
                <button type="submit" className="secondary" aria-label={t("reports.actions.moveUpOf", { title: activity.title })}>
                  ↑ {t("reports.actions.moveUp")}
                </button>
              </Form>
            )}
            {isLast ? null : (
              <Form method="post" className="row-form">
                {hidden}
                <input type="hidden" name="intent" value="move" />
                <input type="hidden" name="direction" value="down" />
                <button type="submit" className="secondary" aria-label={t("reports.actions.moveDownOf", { title: activity.title })}>
                  ↓ {t("reports.actions.moveDown")}
                </button>
              </Form>
            )}
          </div>
          <details className="activity-edit" open={renameData ? true : undefined}>
            <summary>{t("reports.actions.edit")}</summary>
            <Form method="post" className="stack">
              {hidden}
              <input type="hidden" name="intent" value="rename" />
              <input type="hidden" name="version" value={activity.version} />
              <Field
                label={t("reports.actions.titleLabel")}
                error={renameData?.fieldErrors.title ? t(renameData.fieldErrors.title) : null}
                inputProps={{ id: `title-${activity.id}`, name: "title", type: "text", maxLength: 300, defaultValue: renameData?.values.title ?? activity.title, required: true }}
              />
              <PlanItemSelect id={`plan-${activity.id}`} planItems={planItems} defaultValue={renameData?.values.planId ?? String(activity.planId ?? "")} error={renameData?.fieldErrors.planId} />
              <div>
                <button type="submit">{t("reports.actions.save")}</button>
              </div>
            </Form>
          </details>
        </td>
      ) : null}
    </tr>
  );
}

function AddActivityForm({
  fiscalYearBE,
  planItems,
  submissionToken,
  actionData,
}: {
  fiscalYearBE: number;
  planItems: PlanItem[];
  submissionToken: string;
  actionData?: ActionResult;
}) {
  const { t } = useI18n(reportsMessages);
  return (
    <section className="card" aria-labelledby="add-heading">
      <h2 id="add-heading">{t("reports.actions.add")}</h2>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="submissionToken" value={submissionToken} />
        <input type="hidden" name="fy" value={fiscalYearBE} />
        <Field
          label={t("reports.actions.titleLabel")}
          error={actionData?.fieldErrors.title ? t(actionData.fieldErrors.title) : null}
          inputProps={{ id: "new-title", name: "title", type: "text", maxLength: 300, defaultValue: actionData?.values.title ?? "" }}
        />
        <PlanItemSelect id="new-plan" planItems={planItems} defaultValue={actionData?.values.planId ?? ""} error={actionData?.fieldErrors.planId} />
        <div className="field">
          <label htmlFor="new-status">{t("reports.actions.status")}</label>
          <select id="new-status" name="status" defaultValue={actionData?.values.status ?? "planned"}>
            {ACTIVITY_STATUS_VALUES.map((status) => (
              <option key={status} value={status}>
                {t(`reports.actions.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t("reports.actions.add")}</button>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
