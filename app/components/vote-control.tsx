import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import type { MessageKey } from "../i18n/messages.server";
import { engagementMessages } from "../i18n/catalogue/engagement";
import { useI18n } from "../i18n/use-i18n";
import type { action as voteAction } from "../routes/ideas.$ideaId.vote";

/**
 * The vote button of an idea: a toggle (aria-pressed) named with its count, "โหวต (12)".
 * With JavaScript it posts through a fetcher and shows the new count at once; without, it is a
 * plain form post that comes back to this page. Disabled, with the reason beside it, when the
 * viewer may not vote (own idea, closed idea).
 */
export function VoteControl({
  ideaId,
  voteCount,
  viewerHasVoted,
  canVote,
  reasonKey,
}: {
  ideaId: number;
  voteCount: number;
  viewerHasVoted: boolean;
  canVote: boolean;
  reasonKey?: MessageKey;
}) {
  const fetcher = useFetcher<typeof voteAction>();
  const location = useLocation();
  const hydrated = useHydrated();
  const { t, number } = useI18n(engagementMessages);
  const reasonId = useId();

  // Optimistic: while the vote is on its way (and the page reloads its data), show its effect.
  let voted = viewerHasVoted;
  let count = voteCount;
  const pendingIntent = fetcher.formData?.get("intent");
  if (pendingIntent === "vote" && !viewerHasVoted) {
    voted = true;
    count += 1;
  } else if (pendingIntent === "unvote" && viewerHasVoted) {
    voted = false;
    count = Math.max(0, count - 1);
  }
  // The server said no (the idea closed, or became one's own, meanwhile): say why.
  const refusal = fetcher.state === "idle" && fetcher.data && "result" in fetcher.data ? refusalKey(fetcher.data.result) : null;
  const shownReason = !canVote ? (reasonKey ?? "engagement.vote.notAllowed") : refusal;

  return (
    <fetcher.Form method="post" action={`/ideas/${ideaId}/vote`} className="vote-control">
      <input type="hidden" name="intent" value={voted ? "unvote" : "vote"} />
      {/* Without JavaScript the action redirects back here; with it, it answers the fetcher. */}
      {hydrated ? null : <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />}
      <button
        type="submit"
        className={voted ? undefined : "secondary"}
        aria-pressed={voted}
        disabled={!canVote}
        aria-describedby={shownReason ? reasonId : undefined}
      >
        {voted ? <span aria-hidden="true">✓ </span> : null}
        {t("engagement.vote.label", { count: number(count) })}
      </button>
      {shownReason ? (
        <span className="field__hint" id={reasonId} role={refusal ? "status" : undefined}>
          {" "}
          {t(shownReason)}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function refusalKey(result: string): MessageKey | null {
  if (result === "own") return "engagement.vote.reason.own";
  if (result === "closed") return "engagement.vote.reason.closed";
  return null;
}

/** False on the server and in a browser without JavaScript; true once React has hydrated. */
function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
