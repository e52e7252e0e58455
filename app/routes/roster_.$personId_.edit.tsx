import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { RosterPersonForm } from "../components/roster-person-form";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { getPersonDetail } from "../models/roster.server";
import { loadPersonFormOptions, parsePersonForm, personFormFromDetail, personFormValues, updatePerson } from "../services/roster-people.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [rosterMessages], "rosterHr.edit.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "hr");
  const database = db();
  const person = await getPersonDetail(database, recordIdFromAddress(params.personId));
  if (!person) throw notFound();
  const { divisions, categories } = await loadPersonFormOptions(database);
  return json({
    personId: person.personId,
    heading: `${person.employeeCode} ${person.prefixTh}${person.firstNameTh} ${person.lastNameTh}`,
    values: personFormFromDetail(person),
    divisions,
    categories,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  const personId = recordIdFromAddress(params.personId);
  const values = personFormValues(await request.formData());
  const database = db();
  const options = await loadPersonFormOptions(database);
  const parsed = parsePersonForm(values, { mode: "edit", categoryIds: options.categoryIds, divisionIds: options.divisionIds });
  if (!parsed.ok) return json({ values, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const { employeeCode: _code, divisionId: _division, employmentStart: _start, employmentEnd: _end, ...fields } = parsed.input;
  const result = await updatePerson(database, { accountId: user.accountId, ipAddress: clientAddress(request) }, personId, fields);
  if (result === "notFound") throw notFound();
  return redirect(`/roster/${personId}?saved=${result === "saved" ? "details" : "unchanged"}`);
}

export default function EditPersonPage() {
  const { personId, heading, values, divisions, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n(rosterMessages);
  return (
    <>
      <p>
        <Link to={`/roster/${personId}`}>← {heading}</Link>
      </p>
      <div className="card">
        <h1>{t("rosterHr.edit.title")}</h1>
        <p className="muted">{heading}</p>
        {actionData ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
        <RosterPersonForm
          mode="edit"
          values={{ ...values, ...(actionData?.values ?? {}), employeeCode: values.employeeCode }}
          fieldErrors={actionData?.fieldErrors ?? {}}
          divisions={divisions}
          categories={categories}
          submitLabel={t("form.save")}
        />
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
