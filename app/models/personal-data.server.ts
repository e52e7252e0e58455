import { and, desc, eq, or } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import {
  accounts,
  auditLog,
  ideaAuthors,
  ideaComments,
  ideaFollowers,
  ideas,
  ideaVotes,
  notifications,
  projectMembers,
  projects,
} from "../../db/schema";

/*
 * What the app holds about one person beyond their roster record (which roster.server's
 * getPersonDetail reads) and their training (training-figures): for the person's own
 * "my data" page and its download (PDPA: a person can see and export what is held about them).
 * Everything is read by the person's id, so one person's data never carries another's.
 */

export type PersonalActivity = {
  ideas: { ideaId: number; title: string; stage: string; fiscalYear: number; submittedAt: Date; submitter: boolean }[];
  votes: { ideaId: number; title: string; votedAt: Date }[];
  comments: { commentId: number; ideaId: number; ideaTitle: string; body: string; createdAt: Date; updatedAt: Date | null }[];
  following: { ideaId: number; title: string }[];
  projects: { projectId: number; nameTh: string; owner: boolean; member: boolean }[];
  notifications: { kind: string; ideaId: number | null; createdAt: Date; readAt: Date | null }[];
};

export async function listPersonalActivity(db: Database, personId: number): Promise<PersonalActivity> {
  const [ideaRows, votes, comments, following, projectRows, notificationRows] = await Promise.all([
    db
      .select({ ideaId: ideas.id, title: ideas.title, stage: ideas.stage, fiscalYear: ideas.fiscalYear, submittedAt: ideas.submittedAt, submitter: ideaAuthors.isSubmitter })
      .from(ideaAuthors)
      .innerJoin(ideas, eq(ideas.id, ideaAuthors.ideaId))
      .where(eq(ideaAuthors.personId, personId))
      .orderBy(desc(ideas.submittedAt), desc(ideas.id)),
    db
      .select({ ideaId: ideas.id, title: ideas.title, votedAt: ideaVotes.createdAt })
      .from(ideaVotes)
      .innerJoin(ideas, eq(ideas.id, ideaVotes.ideaId))
      .where(eq(ideaVotes.personId, personId))
      .orderBy(desc(ideaVotes.createdAt), desc(ideas.id)),
    db
      .select({ commentId: ideaComments.id, ideaId: ideas.id, ideaTitle: ideas.title, body: ideaComments.body, createdAt: ideaComments.createdAt, updatedAt: ideaComments.updatedAt })
      .from(ideaComments)
      .innerJoin(ideas, eq(ideas.id, ideaComments.ideaId))
      .where(eq(ideaComments.authorPersonId, personId))
      .orderBy(desc(ideaComments.createdAt), desc(ideaComments.id)),
    db
      .select({ ideaId: ideas.id, title: ideas.title })
      .from(ideaFollowers)
      .innerJoin(ideas, eq(ideas.id, ideaFollowers.ideaId))
      .where(eq(ideaFollowers.personId, personId))
      .orderBy(desc(ideas.id)),
    db
      .selectDistinct({ projectId: projects.id, nameTh: projects.nameTh, ownerPersonId: projects.ownerPersonId, memberPersonId: projectMembers.personId })
      .from(projects)
      .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.personId, personId)))
      .where(or(eq(projects.ownerPersonId, personId), eq(projectMembers.personId, personId)))
      .orderBy(desc(projects.id)),
    db
      .select({ kind: notifications.kind, ideaId: notifications.ideaId, createdAt: notifications.createdAt, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.recipientPersonId, personId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id)),
  ]);
  return {
    ideas: ideaRows,
    votes,
    comments,
    following,
    projects: projectRows.map((row) => ({ projectId: row.projectId, nameTh: row.nameTh, owner: row.ownerPersonId === personId, member: row.memberPersonId === personId })),
    notifications: notificationRows,
  };
}

/** The person's account as stored, without its password hash. */
export async function getAccountRecord(db: Database, personId: number) {
  const [account] = await db
    .select({
      accountId: accounts.id,
      username: accounts.username,
      locale: accounts.locale,
      mustChangePassword: accounts.mustChangePassword,
      disabledAt: accounts.disabledAt,
      createdAt: accounts.createdAt,
      passwordChangedAt: accounts.passwordChangedAt,
    })
    .from(accounts)
    .where(eq(accounts.personId, personId));
  return account ?? null;
}

/**
 * Who read or changed this person's roster record or account, from the audit log: the entries
 * about the person (entity "person", by person id) or their account (entity "account", by
 * username, sign-ins included), newest first.
 */
export async function listRecordAccess(db: Database, personId: number, username: string, limit: number) {
  const about = [and(eq(auditLog.entityType, "person"), eq(auditLog.entityId, String(personId))), and(eq(auditLog.entityType, "account"), eq(auditLog.entityId, username))];
  return db
    .select({ at: auditLog.at, action: auditLog.action, actorUsername: accounts.username })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .where(or(...about))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

