import type { MessageKey, Translate } from "../i18n/messages.server";

/**
 * An audit-log action ("roster.person_viewed") as the reader's words: `t` must know the
 * audit-actions catalogue. An action without a label (one added since) shows as its code.
 */
export function auditActionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}` as MessageKey;
  const label = t(key);
  return label === key ? action : label;
}
