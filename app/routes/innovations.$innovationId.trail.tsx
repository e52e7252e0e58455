import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { db } from "../../db/runtime.server";
import { clientAddress, requireRole, requireUser } from "../auth/current-user.server";
import { AttachmentList, type AttachmentItem } from "../components/attachment-list";
import { AttachmentUpload } from "../components/attachment-upload";
import { RouteErrorBoundary } from "../components/error-boundary";
import { FormNotice } from "../components/forms";
import { IpStatusBadge } from "../components/innovation-fields";
import { ProjectStatusBadge } from "../components/project-fields";
import { StageBadge } from "../components/stage-badge";
import { calendarDateIn } from "../domain/calendar-date";
import { personDisplayName, recordedByName } from "../domain/person-name";
import { hasAnyRole } from "../domain/roles";
import type { AttachmentOwner } from "../../db/schema";
import type { MessageKey } from "../i18n/messages.server";
import { projectsMessages } from "../i18n/catalogue/projects";
import { projectsTrailMessages } from "../i18n/catalogue/projects-trail";
import { resolveLocale } from "../i18n/locale.server";
import { useI18n } from "../i18n/use-i18n";
import { ideasAuthoredBy, listAttachments, type AttachmentMeta } from "../models/attachments.server";
import { getInnovationDetail, trailIdeasOfProject, type TrailEvent } from "../models/innovations.server";
import { getProjectDetail } from "../models/projects.server";
import { getAppSettings } from "../models/settings.server";
import { readUploadForm, saveUploadedFile, STAGE_EVIDENCE_ROLES, uploadOwnerOf } from "../services/attachments.server";
import { notFound, recordIdFromAddress } from "../http-errors";
import { pageTitle, nameIn } from "../i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, [projectsTrailMessages], "projects.trail.title", { text: data ? nameIn(matches, data.innovation) : "" });

