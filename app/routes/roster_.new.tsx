import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { RosterPersonForm } from "../components/roster-person-form";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { createPerson, emptyPersonForm, loadPersonFormOptions, parsePersonForm, personFormValues } from "../services/roster-people.server";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "rosterHr.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr");
  const { divisions, categories } = await loadPersonFormOptions(db());
  return json({ divisions, categories, values: emptyPersonForm() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  const values = personFormValues(await request.formData());
  const database = db();
  const options = await loadPersonFormOptions(database);
  const parsed = parsePersonForm(values, { mode: "new", categoryIds: options.categoryIds, divisionIds: options.divisionIds });
  if (!parsed.ok) return json({ values, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await createPerson(database, { accountId: user.accountId, ipAddress: clientAddress(request) }, parsed.input);
  if (!result.ok) return json({ values, fieldErrors: result.fieldErrors }, { status: 400 });
  return redirect(`/roster/${result.personId}?saved=created`);
}

export default function NewPersonPage() {
  const { divisions, categories, values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n(rosterMessages);
  return (
    <>
      <p>
        <Link to="/roster">← {t("roster.title")}</Link>
      </p>
      <div className="card">
        <h1>{t("rosterHr.new.title")}</h1>
        {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
        <RosterPersonForm
          mode="new"
          values={actionData?.values ?? values}
          fieldErrors={actionData?.fieldErrors ?? {}}
          divisions={divisions}
          categories={categories}
          submitLabel={t("rosterHr.new.submit")}
        />
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
