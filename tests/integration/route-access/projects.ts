import type { RouteAccess } from "./types";

// Who may call each route of projects, innovations, follow-ups and evidence.
export const projectsRoutes: Record<string, RouteAccess> = {};
