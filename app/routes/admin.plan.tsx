import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { randomUUID } from "node:crypto";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { addPlanItemForm, renamePlanItemForm, saveTargetsForm } from "../services/plan-admin.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { fiscalYearRange } from "../domain/fiscal-year";
import type { MessageKey } from "../i18n/messages.server";
import { planMessages } from "../i18n/catalogue/plan";
import { useI18n } from "../i18n/use-i18n";
import { closedFiscalYears, getPlanTree, listIndicatorsWithTargets } from "../models/plan.server";
import { getAppSettings } from "../models/settings.server";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [planMessages], "planAdmin.title");

async function planFiscalYears() {
  const { planPeriod } = await getAppSettings(db());
  return fiscalYearRange(planPeriod.firstFiscalYearBE, planPeriod.lastFiscalYearBE);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [tree, indicators, fiscalYears, closed] = await Promise.all([getPlanTree(db()), listIndicatorsWithTargets(db()), planFiscalYears(), closedFiscalYears(db())]);
  // A closed year's targets are shown, not editable (the service refuses a change too).
  return json({
    tree,
    indicators,
    fiscalYears,
    closedYears: fiscalYears.filter((year) => closed.has(year)),
    // One token per add-project form shown: the same form posted twice adds one project.
    addProjectToken: randomUUID(),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const actor = { accountId: admin.accountId, ipAddress: clientAddress(request) };
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const submitted = Object.fromEntries([...formData].map(([key, value]) => [key, String(value)]));
  let result;
  if (intent === "targets") result = await saveTargetsForm(db(), actor, formData, await planFiscalYears());
  else if (intent === "addStrategy") result = await addPlanItemForm(db(), actor, "strategy", formData);
  else if (intent === "addPlan") result = await addPlanItemForm(db(), actor, "plan", formData);
  else if (intent === "addProject") result = await addPlanItemForm(db(), actor, "project", formData);
  else if (intent === "rename") result = await renamePlanItemForm(db(), actor, formData);
  else throw new Response("Unknown intent", { status: 400 });
  if (result === "notFound") throw notFound();
  if (!result.ok) return json({ intent, fieldErrors: result.fieldErrors, submitted }, { status: 400 });
  return redirect(`/admin/plan?saved=${intent}`);
}

export default function PlanAdminPage() {
  const { tree, indicators, fiscalYears, closedYears, addProjectToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, fiscalYear, locale, number } = useI18n(planMessages);
  const errorsFor = (intent: string): Record<string, MessageKey> => (actionData?.intent === intent ? actionData.fieldErrors : {});
  const typed = (intent: string, field: string) => (actionData?.intent === intent ? actionData.submitted[field] : undefined);
  const targetErrors = errorsFor("targets");
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  const saved = searchParams.get("saved");
  return (
    <>
      <h1>{t("planAdmin.title")}</h1>
      {saved && !actionData ? <FormNotice tone="ok">{t(saved === "targets" ? "planAdmin.targetsSaved" : "planAdmin.saved")}</FormNotice> : null}
      {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}

      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">{t("planAdmin.targets")}</h2>
        {closedYears.length > 0 ? <p className="muted">{t("planAdmin.closedYearsNote")}</p> : null}
        <Form method="post">
          <input type="hidden" name="intent" value="targets" />
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("plan.indicator")}</th>
                  {fiscalYears.map((year) => (
                    <th key={year} scope="col" className="num">
                      {fiscalYear(year, true)}
                      {closedYears.includes(year) ? (
                        <>
                          {" "}
                          <span className="badge">{t("planAdmin.closedYear")}</span>
                        </>
                      ) : null}
                    </th>
                  ))}
                  <th scope="col">{t("planAdmin.countMode")}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((indicator) => (
                  <tr key={indicator.id}>
                    <th scope="row" id={`indicator-${indicator.id}`}>
                      {name(indicator)}
                    </th>
                    {fiscalYears.map((year) => {
                      const field = `target-${indicator.id}-${year}`;
                      const error = targetErrors[field];
                      const current = indicator.targets[year];
                      if (closedYears.includes(year)) {
                        return (
                          <td key={year} className="num">
                            {current === null || current === undefined ? "–" : number(current)}
                            {error ? (
                              <p className="field__error" id={`${field}-error`}>
                                {t(error)}
                              </p>
                            ) : null}
                          </td>
                        );
                      }
                      // What the cell starts from, and the value it says it showed (a save checks it
                      // against the saved one): after a refused save, a cell changed meanwhile keeps what
                      // was typed and now shows the saved value; a cell left alone shows the saved value.
                      const savedText = current === null || current === undefined ? "" : String(current);
                      const postedText = typed("targets", field);
                      const postedShown = typed("targets", `shown-${field}`);
                      const changedMeanwhile = error === "planAdmin.changedMeanwhile";
                      const untouched = postedText === undefined || (postedShown !== undefined && postedText === postedShown);
                      const startText = untouched ? savedText : postedText;
                      const shownText = untouched || changedMeanwhile ? savedText : (postedShown ?? savedText);
                      return (
                        <td key={year} className="num">
                          <input type="hidden" name={`shown-${field}`} value={shownText} />
                          <input
                            type="text"
                            inputMode="decimal"
                            name={field}
                            aria-label={`${name(indicator)} ${fiscalYear(year)}`}
                            defaultValue={startText}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${field}-error` : undefined}
                          />
                          {error ? (
                            <p className="field__error" id={`${field}-error`}>
                              {t(error)}
                              {changedMeanwhile ? <> {t("planAdmin.savedNow", { value: savedText === "" ? "–" : number(Number(savedText)) })}</> : null}
                            </p>
                          ) : null}
                        </td>
                      );
                    })}
                    <td>
                      {indicator.unit === "count" ? <input type="hidden" name={`shown-countMode-${indicator.id}`} value={indicator.countMode ?? "cumulative"} /> : null}
                      {indicator.unit === "count" ? (
                        <select
                          name={`countMode-${indicator.id}`}
                          defaultValue={indicator.countMode ?? "cumulative"}
                          aria-label={`${t("planAdmin.countMode")}: ${name(indicator)}`}
                        >
                          <option value="per_year">{t("plan.countMode.per_year")}</option>
                          <option value="cumulative">{t("plan.countMode.cumulative")}</option>
                        </select>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("planAdmin.saveTargets")}
            </button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="tree-heading">
        <h2 id="tree-heading">{t("planAdmin.strategies")}</h2>
        {tree.map((strategy) => (
          <div key={strategy.id} className="card">
            <RenameForm kind="strategy" id={strategy.id} label={`${t("plan.strategy", { code: strategy.code })}`} item={strategy} />
            {strategy.plans.map((plan) => (
              <div key={plan.id}>
                <RenameForm kind="plan" id={plan.id} label={`${t("plan.plan")} ${plan.code}`} item={plan} />
                <ul>
                  {plan.projects.map((project) => (
                    <li key={project.id}>
                      <RenameForm kind="project" id={project.id} label={t("plan.projects")} item={project} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ))}
        <div className="grid">
          <AddForm intent="addStrategy" title={t("planAdmin.addStrategy")} errors={errorsFor("addStrategy")} typed={(f) => typed("addStrategy", f)} />
          <AddForm
            intent="addPlan"
            title={t("planAdmin.addPlan")}
            errors={errorsFor("addPlan")}
            typed={(f) => typed("addPlan", f)}
            parentLabel={t("planAdmin.underStrategy")}
            parents={tree.map((strategy) => ({ id: strategy.id, label: `${strategy.code} ${name(strategy)}` }))}
          />
          <AddForm
            intent="addProject"
            submissionToken={addProjectToken}
            title={t("planAdmin.addProject")}
            errors={errorsFor("addProject")}
            typed={(f) => typed("addProject", f)}
            parentLabel={t("planAdmin.underPlan")}
            parents={tree.flatMap((strategy) => strategy.plans.map((plan) => ({ id: plan.id, label: `${plan.code} ${name(plan)}` })))}
          />
        </div>
      </section>
    </>
  );
}

function RenameForm({ kind, id, label, item }: { kind: string; id: number; label: string; item: { nameTh: string; nameEn: string } }) {
  const { t } = useI18n(planMessages);
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="rename" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <fieldset>
        <legend>{label}</legend>
        <div className="field">
          <label htmlFor={`${kind}-${id}-th`}>{t("planAdmin.nameTh")}</label>
          <input id={`${kind}-${id}-th`} name="nameTh" type="text" defaultValue={item.nameTh} required />
        </div>
        <div className="field">
          <label htmlFor={`${kind}-${id}-en`}>{t("planAdmin.nameEn")}</label>
          <input id={`${kind}-${id}-en`} name="nameEn" type="text" defaultValue={item.nameEn} />
        </div>
        <p>
          <button type="submit" className="secondary">
            {t("planAdmin.rename")}
          </button>
        </p>
      </fieldset>
    </Form>
  );
}

function AddForm({
  intent,
  submissionToken,
  title,
  errors,
  typed,
  parentLabel,
  parents,
}: {
  intent: string;
  submissionToken?: string;
  title: string;
  errors: Record<string, MessageKey>;
  typed: (field: string) => string | undefined;
  parentLabel?: string;
  parents?: { id: number; label: string }[];
}) {
  const { t } = useI18n(planMessages);
  const fieldError = (field: string) =>
    errors[field] ? (
      <p className="field__error" id={`${intent}-${field}-error`} role="alert">
        {t(errors[field])}
      </p>
    ) : null;
  const invalid = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `${intent}-${field}-error` } : {});
  return (
    <Form method="post" className="card stack">
      <h3>{title}</h3>
      <input type="hidden" name="intent" value={intent} />
      {submissionToken ? <input type="hidden" name="submissionToken" value={submissionToken} /> : null}
      {parents ? (
        <div className="field">
          <label htmlFor={`${intent}-parent`}>{parentLabel}</label>
          <select id={`${intent}-parent`} name="parentId" defaultValue={typed("parentId") ?? ""} {...invalid("parentId")}>
            <option value="">–</option>
            {parents.map((parent) => (
              <option key={parent.id} value={parent.id}>
                {parent.label}
              </option>
            ))}
          </select>
          {fieldError("parentId")}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${intent}-code`}>{t("planAdmin.code")}</label>
        <input id={`${intent}-code`} name="code" type="text" defaultValue={typed("code")} {...invalid("code")} />
        {fieldError("code")}
      </div>
      <div className="field">
        <label htmlFor={`${intent}-nameTh`}>{t("planAdmin.nameTh")}</label>
        <input id={`${intent}-nameTh`} name="nameTh" type="text" defaultValue={typed("nameTh")} {...invalid("nameTh")} />
        {fieldError("nameTh")}
      </div>
      <div className="field">
        <label htmlFor={`${intent}-nameEn`}>{t("planAdmin.nameEn")}</label>
        <input id={`${intent}-nameEn`} name="nameEn" type="text" defaultValue={typed("nameEn")} />
      </div>
      <div>
        <button type="submit">{t("planAdmin.save")}</button>
      </div>
    </Form>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
