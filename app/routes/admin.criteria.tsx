import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice } from "../components/forms";
import { parseRecordId } from "../domain/record-id";
import type { MessageKey } from "../i18n/messages.server";
import { adminMessages } from "../i18n/catalogue/admin";
import { useI18n } from "../i18n/use-i18n";
import { recordAudit } from "../models/audit.server";
import { CRITERION_NAME_MAX, addCriterion, criterionNameTaken, getCriterion, listCriteria, moveCriterion, updateCriterion } from "../models/scores.server";
import { notFound } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [adminMessages], "pipeline.criteria.title");

type FieldErrors = Partial<Record<"nameTh" | "nameEn", MessageKey>>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json({ criteria: await listCriteria(db()) });
}

function namesFrom(formData: FormData) {
  const nameTh = String(formData.get("nameTh") ?? "").slice(0, CRITERION_NAME_MAX * 2).normalize("NFC").trim();
  const nameEn = String(formData.get("nameEn") ?? "").slice(0, CRITERION_NAME_MAX * 2).normalize("NFC").trim();
  const fieldErrors: FieldErrors = {};
  if (!nameTh) fieldErrors.nameTh = "pipeline.criteria.required";
  else if ([...nameTh].length > CRITERION_NAME_MAX) fieldErrors.nameTh = "pipeline.criteria.tooLong";
  if ([...nameEn].length > CRITERION_NAME_MAX) fieldErrors.nameEn = "pipeline.criteria.tooLong";
  return { nameTh, nameEn, fieldErrors };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const audit = { actorAccountId: admin.accountId, entityType: "scoring_criterion", ipAddress: clientAddress(request) };
  const database = db();

  if (intent === "add") {
    const names = namesFrom(formData);
    const submitted = { nameTh: String(formData.get("nameTh") ?? ""), nameEn: String(formData.get("nameEn") ?? "") };
    if (!names.fieldErrors.nameTh && (await criterionNameTaken(database, names))) names.fieldErrors.nameTh = "pipeline.criteria.nameTaken";
    if (Object.keys(names.fieldErrors).length > 0) return json({ intent, id: null, fieldErrors: names.fieldErrors, submitted }, { status: 400 });
    await database.transaction(async (tx) => {
      const created = await addCriterion(tx, { nameTh: names.nameTh, nameEn: names.nameEn });
      await recordAudit(tx, { ...audit, action: "criteria.added", entityId: created.id, details: { nameTh: created.nameTh, nameEn: created.nameEn } });
    });
    return redirect("/admin/criteria?done=added");
  }

  const id = parseRecordId(formData.get("id"));
  if (id === null) throw new Response("Unknown intent", { status: 400 });
  const criterion = await getCriterion(database, id);
  if (!criterion) throw notFound();

  if (intent === "save") {
    const names = namesFrom(formData);
    const active = formData.get("active") === "on";
    const submitted = { nameTh: String(formData.get("nameTh") ?? ""), nameEn: String(formData.get("nameEn") ?? ""), active: active ? "on" : "" };
    if (!names.fieldErrors.nameTh && (await criterionNameTaken(database, names, id))) names.fieldErrors.nameTh = "pipeline.criteria.nameTaken";
    if (Object.keys(names.fieldErrors).length > 0) return json({ intent, id, fieldErrors: names.fieldErrors, submitted }, { status: 400 });
    await database.transaction(async (tx) => {
      await updateCriterion(tx, id, { nameTh: names.nameTh, nameEn: names.nameEn, active });
      await recordAudit(tx, {
        ...audit,
        action: "criteria.changed",
        entityId: id,
        details: { before: { nameTh: criterion.nameTh, nameEn: criterion.nameEn, active: criterion.active }, after: { nameTh: names.nameTh, nameEn: names.nameEn, active } },
      });
    });
    return redirect("/admin/criteria?done=saved");
  }

  if (intent === "up" || intent === "down") {
    await database.transaction(async (tx) => {
      await moveCriterion(tx, id, intent);
      await recordAudit(tx, { ...audit, action: "criteria.reordered", entityId: id, details: { direction: intent } });
    });
    return redirect("/admin/criteria");
  }
  throw new Response("Unknown intent", { status: 400 });
}

