import type { RouteAccess } from "./types";

// Who may call each route of the foundation and of ideas.
export const coreRoutes: Record<string, RouteAccess> = {
  $: { loader: "public" },
  _index: { loader: "signed-in" },
  login: { loader: "anonymous", action: "public" },
  logout: { loader: "public", action: "public" },
  lang: { loader: "public", action: "public" },
  "plan._index": { loader: "signed-in" },
  "account._index": { loader: "signed-in" },
  "account.password": { loader: "signed-in", action: "signed-in" },
  "account.data": { loader: "signed-in" },
  "account.data_.export": { loader: "signed-in" },
  "admin.accounts._index": { loader: ["admin"], action: ["admin"] },
  "admin.accounts.$accountId": { loader: ["admin"], action: ["admin"], params: ({ someAccountId }) => ({ accountId: someAccountId }) },
  "admin.audit": { loader: ["admin"] },
  "admin.plan": { loader: ["admin"], action: ["admin"] },
  "admin.settings": { loader: ["admin"], action: ["admin"] },
  roster: { loader: ["hr"] },
  division: { loader: ["director"] },
  "ideas._index": { loader: "signed-in" },
  "ideas.new": { loader: "signed-in", action: "signed-in" },
  "ideas.mine": { loader: "signed-in" },
  "ideas.similar": { loader: "signed-in" },
  "ideas.$ideaId._index": { loader: "signed-in", params: ({ someIdeaId }) => ({ ideaId: someIdeaId }) },
  // Signed in, and then only the idea's authors (checked against the idea: 403 for others).
  "ideas.$ideaId.edit": { loader: "signed-in", action: "signed-in", params: ({ someIdeaId }) => ({ ideaId: someIdeaId }) },
  "ideas.$ideaId.vote": { loader: "signed-in", action: "signed-in", params: ({ someIdeaId }) => ({ ideaId: someIdeaId }) },
  "ideas.$ideaId.follow": { loader: "signed-in", action: "signed-in", params: ({ someIdeaId }) => ({ ideaId: someIdeaId }) },
  "ideas.$ideaId.comments": { loader: "signed-in", action: "signed-in", params: ({ someIdeaId }) => ({ ideaId: someIdeaId }) },
  // Signed in, and then only the comment's author (403 for anyone else).
  "comments.$commentId": { loader: "signed-in", action: "signed-in", params: () => ({ commentId: "1" }) },
  notifications: { loader: "signed-in", action: "signed-in" },
  // Signed in, and then only the notification's recipient (404 for anyone else's).
  "notifications_.$notificationId.open": { loader: "signed-in", params: () => ({ notificationId: "1" }) },
};

