import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole, requireUser } from "../auth/current-user.server";
import { AttachmentList } from "../components/attachment-list";
import { AttachmentUpload } from "../components/attachment-upload";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice, TextAreaField } from "../components/forms";
import { IpStatusBadge } from "../components/innovation-fields";
import { ProjectStatusBadge } from "../components/project-fields";
import { calendarDateIn } from "../domain/calendar-date";
import { recordedByName } from "../domain/person-name";
import { parseRecordId } from "../domain/record-id";
import { readSubmissionToken } from "../domain/submission-token";
import { hasAnyRole } from "../domain/roles";
import type { MessageKey } from "../i18n/messages.server";
import { projectsMessages } from "../i18n/catalogue/projects";
import { resolveLocale } from "../i18n/locale.server";
import { useI18n } from "../i18n/use-i18n";
import { listAttachments } from "../models/attachments.server";
import { getFollowUp, getInnovationDetail } from "../models/innovations.server";
import { getAppSettings } from "../models/settings.server";
import { readUploadForm, saveUploadedFile, uploadOwnerOf } from "../services/attachments.server";
import {
  addFollowUp,
  followUpFormValues,
  removeFollowUp,
  type FollowUpFieldErrors,
  type FollowUpFormValues,
} from "../services/innovations.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle, nameIn } from "../i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, [projectsMessages], data ? { text: nameIn(matches, data.innovation) } : "projects.col.innovations");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const database = db();
  const innovation = await getInnovationDetail(database, recordIdFromAddress(params.innovationId));
  if (!innovation) throw notFound();
  const locale = resolveLocale(request, user.locale);
  const [attachments, followUpAttachments, settings] = await Promise.all([
    listAttachments(database, "innovation", [innovation.id]),
    listAttachments(
      database,
      "follow_up",
      innovation.followUps.map((followUp) => followUp.id),
    ),
    getAppSettings(database),
  ]);
  const { byNameTh, byNameEn, followUps, ...rest } = innovation;
  return json({
    // Who recorded the innovation and each follow-up, in the reader's language (PRODUCT.md §5).
    innovation: {
      ...rest,
      byName: recordedByName({ byNameTh, byNameEn }, locale),
      followUps: followUps.map(({ byNameTh, byNameEn, ...followUp }) => ({ ...followUp, byName: recordedByName({ byNameTh, byNameEn }, locale) })),
    },
    attachments,
    followUpAttachments,
    today: calendarDateIn(new Date(), settings.fiscalCalendar.timeZone),
    isCommittee: hasAnyRole(user.roles, ["committee"]),
    // One token per follow-up form shown: the same form posted twice records one report.
    followUpToken: randomUUID(),
  });
}

type ActionResult = {
  intent: string;
  values: FollowUpFormValues | null;
  fieldErrors: FollowUpFieldErrors;
  uploadOwner: string | null;
  uploadError: MessageKey | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const innovationId = recordIdFromAddress(params.innovationId);
  const actor = { accountId: user.accountId, personId: user.personId, ipAddress: clientAddress(request) };
  const database = db();
  const form = await readUploadForm(request);
  const intent = String(form.fields.get("intent") ?? "");
  const here = `/innovations/${innovationId}`;
  const fail = (result: Partial<ActionResult>, status = 400) =>
    json<ActionResult>({ intent, values: null, fieldErrors: {}, uploadOwner: null, uploadError: null, ...result }, { status });

  if (intent === "upload") {
    const owner = uploadOwnerOf(form.fields);
    const belongs =
      owner !== null &&
      ((owner.ownerType === "innovation" && owner.ownerId === innovationId) ||
        (owner.ownerType === "follow_up" && (await getFollowUp(database, innovationId, owner.ownerId)) !== null));
    if (!owner || !belongs) throw new Response("Bad request", { status: 400 });
    const saved = await saveUploadedFile(database, actor, form, owner);
    if (!saved.ok) return fail({ uploadOwner: `${owner.ownerType}-${owner.ownerId}`, uploadError: saved.error });
    return redirect(`${here}?done=uploaded#${owner.ownerType === "follow_up" ? `follow-up-${owner.ownerId}` : "attachments"}`);
  }
  if (intent === "addFollowUp") {
    const values = followUpFormValues(form.fields);
    const submissionToken = readSubmissionToken(form.fields.get("submissionToken"));
    const result = await addFollowUp(database, actor, { innovationId, values, submissionToken });
    if (result === "notFound") throw notFound();
    if (!result.ok) return fail({ values, fieldErrors: result.fieldErrors });
    return redirect(`${here}?done=followUpAdded#follow-up-${result.followUpId}`);
  }
  if (intent === "removeFollowUp") {
    const followUpId = parseRecordId(String(form.fields.get("followUpId") ?? ""));
    const result = followUpId === null ? "notFound" : await removeFollowUp(database, actor, { innovationId, followUpId });
    if (result === "notFound") throw notFound();
    return redirect(`${here}?done=followUpRemoved#follow-ups`);
  }
  throw new Response("Unknown intent", { status: 400 });
}

