import type { RouteAccess } from "./types";

// Who may call each route of the committee pipeline: board, moves, scores, notes.
export const pipelineRoutes: Record<string, RouteAccess> = {
  "committee._index": { loader: ["committee"], action: ["committee"] },
  "committee.list": { loader: ["committee"] },
  "committee.ideas.$ideaId": { loader: ["committee"], action: ["committee"], params: ({ someIdeaId }) => ({ ideaId: someIdeaId }) },
  "admin.criteria": { loader: ["admin"], action: ["admin"] },
};
