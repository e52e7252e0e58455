/**
 * A target as typed into a form: empty means "no target"; Thai users may type a comma as
 * thousands separator or a trailing "%". Anything else that is not a number in range is refused.
 */
export const TARGET_MAX = 1_000_000;

export function parseTargetInput(raw: string): { ok: true; value: number | null } | { ok: false } {
  const cleaned = raw.trim().replace(/,/g, "").replace(/%$/, "").trim();
  if (cleaned === "") return { ok: true, value: null };
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return { ok: false };
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value < 0 || value > TARGET_MAX) return { ok: false };
  return { ok: true, value };
}
