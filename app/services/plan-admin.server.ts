import type { Database } from "../../db/client.server";
import { readSubmissionToken } from "../domain/submission-token";
import { parseTargetInput, type TargetProblem } from "../domain/target-input";
import type { MessageKey } from "../i18n/messages.server";
import { recordAudit } from "../models/audit.server";
import {
  CodeTakenError,
  closedFiscalYears,
  createPlan,
  createProject,
  createStrategy,
  listIndicatorsWithTargets,
  lockIndicators,
  renamePlanItem,
  saveIndicatorTargets,
  setIndicatorCountMode,
  type PlanItemKind,
} from "../models/plan.server";

type Actor = { accountId: string; ipAddress: string };

const TARGET_PROBLEMS: Record<TargetProblem, MessageKey> = {
  badNumber: "planAdmin.badNumber",
  percentOver100: "planAdmin.percentOver100",
  countNotWhole: "planAdmin.countNotWhole",
};
export type PlanAdminResult = { ok: true } | { ok: false; fieldErrors: Record<string, MessageKey> };

/**
 * Save the targets grid: fields `target-<indicatorId>-<fiscalYear>` and `countMode-<indicatorId>`.
 * All-or-nothing: one bad value saves nothing, and every bad field gets its message. A closed
 * year's target is not changed (PRODUCT.md §6: past figures never move): a field of a closed year
 * that differs from the saved target is refused; one that repeats it is no change.
 *
 * Each field may come with `shown-<field>`: the value the grid showed in it. A field still at its
 * shown value was not touched and is not written (another admin may have saved it since: their
 * value stays). A field changed from a shown value that is no longer the saved one is refused
 * ("planAdmin.changedMeanwhile"), so a grid shown before someone else's save cannot undo it.
 */
export async function saveTargetsForm(
  db: Database,
  actor: Actor,
  formData: FormData,
  fiscalYears: number[],
): Promise<PlanAdminResult> {
  return db.transaction(async (tx) => {
    await lockIndicators(tx);
    const [indicators, closedYears] = await Promise.all([listIndicatorsWithTargets(tx), closedFiscalYears(tx, { lock: true })]);
    const fieldErrors: Record<string, MessageKey> = {};
    const targets: { indicatorId: number; fiscalYear: number; targetValue: number | null }[] = [];
    const countModes: { indicatorId: number; countMode: "per_year" | "cumulative" }[] = [];
    for (const indicator of indicators) {
      for (const fiscalYear of fiscalYears) {
        const field = `target-${indicator.id}-${fiscalYear}`;
        const raw = formData.get(field);
        if (typeof raw !== "string") continue;
        const parsed = parseTargetInput(raw.slice(0, 32), indicator.unit);
        const shownRaw = formData.get(`shown-${field}`);
        const shown = typeof shownRaw === "string" ? parseTargetInput(shownRaw.slice(0, 32), indicator.unit) : null;
        const saved = indicator.targets[fiscalYear] ?? null;
        if (parsed.ok && shown?.ok && parsed.value === shown.value) continue;
        if (!parsed.ok) fieldErrors[field] = TARGET_PROBLEMS[parsed.problem];
        else if (shown?.ok && shown.value !== saved && parsed.value !== saved) fieldErrors[field] = "planAdmin.changedMeanwhile";
        else if (closedYears.has(fiscalYear) && parsed.value !== (indicator.targets[fiscalYear] ?? null)) fieldErrors[field] = "planAdmin.yearClosed";
        else targets.push({ indicatorId: indicator.id, fiscalYear, targetValue: parsed.value });
      }
      const mode = formData.get(`countMode-${indicator.id}`);
      // Left as the grid showed it: not touched, not written (another admin's change stays).
      if (mode === formData.get(`shown-countMode-${indicator.id}`)) continue;
      if (indicator.unit === "count" && (mode === "per_year" || mode === "cumulative") && mode !== indicator.countMode) {
        countModes.push({ indicatorId: indicator.id, countMode: mode });
      }
    }
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
    const changes = await saveIndicatorTargets(tx, targets);
    for (const change of changes) {
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: "plan.target_changed",
        entityType: "indicator_target",
        entityId: `${indicators.find((i) => i.id === change.indicatorId)?.code}:${change.fiscalYear}`,
        details: { before: change.before, after: change.after },
        ipAddress: actor.ipAddress,
      });
    }
    for (const { indicatorId, countMode } of countModes) {
      await setIndicatorCountMode(tx, indicatorId, countMode);
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: "plan.count_mode_changed",
        entityType: "indicator",
        entityId: indicators.find((i) => i.id === indicatorId)?.code,
        details: { after: countMode },
        ipAddress: actor.ipAddress,
      });
    }
    return { ok: true };
  });
}