const DONE_NOTICES: Record<string, MessageKey> = {
  delivered: "projects.innovation.delivered",
  deliveredFirst: "projects.innovation.deliveredFirst",
  saved: "projects.innovation.saved",
  uploaded: "projects.page.uploaded",
  removed: "projects.page.removed",
  followUpAdded: "projects.followUps.added",
  followUpRemoved: "projects.followUps.removed",
};

export default function InnovationPage() {
  const { innovation, attachments, followUpAttachments, today, isCommittee, followUpToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, locale, date, fiscalYear } = useI18n(projectsMessages);
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  const done = searchParams.get("done");
  const notice = done && !actionData ? DONE_NOTICES[done] : undefined;
  const here = `/innovations/${innovation.id}`;
  const uploadError = (owner: string) => (actionData?.intent === "upload" && actionData.uploadOwner === owner ? actionData.uploadError : null);
  const followUpErrors = actionData?.intent === "addFollowUp" ? actionData : null;
  const followUpError = (field: keyof FollowUpFieldErrors) => {
    const key = followUpErrors?.fieldErrors[field];
    return key ? t(key) : undefined;
  };
  const followUpValues = followUpErrors?.values ?? { reportedOn: today, observation: "", beneficiaries: "" };
  return (
    <>
      <p>
        <Link to={`/projects/${innovation.project.id}`}>← {name(innovation.project)}</Link>
      </p>
      <h1>{name(innovation)}</h1>
      <p className="idea-meta">
        <IpStatusBadge status={innovation.ipStatus} />
        <span>
          {t("projects.innovation.deliveredOn")} {date(innovation.deliveredOn)}
        </span>
        <span>{fiscalYear(innovation.fiscalYear)}</span>
      </p>
      {notice ? <FormNotice tone="ok">{t(notice)}</FormNotice> : null}
      <p className="actions">
        <Link to={`${here}/trail`} className="button">
          {t("projects.innovation.trail")}
        </Link>
        {isCommittee ? (
          <Link to={`${here}/edit`} className="button secondary">
            {t("projects.innovation.edit")}
          </Link>
        ) : null}
      </p>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("projects.page.details")}</h2>
        <dl>
          <dt>{t("projects.innovation.project")}</dt>
          <dd>
            <Link to={`/projects/${innovation.project.id}`}>{name(innovation.project)}</Link> <ProjectStatusBadge status={innovation.project.status} />
          </dd>
          <dt>{t("projects.innovation.description")}</dt>
          <dd className="prewrap">{innovation.description}</dd>
          <dt>{t("projects.innovation.beneficiaries")}</dt>
          <dd className="prewrap">{innovation.beneficiaries}</dd>
          <dt>{t("projects.innovation.deliveredOn")}</dt>
          <dd>{date(innovation.deliveredOn)}</dd>
          <dt>{t("projects.innovation.fiscalYear")}</dt>
          <dd>{fiscalYear(innovation.fiscalYear)}</dd>
          {innovation.byName ? (
            <>
              <dt>{t("projects.innovation.recordedBy")}</dt>
              <dd>{innovation.byName}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="ip-heading">
        <h2 id="ip-heading">{t("projects.innovation.ip")}</h2>
        <dl>
          <dt>{t("projects.field.ipStatus")}</dt>
          <dd>
            <IpStatusBadge status={innovation.ipStatus} />
          </dd>
          {innovation.ipNumber ? (
            <>
              <dt>{t("projects.innovation.ipNumber")}</dt>
              <dd>{innovation.ipNumber}</dd>
            </>
          ) : null}
          {innovation.ipFiledOn ? (
            <>
              <dt>{t("projects.innovation.ipFiledOn")}</dt>
              <dd>{date(innovation.ipFiledOn)}</dd>
            </>
          ) : null}
          {innovation.ipGrantedOn ? (
            <>
              <dt>{t("projects.innovation.ipGrantedOn")}</dt>
              <dd>{date(innovation.ipGrantedOn)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" id="attachments" aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t("projects.innovation.attachments")}</h2>
        <AttachmentList attachments={attachments} canRemove={isCommittee} redirectTo={`${here}?done=removed#attachments`} />
        {isCommittee ? <AttachmentUpload ownerType="innovation" ownerId={innovation.id} error={uploadError(`innovation-${innovation.id}`)} /> : null}
      </section>

      <section className="card" id="follow-ups" aria-labelledby="follow-ups-heading">
        <h2 id="follow-ups-heading">{t("projects.followUps.title")}</h2>
        {innovation.followUps.length === 0 ? <p className="muted">{t("projects.followUps.empty")}</p> : null}
        {innovation.followUps.map((followUp) => (
          <article key={followUp.id} id={`follow-up-${followUp.id}`} className="follow-up" aria-labelledby={`follow-up-${followUp.id}-heading`}>
            <h3 id={`follow-up-${followUp.id}-heading`}>{t("projects.followUps.heading", { date: date(followUp.reportedOn) })}</h3>
            <dl>
              <dt>{t("projects.followUps.observation")}</dt>
              <dd className="prewrap">{followUp.observation}</dd>
              {followUp.beneficiaries ? (
                <>
                  <dt>{t("projects.followUps.beneficiaries")}</dt>
                  <dd className="prewrap">{followUp.beneficiaries}</dd>
                </>
              ) : null}
            </dl>
            {followUp.byName ? <p className="muted">{t("projects.followUps.by", { name: followUp.byName })}</p> : null}
            <h4>{t("projects.followUps.attachments")}</h4>
            <AttachmentList
              attachments={followUpAttachments.filter((attachment) => attachment.ownerId === followUp.id)}
              canRemove={isCommittee}
              redirectTo={`${here}?done=removed#follow-up-${followUp.id}`}
            />
            {isCommittee ? (
              <>
                <AttachmentUpload ownerType="follow_up" ownerId={followUp.id} error={uploadError(`follow_up-${followUp.id}`)} />
                <Form method="post" className="no-print">
                  <input type="hidden" name="intent" value="removeFollowUp" />
                  <input type="hidden" name="followUpId" value={followUp.id} />
                  <button type="submit" className="link-button">
                    {t("projects.followUps.remove")}
                  </button>
                </Form>
              </>
            ) : null}
          </article>
        ))}
        {isCommittee ? (
          <div className="no-print">
            <h3>{t("projects.followUps.add")}</h3>
            {followUpErrors ? <FormNotice tone="error">{t("form.fixErrors")}</FormNotice> : null}
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="addFollowUp" />
              <input type="hidden" name="submissionToken" value={followUpToken} />
              <Field
                label={t("projects.field.reportedOn")}
                error={followUpError("reportedOn")}
                inputProps={{ id: "follow-up-reportedOn", name: "reportedOn", type: "date", defaultValue: followUpValues.reportedOn, required: true }}
              />
              <TextAreaField
                label={t("projects.field.observation")}
                error={followUpError("observation")}
                textareaProps={{ id: "follow-up-observation", name: "observation", defaultValue: followUpValues.observation, rows: 4, required: true }}
              />
              <TextAreaField
                label={t("projects.field.followUpBeneficiaries")}
                error={followUpError("beneficiaries")}
                textareaProps={{ id: "follow-up-beneficiaries", name: "beneficiaries", defaultValue: followUpValues.beneficiaries, rows: 2 }}
              />
              <div>
                <button type="submit">{t("projects.followUps.submit")}</button>
              </div>
            </Form>
          </div>
        ) : null}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