export default function CriteriaAdminPage() {
  const { criteria } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useI18n(adminMessages);
  const done = searchParams.get("done");
  const errorsFor = (intent: string, id: number | null): FieldErrors => (actionData && actionData.intent === intent && actionData.id === id ? actionData.fieldErrors : {});
  const typedFor = (intent: string, id: number | null) => (actionData && actionData.intent === intent && actionData.id === id ? actionData.submitted : null);
  return (
    <>
      <h1>{t("pipeline.criteria.title")}</h1>
      <p className="muted">{t("pipeline.criteria.intro")}</p>
      {done && !actionData ? <FormNotice tone="ok">{t(done === "added" ? "pipeline.criteria.added" : "pipeline.criteria.saved")}</FormNotice> : null}
      {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
      <ol className="criteria-list">
        {criteria.map((criterion, index) => {
          const errors = errorsFor("save", criterion.id);
          const typed = typedFor("save", criterion.id) as { nameTh: string; nameEn: string; active: string } | null;
          const label = t("pipeline.criteria.edit", { number: index + 1 });
          return (
            <li key={criterion.id} className="card">
              <Form method="post" className="stack" aria-label={label}>
                <input type="hidden" name="intent" value="save" />
                <input type="hidden" name="id" value={criterion.id} />
                <fieldset>
                  <legend>
                    {label} {criterion.active ? null : <span className="badge badge--warn">{t("pipeline.criteria.inactive")}</span>}
                  </legend>
                  <Field
                    label={t("pipeline.criteria.nameTh")}
                    error={errors.nameTh ? t(errors.nameTh) : null}
                    inputProps={{ id: `criterion-${criterion.id}-th`, name: "nameTh", type: "text", defaultValue: typed?.nameTh ?? criterion.nameTh, maxLength: 200 }}
                  />
                  <Field
                    label={t("pipeline.criteria.nameEn")}
                    error={errors.nameEn ? t(errors.nameEn) : null}
                    inputProps={{ id: `criterion-${criterion.id}-en`, name: "nameEn", type: "text", defaultValue: typed?.nameEn ?? criterion.nameEn, maxLength: 200 }}
                  />
                  <label className="checkbox">
                    <input type="checkbox" name="active" defaultChecked={typed ? typed.active === "on" : criterion.active} /> {t("pipeline.criteria.active")}
                  </label>
                  <p>
                    <button type="submit">{t("pipeline.criteria.save")}</button>
                  </p>
                </fieldset>
              </Form>
              <div className="actions">
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="up" />
                  <input type="hidden" name="id" value={criterion.id} />
                  <button type="submit" className="secondary" disabled={index === 0} aria-label={t("pipeline.criteria.moveUp", { name: criterion.nameTh })}>
                    ↑ {t("pipeline.criteria.up")}
                  </button>
                </Form>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="down" />
                  <input type="hidden" name="id" value={criterion.id} />
                  <button
                    type="submit"
                    className="secondary"
                    disabled={index === criteria.length - 1}
                    aria-label={t("pipeline.criteria.moveDown", { name: criterion.nameTh })}
                  >
                    ↓ {t("pipeline.criteria.down")}
                  </button>
                </Form>
              </div>
            </li>
          );
        })}
      </ol>
      <Form method="post" className="card stack" aria-labelledby="add-criterion-heading">
        <h2 id="add-criterion-heading">{t("pipeline.criteria.add")}</h2>
        <input type="hidden" name="intent" value="add" />
        <Field
          label={t("pipeline.criteria.nameTh")}
          error={errorsFor("add", null).nameTh ? t(errorsFor("add", null).nameTh!) : null}
          inputProps={{ id: "new-criterion-th", name: "nameTh", type: "text", defaultValue: typedFor("add", null)?.nameTh ?? "", maxLength: 200 }}
        />
        <Field
          label={t("pipeline.criteria.nameEn")}
          error={errorsFor("add", null).nameEn ? t(errorsFor("add", null).nameEn!) : null}
          inputProps={{ id: "new-criterion-en", name: "nameEn", type: "text", defaultValue: typedFor("add", null)?.nameEn ?? "", maxLength: 200 }}
        />
        <div>
          <button type="submit">{t("pipeline.criteria.add")}</button>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
