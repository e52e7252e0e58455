import type { AccountStatus } from "../domain/account-status";
import { adminMessages } from "../i18n/catalogue/admin";
import { useI18n } from "../i18n/use-i18n";

const TONE: Record<AccountStatus, string> = { active: "badge", disabled: "badge badge--danger", left: "badge badge--warn" };

/** An account's status as sign-in sees it: active, disabled by an administrator, or left (employment ended). */
export function AccountStatusLabel({ status }: { status: AccountStatus }) {
  const { t } = useI18n(adminMessages);
  return <span className={TONE[status]}>{t(`accounts.${status}`)}</span>;
}