function requiredText(formData: FormData, name: string, max = 300): string {
  return String(formData.get(name) ?? "").trim().slice(0, max);
}

/**
 * Add a strategy, plan or project (intent addStrategy / addPlan / addProject). A project's form
 * carries a submission token (a project counts in the plan's indicators and its code is optional):
 * the same form posted twice adds one. A strategy or plan needs a code, unique: posted twice, the
 * second is refused as a code taken, so no duplicate is made either.
 */
export async function addPlanItemForm(db: Database, actor: Actor, kind: PlanItemKind, formData: FormData): Promise<PlanAdminResult> {
  const code = requiredText(formData, "code", 20);
  const nameTh = requiredText(formData, "nameTh");
  const nameEn = requiredText(formData, "nameEn");
  const parentId = Number(formData.get("parentId"));
  const fieldErrors: Record<string, MessageKey> = {};
  if (!code && kind !== "project") fieldErrors.code = "form.required";
  if (!nameTh) fieldErrors.nameTh = "form.required";
  if (kind !== "strategy" && !(Number.isInteger(parentId) && parentId > 0)) fieldErrors.parentId = "form.required";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  try {
    await db.transaction(async (tx) => {
      const created =
        kind === "strategy"
          ? { status: "created", id: await createStrategy(tx, { code, nameTh, nameEn }) }
          : kind === "plan"
            ? { status: "created", id: await createPlan(tx, { strategyId: parentId, code, nameTh, nameEn }) }
            : await createProject(tx, { planId: parentId, code: code || null, nameTh, nameEn, submissionToken: readSubmissionToken(formData.get("submissionToken")) });
      // The same form posted again: the first post made the project (and its audit entry).
      if (created.status === "duplicate") return;
      const { id } = created;
      await recordAudit(tx, {
        actorAccountId: actor.accountId,
        action: `plan.${kind}_created`,
        entityType: kind,
        entityId: id,
        details: { code, nameTh, nameEn },
        ipAddress: actor.ipAddress,
      });
    });
  } catch (error) {
    if (error instanceof CodeTakenError) return { ok: false, fieldErrors: { code: "planAdmin.codeTaken" } };
    throw error;
  }
  return { ok: true };
}

export async function renamePlanItemForm(db: Database, actor: Actor, formData: FormData): Promise<PlanAdminResult | "notFound"> {
  const kind = formData.get("kind");
  const id = Number(formData.get("id"));
  const nameTh = requiredText(formData, "nameTh");
  const nameEn = requiredText(formData, "nameEn");
  if ((kind !== "strategy" && kind !== "plan" && kind !== "project") || !Number.isInteger(id)) return "notFound";
  if (!nameTh) return { ok: false, fieldErrors: { nameTh: "form.required" } };
  const renamed = await db.transaction(async (tx) => {
    const before = await renamePlanItem(tx, kind, id, { nameTh, nameEn });
    if (!before) return false;
    await recordAudit(tx, {
      actorAccountId: actor.accountId,
      action: `plan.${kind}_renamed`,
      entityType: kind,
      entityId: id,
      details: { before, after: { nameTh, nameEn } },
      ipAddress: actor.ipAddress,
    });
    return true;
  });
  return renamed ? { ok: true } : "notFound";
}
