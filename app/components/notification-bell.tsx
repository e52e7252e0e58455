import { engagementMessages } from "../i18n/catalogue/engagement";
import { useI18n } from "../i18n/use-i18n";

/** The bell in the header: a link to /notifications, its name saying how many are unread. */
export function NotificationBell({ unreadCount }: { unreadCount: number }) {
  const { t, number } = useI18n(engagementMessages);
  const label =
    unreadCount > 0 ? t("engagement.bell.labelUnread", { count: number(unreadCount) }) : t("engagement.bell.label");
  return (
    // A plain link, routed in the browser by the body (delegated-routing.ts): it is on every page.
    <a href="/notifications" className="notification-bell" aria-label={label} data-discover="true">
      {/* An inline icon: an emoji needs a colour-emoji font the office PCs may not have. */}
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z" />
      </svg>
      {unreadCount > 0 ? (
        <span className="badge badge--warn" aria-hidden="true">
          {number(unreadCount)}
        </span>
      ) : null}
    </a>
  );
}
