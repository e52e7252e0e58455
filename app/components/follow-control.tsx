import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { engagementMessages } from "../i18n/catalogue/engagement";
import { useI18n } from "../i18n/use-i18n";

/**
 * Follow an idea (a toggle, aria-pressed): with JavaScript through a fetcher, shown at once;
 * without, a plain form post that comes back to this page.
 */
export function FollowControl({ ideaId, following }: { ideaId: number; following: boolean }) {
  const fetcher = useFetcher();
  const location = useLocation();
  const hydrated = useHydrated();
  const { t } = useI18n(engagementMessages);
  const pendingIntent = fetcher.formData?.get("intent");
  const shownFollowing = pendingIntent === "follow" ? true : pendingIntent === "unfollow" ? false : following;
  return (
    <fetcher.Form method="post" action={`/ideas/${ideaId}/follow`} className="follow-control">
      <input type="hidden" name="intent" value={shownFollowing ? "unfollow" : "follow"} />
      {hydrated ? null : <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />}
      <button type="submit" className={shownFollowing ? undefined : "secondary"} aria-pressed={shownFollowing}>
        {shownFollowing ? <span aria-hidden="true">✓ </span> : null}
        {t("engagement.follow.label")}
      </button>
      <span className="field__hint"> {t(shownFollowing ? "engagement.follow.on" : "engagement.follow.off")}</span>
    </fetcher.Form>
  );
}

/** False on the server and in a browser without JavaScript; true once React has hydrated. */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
