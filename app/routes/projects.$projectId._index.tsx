import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { randomUUID } from "node:crypto";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole, requireUser } from "../auth/current-user.server";
import { AttachmentList } from "../components/attachment-list";
import { AttachmentUpload } from "../components/attachment-upload";
import { RouteErrorBoundary } from "../components/error-boundary";
import { Field, FormNotice, StaleSaveNotice } from "../components/forms";
import { IpStatusBadge } from "../components/innovation-fields";
import { ProjectProgress, ProjectStatusBadge } from "../components/project-fields";
import { StageBadge } from "../components/stage-badge";
import { calendarDateIn } from "../domain/calendar-date";
import { parseRecordId } from "../domain/record-id";
import { readRecordVersion } from "../domain/record-version";
import { personDisplayName } from "../domain/person-name";
import { readSubmissionToken } from "../domain/submission-token";
import { hasAnyRole } from "../domain/roles";
import type { MessageKey } from "../i18n/messages.server";
import { sortByThaiName } from "../i18n/format";
import { projectsMessages } from "../i18n/catalogue/projects";
import { useI18n } from "../i18n/use-i18n";
import { listAttachments } from "../models/attachments.server";
import { getMilestone, getProjectDetail } from "../models/projects.server";
import { getAppSettings } from "../models/settings.server";
import { readUploadForm, saveUploadedFile, uploadOwnerOf } from "../services/attachments.server";
import {
  addMilestone,
  editMilestone,
  milestoneFormValues,
  removeMilestone,
  setMilestoneDone,
  type MilestoneFieldErrors,
  type MilestoneValues,
} from "../services/projects.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle, nameIn } from "../i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, [projectsMessages], data ? { text: nameIn(matches, data.project) } : "projects.col.project");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const database = db();
  const project = await getProjectDetail(database, recordIdFromAddress(params.projectId));
  if (!project) throw notFound();
  const [attachments, settings] = await Promise.all([listAttachments(database, "project", [project.id]), getAppSettings(database)]);
  return json({
    project: { ...project, members: sortByThaiName(project.members, (member) => member.nameTh) },
    attachments,
    today: calendarDateIn(new Date(), settings.fiscalCalendar.timeZone),
    isCommittee: hasAnyRole(user.roles, ["committee"]),
    // One token per add-milestone form shown: the same form posted twice adds one milestone.
    milestoneToken: randomUUID(),
  });
}

type ActionResult = {
  intent: string;
  milestoneId: number | null;
  values: MilestoneValues | null;
  fieldErrors: MilestoneFieldErrors;
  uploadError: MessageKey | null;
  /** The version the milestone's edit form carries next: the one posted, or after a conflict the one saved now. */
  version: number | null;
  /** Someone changed the milestone since its edit form was shown: what is saved now (nothing was written). */
  conflict: MilestoneValues | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const projectId = recordIdFromAddress(params.projectId);
  const actor = { accountId: user.accountId, personId: user.personId, ipAddress: clientAddress(request) };
  const database = db();
  const form = await readUploadForm(request);
  const intent = String(form.fields.get("intent") ?? "");
  const milestoneId = parseRecordId(String(form.fields.get("milestoneId") ?? ""));
  const fail = (result: Partial<ActionResult>, status = 400) =>
    json<ActionResult>({ intent, milestoneId, values: null, fieldErrors: {}, uploadError: null, version: null, conflict: null, ...result }, { status });

  if (intent === "upload") {
    const owner = uploadOwnerOf(form.fields);
    if (!owner || owner.ownerType !== "project" || owner.ownerId !== projectId) throw new Response("Bad request", { status: 400 });
    const saved = await saveUploadedFile(database, actor, form, owner);
    if (!saved.ok) return fail({ uploadError: saved.error });
    return redirect(`/projects/${projectId}?done=uploaded#attachments`);
  }

  let result;
  if (intent === "addMilestone" || intent === "editMilestone") {
    const values = milestoneFormValues(form.fields);
    const version = readRecordVersion(form.fields.get("version"));
    result =
      intent === "addMilestone"
        ? await addMilestone(database, actor, projectId, values, new Date(), readSubmissionToken(form.fields.get("submissionToken")))
        : milestoneId === null
          ? "notFound"
          : await editMilestone(database, actor, { projectId, milestoneId, values, version });
    if (result === "conflict" && milestoneId !== null) {
      // Nothing written: the person keeps what they typed, sees what is saved now, and may save again.
      const current = await getMilestone(database, projectId, milestoneId);
      if (!current) throw notFound();
      const conflict = { title: current.title, dueDate: current.dueDate ?? "", doneOn: current.doneOn ?? "" };
      return fail({ values, version: current.version, conflict }, 409);
    }
    if (result !== "notFound" && result !== "conflict" && !result.ok) return fail({ values, version, fieldErrors: result.fieldErrors });
  } else if (intent === "milestoneDone" || intent === "milestoneReopen") {
    result = milestoneId === null ? "notFound" : await setMilestoneDone(database, actor, { projectId, milestoneId, done: intent === "milestoneDone" });
  } else if (intent === "removeMilestone") {
    result = milestoneId === null ? "notFound" : await removeMilestone(database, actor, { projectId, milestoneId });
  } else {
    throw new Response("Unknown intent", { status: 400 });
  }
  if (result === "notFound") throw notFound();
  return redirect(`/projects/${projectId}?done=milestone#milestones`);
}

