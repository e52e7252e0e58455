import type { RouteAccess } from "./types";

// Who may call each route of the committee pipeline: board, moves, scores, notes.
export const pipelineRoutes: Record<string, RouteAccess> = {};
