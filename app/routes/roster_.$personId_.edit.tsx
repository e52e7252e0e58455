import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice, StaleSaveNotice } from "../components/forms";
import { RosterPersonForm } from "../components/roster-person-form";
import { rosterMessages } from "../i18n/catalogue/roster";
import { useI18n } from "../i18n/use-i18n";
import { readRecordVersion } from "../domain/record-version";
import type { MessageKey } from "../i18n/messages.server";
import { getPersonDetail } from "../models/roster.server";
import {
  loadPersonFormOptions,
  parsePersonForm,
  personFormFromDetail,
  personFormValues,
  updatePerson,
  type PersonFormValues,
} from "../services/roster-people.server";
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
    // The version the form shows: a save from it is refused once someone else has changed the details.
    version: person.version,
    divisions,
    categories,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr");
  const personId = recordIdFromAddress(params.personId);
  const formData = await request.formData();
  const values = personFormValues(formData);
  const version = readRecordVersion(formData.get("version"));
  const database = db();
  const options = await loadPersonFormOptions(database);
  const parsed = parsePersonForm(values, { mode: "edit", categoryIds: options.categoryIds, divisionIds: options.divisionIds });
  const answer = (data: EditActionData, status: number) => json<EditActionData>(data, { status });
  if (!parsed.ok) return answer({ values, fieldErrors: parsed.fieldErrors, version, conflict: null }, 400);
  const { employeeCode: _code, divisionId: _division, employmentStart: _start, employmentEnd: _end, ...fields } = parsed.input;
  const result = await updatePerson(database, { accountId: user.accountId, ipAddress: clientAddress(request) }, personId, fields, { version });
  if (result === "notFound") throw notFound();
  if (result === "conflict") {
    // Nothing written: the person keeps what they typed, sees what is saved now, and may save again.
    const current = await getPersonDetail(database, personId);
    if (!current) throw notFound();
    return answer({ values, fieldErrors: {}, version: current.version, conflict: personFormFromDetail(current) }, 409);
  }
  return redirect(`/roster/${personId}?saved=${result === "saved" ? "details" : "unchanged"}`);
}

type EditActionData = {
  values: PersonFormValues;
  fieldErrors: Partial<Record<keyof PersonFormValues, MessageKey>>;
  /** The version the form carries next: the one posted, or after a conflict the one saved now. */
  version: number | null;
  /** Someone changed the details since the form was shown: what is saved now (nothing was written). */
  conflict: PersonFormValues | null;
};

export default function EditPersonPage() {
  const { personId, heading, values, version, divisions, categories } = useLoaderData<typeof loader>();
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
        {actionData?.conflict ? (
          <ConflictNotice typed={actionData.values} saved={actionData.conflict} categories={categories} />
        ) : actionData ? (
          <FormNotice tone="error">{t("form.fixErrors")}</FormNotice>
        ) : null}
        <RosterPersonForm
          mode="edit"
          values={{ ...values, ...(actionData?.values ?? {}), employeeCode: values.employeeCode }}
          fieldErrors={actionData?.fieldErrors ?? {}}
          divisions={divisions}
          categories={categories}
          submitLabel={t("form.save")}
          version={actionData ? (actionData.version ?? "") : version}
        />
      </div>
    </>
  );
}

const CONFLICT_FIELDS = [
  ["prefixTh", "rosterHr.field.prefixTh"],
  ["firstNameTh", "rosterHr.field.firstNameTh"],
  ["lastNameTh", "rosterHr.field.lastNameTh"],
  ["firstNameEn", "rosterHr.field.firstNameEn"],
  ["lastNameEn", "rosterHr.field.lastNameEn"],
  ["email", "rosterHr.field.email"],
  ["positionTh", "rosterHr.field.positionTh"],
  ["categoryId", "roster.category"],
] as const;

/** The details changed since the form was shown: say so, and list what is saved now where it differs from what was typed. */
function ConflictNotice({ typed, saved, categories }: { typed: PersonFormValues; saved: PersonFormValues; categories: { id: number; nameTh: string; nameEn: string }[] }) {
  const { t, locale } = useI18n(rosterMessages);
  const shown = (field: (typeof CONFLICT_FIELDS)[number][0], values: PersonFormValues) => {
    const value = values[field].trim();
    if (field !== "categoryId") return value;
    const category = categories.find((item) => String(item.id) === value);
    return category ? (locale === "en" && category.nameEn) || category.nameTh : value;
  };
  const changes = CONFLICT_FIELDS.filter(([field]) => shown(field, typed) !== shown(field, saved)).map(([field, label]) => ({
    field,
    label: t(label),
    saved: shown(field, saved),
  }));
  return <StaleSaveNotice message={t("rosterHr.edit.conflict")} savedIntro={t("rosterHr.edit.conflictSaved")} changes={changes} />;
}

export const ErrorBoundary = RouteErrorBoundary;
