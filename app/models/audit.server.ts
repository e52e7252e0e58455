import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import { accounts, auditLog } from "../../db/schema";

export type AuditEntry = {
  actorAccountId: string | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
  ipAddress?: string | null;
};

/** Append one entry to the audit log; pass the transaction so the entry commits with the change. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorAccountId: entry.actorAccountId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    details: entry.details ?? {},
    ipAddress: entry.ipAddress ?? null,
  });
}

export type AuditRow = {
  id: number;
  at: Date;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
  ipAddress: string | null;
};

/** Newest first, keyset-paginated by (at, id) so a page costs the same at any depth. */
export async function listAuditEntries(
  db: Database,
  options: { before?: { at: Date; id: number }; action?: string; limit?: number },
): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (options.action) conditions.push(eq(auditLog.action, options.action));
  if (options.before) {
    conditions.push(
      or(
        lt(auditLog.at, options.before.at),
        and(eq(auditLog.at, options.before.at), lt(auditLog.id, options.before.id)),
      ) as SQL,
    );
  }
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUsername: accounts.username,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      details: auditLog.details,
      ipAddress: auditLog.ipAddress,
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorAccountId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.limit ?? 50);
}

export async function listAuditActions(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((row) => row.action);
}
