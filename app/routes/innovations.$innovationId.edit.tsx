import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole } from "../auth/current-user.server";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { InnovationFields } from "../components/innovation-fields";
import { readRecordVersion } from "../domain/record-version";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";
import { getInnovationDetail } from "../models/innovations.server";
import { innovationFormValues, innovationValuesOf, updateInnovation } from "../services/innovations.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle } from "../i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, [projectsMessages], "projects.innovation.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "committee");
  const innovation = await getInnovationDetail(db(), recordIdFromAddress(params.innovationId));
  if (!innovation) throw notFound();
  return json({ innovation: { id: innovation.id, nameTh: innovation.nameTh, nameEn: innovation.nameEn }, values: innovationValuesOf(innovation), version: innovation.version });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const innovationId = recordIdFromAddress(params.innovationId);
  const formData = await request.formData();
  const values = innovationFormValues(formData);
  const version = readRecordVersion(formData.get("version"));
  const database = db();
  const result = await updateInnovation(database, { accountId: user.accountId, personId: user.personId, ipAddress: clientAddress(request) }, { innovationId, values, version });
  if (result === "notFound") throw notFound();
  if (result === "conflict") {
    // Nothing written: the person keeps what they typed and may save again once they have looked.
    const current = await getInnovationDetail(database, innovationId);
    if (!current) throw notFound();
    return json({ values, fieldErrors: {}, version: current.version, conflict: true }, { status: 409 });
  }
  if (!result.ok) return json({ values, fieldErrors: result.fieldErrors, version, conflict: false }, { status: 400 });
  return redirect(`/innovations/${innovationId}?done=saved`);
}

export default function EditInnovationPage() {
  const { innovation, values, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n(projectsMessages);
  const name = (locale === "en" && innovation.nameEn) || innovation.nameTh;
  return (
    <>
      <p>
        <Link to={`/innovations/${innovation.id}`}>← {name}</Link>
      </p>
      <div className="card">
        <h1>{t("projects.innovation.editTitle")}</h1>
        {actionData?.conflict ? (
          <FormNotice tone="error">
            <p>{t("projects.innovation.conflict")}</p>
            <p>
              <a href={`/innovations/${innovation.id}`} target="_blank" rel="noreferrer">
                {t("projects.innovation.conflictLink")}
              </a>
            </p>
          </FormNotice>
        ) : actionData ? (
          <FormNotice tone="error">{t("form.fixErrors")}</FormNotice>
        ) : null}
        <Form method="post" className="stack">
          <input type="hidden" name="version" value={actionData ? (actionData.version ?? "") : version} />
          <InnovationFields values={actionData?.values ?? values} fieldErrors={actionData?.fieldErrors ?? {}} />
          <div>
            <button type="submit" disabled={navigation.state === "submitting"}>
              {t("projects.innovation.editSubmit")}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