/** Everything the five steps show, and the records a file may be attached to on this page. */
async function loadTrail(innovationId: number) {
  const database = db();
  const innovation = await getInnovationDetail(database, innovationId);
  if (!innovation) throw notFound();
  const [project, ideas] = await Promise.all([getProjectDetail(database, innovation.project.id), trailIdeasOfProject(database, innovation.project.id)]);
  if (!project) throw notFound();
  const eventIds = ideas.flatMap((idea) => [idea.screening?.id, idea.presentation?.id]).filter((id): id is number => id !== undefined);
  const owners: Record<AttachmentOwner, number[]> = {
    idea: ideas.map((idea) => idea.id),
    stage_event: [...new Set(eventIds)],
    project: [project.id],
    innovation: [innovation.id],
    follow_up: innovation.followUps.map((followUp) => followUp.id),
  };
  return { innovation, project, ideas, owners };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const database = db();
  const { innovation, project, ideas, owners } = await loadTrail(recordIdFromAddress(params.innovationId));
  const locale = resolveLocale(request, user.locale);
  // Who decided, moved or reported, in the reader's language (PRODUCT.md §5).
  const withByName = <T extends { byNameTh: string | null; byNameEn: string | null }>({ byNameTh, byNameEn, ...record }: T) => ({
    ...record,
    byName: recordedByName({ byNameTh, byNameEn }, locale),
  });
  const eventWithByName = (event: TrailEvent | null) => (event ? withByName(event) : null);
  const [ideaFiles, eventFiles, projectFiles, innovationFiles, followUpFiles, authored, settings] = await Promise.all([
    listAttachments(database, "idea", owners.idea),
    listAttachments(database, "stage_event", owners.stage_event),
    listAttachments(database, "project", owners.project),
    listAttachments(database, "innovation", owners.innovation),
    listAttachments(database, "follow_up", owners.follow_up),
    ideasAuthoredBy(database, owners.idea, user.personId),
    getAppSettings(database),
  ]);
  // The evidence of a committee decision is for the committee, executives and the idea's authors.
  const seesAllDecisions = hasAnyRole(user.roles, STAGE_EVIDENCE_ROLES);
  const eventFilesOf = (ideaId: number, event: TrailEvent | null) => {
    const files = event ? eventFiles.filter((file) => file.ownerId === event.id) : [];
    const visible = seesAllDecisions || authored.has(ideaId);
    return { files: visible ? files : [], hidden: visible ? 0 : files.length };
  };
  return json({
    innovation: { ...withByName(innovation), followUps: innovation.followUps.map(withByName) },
    project,
    ideas: ideas.map((idea) => ({
      ...idea,
      submitted: eventWithByName(idea.submitted),
      screening: eventWithByName(idea.screening),
      presentation: eventWithByName(idea.presentation),
      files: ideaFiles.filter((file) => file.ownerId === idea.id),
      screeningFiles: eventFilesOf(idea.id, idea.screening),
      presentationFiles: eventFilesOf(idea.id, idea.presentation),
    })),
    projectFiles,
    innovationFiles,
    followUpFiles,
    today: calendarDateIn(new Date(), settings.fiscalCalendar.timeZone),
    organisation: settings.organisation,
    isCommittee: hasAnyRole(user.roles, ["committee"]),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "committee");
  const innovationId = recordIdFromAddress(params.innovationId);
  const form = await readUploadForm(request);
  if (form.fields.get("intent") !== "upload") throw new Response("Unknown intent", { status: 400 });
  const { owners } = await loadTrail(innovationId);
  const owner = uploadOwnerOf(form.fields);
  // Only the records this trail shows may receive a file here.
  if (!owner || !owners[owner.ownerType].includes(owner.ownerId)) throw new Response("Bad request", { status: 400 });
  const saved = await saveUploadedFile(db(), { accountId: user.accountId, ipAddress: clientAddress(request) }, form, owner);
  if (!saved.ok) return json({ uploadOwner: `${owner.ownerType}-${owner.ownerId}`, uploadError: saved.error as MessageKey }, { status: 400 });
  return redirect(`/innovations/${innovationId}/trail?done=uploaded#${owner.ownerType}-${owner.ownerId}`);
}

function PrintButton() {
  const { t } = useI18n(projectsMessages, projectsTrailMessages);
  // Printing needs JavaScript; without it the browser's own print menu does the same.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return null;
  return (
    <button type="button" className="secondary" onClick={() => window.print()}>
      {t("projects.trail.print")}
    </button>
  );
}

export default function EvidenceTrailPage() {
  const { innovation, project, ideas, projectFiles, innovationFiles, followUpFiles, today, organisation, isCommittee } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, locale, date, number, money, fiscalYear } = useI18n(projectsMessages, projectsTrailMessages);
  const name = (item: { nameTh: string; nameEn: string }) => (locale === "en" && item.nameEn) || item.nameTh;
  const personName = (person: { nameTh: string; nameEn: string | null }) => personDisplayName(person, locale);
  const here = `/innovations/${innovation.id}/trail`;
  const uploadError = (ownerType: AttachmentOwner, ownerId: number) =>
    actionData && actionData.uploadOwner === `${ownerType}-${ownerId}` ? actionData.uploadError : null;

  /** The files of one record, and (for the committee) a form to add one. */
  const evidence = (ownerType: AttachmentOwner, ownerId: number, files: AttachmentItem[] | AttachmentMeta[], hidden = 0, legend?: string) => (
    <div className="trail-evidence" id={`${ownerType}-${ownerId}`}>
      <h4>{legend ?? t("projects.trail.attachments")}</h4>
      {hidden > 0 ? (
        <p className="muted">{t("projects.attachment.restricted", { count: number(hidden) })}</p>
      ) : (
        <AttachmentList attachments={files as AttachmentItem[]} canRemove={isCommittee} redirectTo={`${here}?done=removed#${ownerType}-${ownerId}`} />
      )}
      {isCommittee ? <AttachmentUpload ownerType={ownerType} ownerId={ownerId} error={uploadError(ownerType, ownerId)} collapsed /> : null}
    </div>
  );

  const decision = (event: (Omit<TrailEvent, "at" | "byNameTh" | "byNameEn"> & { at: string | Date; byName: string | null }) | null) =>
    event ? (
      <dl className="trail-record">
        <dt>{t("projects.trail.result")}</dt>
        <dd>
          <StageBadge stage={event.toStage} />
        </dd>
        <dt>{t("projects.trail.decidedOn")}</dt>
        <dd>{date(event.at)}</dd>
        <dt>{t("projects.trail.decidedBy")}</dt>
        <dd>{event.byName ?? "–"}</dd>
        {event.meetingNumber ? (
          <>
            <dt>{t("projects.trail.meeting")}</dt>
            <dd>{t("projects.trail.meetingValue", { number: event.meetingNumber.replace(/^ครั้งที่\s*/, ""), date: event.meetingDate ? date(event.meetingDate) : "–" })}</dd>
          </>
        ) : null}
        {event.resolutionText ? (
          <>
            <dt>{t("projects.trail.resolution")}</dt>
            <dd className="prewrap">{event.resolutionText}</dd>
          </>
        ) : null}
        {event.reason ? (
          <>
            <dt>{t("projects.trail.reason")}</dt>
            <dd className="prewrap">{event.reason}</dd>
          </>
        ) : null}
      </dl>
    ) : (
      <p className="muted">{t("projects.trail.noEvent")}</p>
    );

  const noIdea = <p className="muted">{t("projects.trail.noIdea")}</p>;
  const doneMilestones = project.milestones.filter((milestone) => milestone.doneOn !== null).length;
  const steps: { number: number; title: MessageKey; complete: boolean; body: ReactNode }[] = [
    {
      number: 1,
      title: "projects.trail.step1",
      complete: ideas.length > 0,
      body:
        ideas.length === 0
          ? noIdea
          : ideas.map((idea) => (
              <div key={idea.id} className="trail-idea">
                <h3>
                  {t("projects.trail.idea")}: <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                </h3>
                <dl className="trail-record">
                  <dt>{t("projects.trail.submittedOn")}</dt>
                  <dd>
                    {date(idea.submittedAt)} ({fiscalYear(idea.fiscalYear)})
                  </dd>
                  <dt>{t("projects.trail.authors")}</dt>
                  <dd>{idea.authors.map(personName).join(", ")}</dd>
                  <dt>{t("projects.col.status")}</dt>
                  <dd>
                    <StageBadge stage={idea.stage} />
                  </dd>
                </dl>
                {evidence("idea", idea.id, idea.files)}
              </div>
            )),
    },
    {
      number: 2,
      title: "projects.trail.step2",
      complete: ideas.length > 0 && ideas.every((idea) => idea.screening !== null),
      body:
        ideas.length === 0
          ? noIdea
          : ideas.map((idea) => (
              <div key={idea.id} className="trail-idea">
                <h3>
                  {t("projects.trail.idea")}: {idea.title}
                </h3>
                {decision(idea.screening)}
                {idea.screening ? evidence("stage_event", idea.screening.id, idea.screeningFiles.files, idea.screeningFiles.hidden) : null}
              </div>
            )),
    },
    {
      number: 3,
      title: "projects.trail.step3",
      complete: ideas.length > 0 && ideas.every((idea) => idea.presentation !== null),
      body:
        ideas.length === 0
          ? noIdea
          : ideas.map((idea) => (
              <div key={idea.id} className="trail-idea">
                <h3>
                  {t("projects.trail.idea")}: {idea.title}
                </h3>
                {decision(idea.presentation)}
                {idea.presentation ? evidence("stage_event", idea.presentation.id, idea.presentationFiles.files, idea.presentationFiles.hidden) : null}
              </div>
            )),
    },
    {
      number: 4,
      title: "projects.trail.step4",
      complete: true,
      body: (
        <>
          <h3>
            {t("projects.trail.projectRecord")}: <Link to={`/projects/${project.id}`}>{name(project)}</Link>
          </h3>
          <dl className="trail-record">
            <dt>{t("projects.page.plan")}</dt>
            <dd>{project.plan ? `${project.plan.code} ${name(project.plan)}` : t("projects.noPlan")}</dd>
            <dt>{t("projects.page.owner")}</dt>
            <dd>{project.owner ? personName(project.owner) : t("projects.nobody")}</dd>
            <dt>{t("projects.page.team")}</dt>
            <dd>{project.members.length > 0 ? project.members.map(personName).join(", ") : t("projects.page.noTeam")}</dd>
            <dt>{t("projects.page.period")}</dt>
            <dd>
              {project.startDate && project.endDate
                ? t("projects.page.periodValue", { start: date(project.startDate), end: date(project.endDate) })
                : t("projects.notSet")}
            </dd>
            <dt>{t("projects.page.budget")}</dt>
            <dd>{project.budget === null ? t("projects.notSet") : t("projects.baht", { amount: money(project.budget) })}</dd>
            <dt>{t("projects.col.status")}</dt>
            <dd>
              <ProjectStatusBadge status={project.status} /> {t("projects.percent", { value: project.progress })}
            </dd>
            <dt>{t("projects.trail.milestonesDone")}</dt>
            <dd>{t("projects.milestones.summary", { done: number(doneMilestones), total: number(project.milestones.length) })}</dd>
          </dl>
          {evidence("project", project.id, projectFiles)}
          <h3>
            {t("projects.trail.innovationRecord")}: {name(innovation)}
          </h3>
          <dl className="trail-record">
            <dt>{t("projects.innovation.deliveredOn")}</dt>
            <dd>
              {date(innovation.deliveredOn)} ({fiscalYear(innovation.fiscalYear)})
            </dd>
            <dt>{t("projects.innovation.beneficiaries")}</dt>
            <dd className="prewrap">{innovation.beneficiaries}</dd>
            <dt>{t("projects.innovation.ip")}</dt>
            <dd>
              <IpStatusBadge status={innovation.ipStatus} />
              {innovation.ipNumber ? ` ${t("projects.innovation.ipNumber")} ${innovation.ipNumber}` : ""}
              {innovation.ipFiledOn ? ` · ${t("projects.innovation.ipFiledOn")} ${date(innovation.ipFiledOn)}` : ""}
              {innovation.ipGrantedOn ? ` · ${t("projects.innovation.ipGrantedOn")} ${date(innovation.ipGrantedOn)}` : ""}
            </dd>
            <dt>{t("projects.innovation.description")}</dt>
            <dd className="prewrap">{innovation.description}</dd>
          </dl>
          {evidence("innovation", innovation.id, innovationFiles)}
        </>
      ),
    },
    {
      number: 5,
      title: "projects.trail.step5",
      complete: innovation.followUps.length > 0,
      body:
        innovation.followUps.length === 0 ? (
          <p className="muted">{t("projects.trail.noFollowUps")}</p>
        ) : (
          innovation.followUps.map((followUp) => (
            <div key={followUp.id} className="trail-idea">
              <h3>{t("projects.followUps.heading", { date: date(followUp.reportedOn) })}</h3>
              <dl className="trail-record">
                <dt>{t("projects.followUps.observation")}</dt>
                <dd className="prewrap">{followUp.observation}</dd>
                {followUp.beneficiaries ? (
                  <>
                    <dt>{t("projects.followUps.beneficiaries")}</dt>
                    <dd className="prewrap">{followUp.beneficiaries}</dd>
                  </>
                ) : null}
                <dt>{t("projects.trail.decidedBy")}</dt>
                <dd>{followUp.byName ?? "–"}</dd>
              </dl>
              {evidence(
                "follow_up",
                followUp.id,
                followUpFiles.filter((file) => file.ownerId === followUp.id),
              )}
            </div>
          ))
        ),
    },
  ];

  const done = searchParams.get("done");
  return (
    <div className="trail-page">
      <p className="no-print">
        <Link to={`/innovations/${innovation.id}`}>← {t("projects.trail.back")}</Link>
      </p>
      <header className="trail-header">
        {organisation.nameTh ? <p className="trail-organisation">{locale === "en" && organisation.nameEn ? organisation.nameEn : organisation.nameTh}</p> : null}
        <h1>{t("projects.trail.title")}</h1>
        <p className="trail-subtitle">{t("projects.trail.subtitle", { name: name(innovation) })}</p>
        <p className="muted">{t("projects.trail.printedOn", { date: date(today) })}</p>
      </header>
      <p className="muted no-print">{t("projects.trail.intro")}</p>
      <p className="no-print">
        <PrintButton />
      </p>
      {done === "uploaded" && !actionData ? <FormNotice tone="ok">{t("projects.page.uploaded")}</FormNotice> : null}
      {done === "removed" && !actionData ? <FormNotice tone="ok">{t("projects.page.removed")}</FormNotice> : null}
      {actionData ? <FormNotice tone="error">{t(actionData.uploadError)}</FormNotice> : null}
      <ol className="trail">
        {steps.map((step) => (
          <li key={step.number} className="trail-step" id={`step-${step.number}`}>
            <section aria-labelledby={`step-${step.number}-heading`}>
              <h2 id={`step-${step.number}-heading`}>
                <span className="trail-step__number">{t("projects.trail.step", { number: step.number })}</span> {t(step.title)}{" "}
                <span className={`trail-status trail-status--${step.complete ? "complete" : "missing"}`}>
                  {t(step.complete ? "projects.trail.complete" : "projects.trail.missing")}
                </span>
              </h2>
              {step.body}
            </section>
          </li>
        ))}
      </ol>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
