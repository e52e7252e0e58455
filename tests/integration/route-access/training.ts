import type { RouteAccess } from "./types";

// Who may call each route of the staff roster and training (issue 4).
export const trainingRoutes: Record<string, RouteAccess> = {};