const DONE_NOTICES: Record<string, MessageKey> = {
  created: "projects.page.created",
  saved: "projects.page.saved",
  milestone: "projects.page.milestoneSaved",
  uploaded: "projects.page.uploaded",
  removed: "projects.page.removed",
};

export default function ProjectPage() {
  const { project, attachments, today, isCommittee, milestoneToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, locale, date, number, money, fiscalYear } = useI18n(projectsMessages);
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  const done = searchParams.get("done");
  const notice = done && !actionData ? DONE_NOTICES[done] : undefined;
  const doneCount = project.milestones.filter((milestone) => milestone.doneOn !== null).length;
  const here = `/projects/${project.id}`;
  const milestoneErrors = (id: number | null) =>
    actionData && (actionData.intent === "addMilestone" || actionData.intent === "editMilestone") && actionData.milestoneId === id ? actionData : null;
  const addErrors = actionData?.intent === "addMilestone" ? actionData : null;
  return (
    <>
      <p className="no-print">
        <Link to="/projects">← {t("projects.back")}</Link>
      </p>
      <h1>{name(project)}</h1>
      <p className="idea-meta">
        <ProjectStatusBadge status={project.status} />
        {project.code ? <span>{t("projects.page.code", { code: project.code })}</span> : null}
        {project.plan ? (
          <span>
            {project.plan.code} {name(project.plan)}
          </span>
        ) : null}
      </p>
      {notice ? <FormNotice tone="ok">{t(notice)}</FormNotice> : null}
      {isCommittee ? (
        <p className="actions no-print">
          <Link to={`${here}/edit`} className="button secondary">
            {t("projects.page.edit")}
          </Link>
          {project.status !== "cancelled" ? (
            <Link to={`${here}/innovations/new`} className="button">
              {t("projects.page.deliver")}
            </Link>
          ) : null}
        </p>
      ) : null}

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t("projects.page.details")}</h2>
        <dl>
          <dt>{t("projects.page.plan")}</dt>
          <dd>{project.plan ? `${project.plan.code} ${name(project.plan)}` : t("projects.noPlan")}</dd>
          <dt>{t("projects.page.owner")}</dt>
          <dd>{project.owner ? personDisplayName(project.owner, locale) : t("projects.nobody")}</dd>
          <dt>{t("projects.page.team")}</dt>
          <dd>
            {project.members.length === 0 ? (
              t("projects.page.noTeam")
            ) : (
              <ul>
                {project.members.map((member) => (
                  <li key={member.personId}>{personDisplayName(member, locale)}</li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t("projects.page.budget")}</dt>
          <dd>{project.budget === null ? t("projects.notSet") : t("projects.baht", { amount: money(project.budget) })}</dd>
          <dt>{t("projects.page.period")}</dt>
          <dd>
            {project.startDate && project.endDate
              ? t("projects.page.periodValue", { start: date(project.startDate), end: date(project.endDate) })
              : t("projects.notSet")}
          </dd>
          <dt>{t("projects.page.fiscalYear")}</dt>
          <dd>{project.fiscalYear ? fiscalYear(project.fiscalYear) : t("projects.list.notStarted")}</dd>
          <dt>{t("projects.page.progress")}</dt>
          <dd>
            <ProjectProgress value={project.progress} label={t("projects.page.progress")} />
          </dd>
          {project.descriptionTh ? (
            <>
              <dt>{t("projects.page.description")}</dt>
              <dd className="prewrap">{project.descriptionTh}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" id="milestones" aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t("projects.milestones.title")}</h2>
        {project.milestones.length === 0 ? (
          <p className="muted">{t("projects.milestones.empty")}</p>
        ) : (
          <>
            <p>{t("projects.milestones.summary", { done: number(doneCount), total: number(project.milestones.length) })}</p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("projects.milestones.col.title")}</th>
                    <th scope="col">{t("projects.milestones.col.due")}</th>
                    <th scope="col">{t("projects.milestones.col.done")}</th>
                    {isCommittee ? (
                      <th scope="col" className="no-print">
                        {t("projects.milestones.col.actions")}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {project.milestones.map((milestone) => {
                    const errors = milestoneErrors(milestone.id);
                    const overdue = milestone.doneOn === null && milestone.dueDate !== null && milestone.dueDate < today;
                    return (
                      <tr key={milestone.id}>
                        <th scope="row">{milestone.title}</th>
                        <td>
                          {milestone.dueDate ? date(milestone.dueDate, "medium") : "–"}{" "}
                          {overdue ? <span className="badge badge--warn">{t("projects.milestones.overdue")}</span> : null}
                        </td>
                        <td>{milestone.doneOn ? date(milestone.doneOn, "medium") : <span className="muted">{t("projects.milestones.notDone")}</span>}</td>
                        {isCommittee ? (
                          <td className="no-print">
                            <div className="actions">
                              <Form method="post" className="inline-form">
                                <input type="hidden" name="milestoneId" value={milestone.id} />
                                <input type="hidden" name="intent" value={milestone.doneOn ? "milestoneReopen" : "milestoneDone"} />
                                <button
                                  type="submit"
                                  className="secondary"
                                  aria-label={t(milestone.doneOn ? "projects.milestones.reopenLabel" : "projects.milestones.markDoneLabel", { title: milestone.title })}
                                >
                                  {t(milestone.doneOn ? "projects.milestones.reopen" : "projects.milestones.markDone")}
                                </button>
                              </Form>
                              <Form method="post" className="inline-form">
                                <input type="hidden" name="milestoneId" value={milestone.id} />
                                <input type="hidden" name="intent" value="removeMilestone" />
                                <button type="submit" className="link-button" aria-label={t("projects.milestones.removeLabel", { title: milestone.title })}>
                                  {t("projects.milestones.remove")}
                                </button>
                              </Form>
                            </div>
                            <details className="milestone-edit" open={errors !== null}>
                              <summary aria-label={t("projects.milestones.editLabel", { title: milestone.title })}>{t("projects.milestones.edit")}</summary>
                              <MilestoneForm
                                idPrefix={`milestone-${milestone.id}`}
                                intent="editMilestone"
                                milestoneId={milestone.id}
                                version={errors ? (errors.version ?? "") : milestone.version}
                                conflict={errors?.conflict ?? null}
                                values={errors?.values ?? { title: milestone.title, dueDate: milestone.dueDate ?? "", doneOn: milestone.doneOn ?? "" }}
                                fieldErrors={errors?.fieldErrors ?? {}}
                                submitLabel={t("projects.milestones.save")}
                              />
                            </details>
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
        {isCommittee ? (
          <div className="no-print">
            <h3>{t("projects.milestones.add")}</h3>
            <MilestoneForm
              idPrefix="milestone-new"
              intent="addMilestone"
              submissionToken={milestoneToken}
              values={addErrors?.values ?? { title: "", dueDate: "", doneOn: "" }}
              fieldErrors={addErrors?.fieldErrors ?? {}}
              submitLabel={t("projects.milestones.add")}
            />
          </div>
        ) : null}
      </section>

      <section className="card" aria-labelledby="ideas-heading">
        <h2 id="ideas-heading">{t("projects.page.ideas")}</h2>
        {project.ideas.length === 0 ? (
          <p className="muted">{t("projects.page.noIdeas")}</p>
        ) : (
          <ul className="plain-list">
            {project.ideas.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideas/${idea.id}`}>{idea.title}</Link> <StageBadge stage={idea.stage} />{" "}
                <span className="muted">{date(idea.submittedAt, "medium")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="innovations-heading">
        <h2 id="innovations-heading">{t("projects.page.innovations")}</h2>
        {project.innovations.length === 0 ? (
          <p className="muted">{t("projects.page.noInnovations")}</p>
        ) : (
          <ul className="plain-list">
            {project.innovations.map((innovation) => (
              <li key={innovation.id}>
                <Link to={`/innovations/${innovation.id}`}>{name(innovation)}</Link> <IpStatusBadge status={innovation.ipStatus} />{" "}
                <span className="muted">{date(innovation.deliveredOn, "medium")}</span> ·{" "}
                <Link to={`/innovations/${innovation.id}/trail`}>{t("projects.page.trail")}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" id="attachments" aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t("projects.page.attachments")}</h2>
        <AttachmentList attachments={attachments} canRemove={isCommittee} redirectTo={`${here}?done=removed#attachments`} />
        {isCommittee ? <AttachmentUpload ownerType="project" ownerId={project.id} error={actionData?.intent === "upload" ? actionData.uploadError : null} /> : null}
      </section>
    </>
  );
}

function MilestoneForm({
  idPrefix,
  intent,
  milestoneId,
  version,
  conflict,
  submissionToken,
  values,
  fieldErrors,
  submitLabel,
}: {
  idPrefix: string;
  intent: "addMilestone" | "editMilestone";
  milestoneId?: number;
  /** The edit form's version of the milestone ("" when the post carried none). */
  version?: number | string;
  conflict?: MilestoneValues | null;
  submissionToken?: string;
  values: MilestoneValues;
  fieldErrors: MilestoneFieldErrors;
  submitLabel: string;
}) {
  const { t } = useI18n(projectsMessages);
  const error = (field: keyof MilestoneFieldErrors) => (fieldErrors[field] ? t(fieldErrors[field]) : undefined);
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value={intent} />
      {milestoneId ? <input type="hidden" name="milestoneId" value={milestoneId} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {conflict ? <MilestoneConflictNotice typed={values} saved={conflict} /> : null}
      {submissionToken ? <input type="hidden" name="submissionToken" value={submissionToken} /> : null}
      <Field
        label={t("projects.milestones.field.title")}
        error={error("title")}
        inputProps={{ id: `${idPrefix}-title`, name: "title", type: "text", defaultValue: values.title, required: true, maxLength: 400 }}
      />
      <div className="field-row">
        <Field
          label={t("projects.milestones.field.dueDate")}
          error={error("dueDate")}
          inputProps={{ id: `${idPrefix}-dueDate`, name: "dueDate", type: "date", defaultValue: values.dueDate }}
        />
        <Field
          label={t("projects.milestones.field.doneOn")}
          error={error("doneOn")}
          inputProps={{ id: `${idPrefix}-doneOn`, name: "doneOn", type: "date", defaultValue: values.doneOn }}
        />
      </div>
      <div>
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}

const MILESTONE_FIELDS = ["title", "dueDate", "doneOn"] as const;

/** The milestone changed since its edit form was shown: say so, and list what is saved now where it differs from what was typed. */
function MilestoneConflictNotice({ typed, saved }: { typed: MilestoneValues; saved: MilestoneValues }) {
  const { t, date } = useI18n(projectsMessages);
  const shown = (field: (typeof MILESTONE_FIELDS)[number], values: MilestoneValues) => values[field].trim();
  const savedText = (field: (typeof MILESTONE_FIELDS)[number]) => {
    const value = shown(field, saved);
    return value === "" || field === "title" ? value : date(value, "medium");
  };
  const changes = MILESTONE_FIELDS.filter((field) => shown(field, typed) !== shown(field, saved)).map((field) => ({
    field,
    label: t(`projects.milestones.field.${field}`),
    saved: savedText(field),
  }));
  return <StaleSaveNotice message={t("projects.milestones.conflict")} savedIntro={t("projects.edit.conflictSaved")} changes={changes} />;
}

export const ErrorBoundary = RouteErrorBoundary;
