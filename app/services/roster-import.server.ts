import { createHash } from "node:crypto";
import type { Database } from "../../db/client.server";
import {
  canonicalPlanText,
  rowView,
  validateRosterCsv,
  planRosterImport,
  type FieldChange,
  type FileError,
  type RosterImportRow,
  type RosterPlan,
  type RowError,
} from "../domain/roster-import";
import { applyRosterWriteOps, insertAuditEntries, loadExistingPeople, loadRosterCodes, lockRosterImports } from "../models/roster.server";

export type Actor = { accountId: string; ipAddress: string };

/** How many additions and changes a preview lists in full (the counts are always complete). */
export const PREVIEW_LIST_LIMIT = 200;

export type RosterPreview = {
  additions: RosterImportRow[];
  changes: { row: number; employeeCode: string; nameTh: string; fields: FieldChange[] }[];
  addedCount: number;
  changedCount: number;
  unchangedCount: number;
  rowCount: number;
  fingerprint: string;
};

export type RosterImportResult =
  | { status: "invalid"; fileErrors: FileError[]; rowErrors: RowError[] }
  | { status: "preview"; preview: RosterPreview }
  /** The roster changed between the preview and the commit: nothing written, look again. */
  | { status: "stale"; preview: RosterPreview }
  | { status: "committed"; added: number; changed: number; unchanged: number };

/** Covers what the preview showed (each change's before and after) and what the commit writes. */
function fingerprintOf(plan: RosterPlan): string {
  const shown = { ops: plan.ops, changes: plan.changes.map((change) => ({ code: change.row.employeeCode, fields: change.fields })), unchanged: plan.unchanged };
  return createHash("sha256").update(canonicalPlanText(shown)).digest("hex");
}

function previewOf(plan: RosterPlan, rowCount: number): RosterPreview {
  return {
    additions: plan.additions.slice(0, PREVIEW_LIST_LIMIT),
    changes: plan.changes.slice(0, PREVIEW_LIST_LIMIT).map((change) => ({
      row: change.row.row,
      employeeCode: change.row.employeeCode,
      nameTh: `${change.row.prefixTh}${change.row.firstNameTh} ${change.row.lastNameTh}`,
      fields: change.fields,
    })),
    addedCount: plan.additions.length,
    changedCount: plan.changes.length,
    unchangedCount: plan.unchanged,
    rowCount,
    fingerprint: fingerprintOf(plan),
  };
}

type Planned = { status: "invalid"; fileErrors: FileError[]; rowErrors: RowError[] } | { status: "planned"; plan: RosterPlan; rowCount: number };

async function planImport(db: Database, text: string, today: string): Promise<Planned & { codes?: Awaited<ReturnType<typeof loadRosterCodes>> }> {
  const codes = await loadRosterCodes(db);
  const validation = validateRosterCsv(text, {
    divisionCodes: new Set(codes.divisionIdByCode.keys()),
    categoryCodes: new Set(codes.categoryIdByCode.keys()),
  });
  if (!validation.ok) return { status: "invalid", fileErrors: validation.fileErrors, rowErrors: validation.rowErrors };
  const existing = await loadExistingPeople(db, validation.rows.map((row) => row.employeeCode));
  const plan = planRosterImport(validation.rows, existing, today, validation.columns);
  if (plan.rowErrors.length > 0) return { status: "invalid", fileErrors: [], rowErrors: plan.rowErrors };
  return { status: "planned", plan, rowCount: validation.rows.length, codes };
}

/** Check a file and say what importing it would do. Writes nothing. */
export async function previewRosterImport(db: Database, text: string, today: string): Promise<RosterImportResult> {
  const planned = await planImport(db, text, today);
  if (planned.status === "invalid") return planned;
  return { status: "preview", preview: previewOf(planned.plan, planned.rowCount) };
}

/**
 * Import a file all or nothing, in one transaction: imports run one at a time (an advisory
 * lock), the plan is computed again and must be the one the preview showed (same fingerprint),
 * then written in batches with an audit entry per person and one for the import.
 */
export async function commitRosterImport(
  db: Database,
  actor: Actor,
  params: { text: string; fingerprint: string; today: string; fileName?: string },
): Promise<RosterImportResult> {
  try {
    return await writeImport(db, actor, params);
  } catch (error) {
    // A person with one of the file's codes was added (on the form) while this import ran:
    // nothing was written; show the preview as it is now.
    if (!isUniqueViolation(error)) throw error;
    const again = await previewRosterImport(db, params.text, params.today);
    return again.status === "preview" ? { status: "stale", preview: again.preview } : again;
  }
}

function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

async function writeImport(db: Database, actor: Actor, params: { text: string; fingerprint: string; today: string; fileName?: string }): Promise<RosterImportResult> {
  return db.transaction(async (tx) => {
    await lockRosterImports(tx);
    const planned = await planImport(tx, params.text, params.today);
    if (planned.status === "invalid") return planned;
    const { plan, rowCount, codes } = planned;
    const preview = previewOf(plan, rowCount);
    if (preview.fingerprint !== params.fingerprint) return { status: "stale" as const, preview };
    if (plan.additions.length === 0 && plan.changes.length === 0) {
      return { status: "committed" as const, added: 0, changed: 0, unchanged: plan.unchanged };
    }
    const newIds = await applyRosterWriteOps(tx, plan.ops, codes!);
    const base = { actorAccountId: actor.accountId, entityType: "person", ipAddress: actor.ipAddress };
    await insertAuditEntries(tx, [
      {
        ...base,
        action: "roster.imported",
        entityType: "roster",
        entityId: null,
        details: { fileName: params.fileName ?? null, rows: rowCount, added: plan.additions.length, changed: plan.changes.length, unchanged: plan.unchanged },
      },
      ...plan.additions.map((row) => ({
        ...base,
        action: "roster.person_created",
        entityId: String(newIds.get(row.employeeCode)),
        details: { source: "import", employeeCode: row.employeeCode, after: rowView(row) },
      })),
      ...plan.changes.map((change) => ({
        ...base,
        action: "roster.person_updated",
        entityId: String(change.personId),
        details: {
          source: "import",
          employeeCode: change.row.employeeCode,
          before: Object.fromEntries(change.fields.map((field) => [field.column, field.before])),
          after: Object.fromEntries(change.fields.map((field) => [field.column, field.after])),
        },
      })),
    ]);
    return { status: "committed" as const, added: plan.additions.length, changed: plan.changes.length, unchanged: plan.unchanged };
  });
}
