import { coreRoutes } from "./core";
import { dashboardRoutes } from "./dashboard";
import { reportsRoutes } from "./reports";
import { pipelineRoutes } from "./pipeline";
import { projectsRoutes } from "./projects";
import { trainingRoutes } from "./training";
import type { RouteAccess } from "./types";

export type { Access, RouteAccess, SampleIds } from "./types";

/**
 * Who may call what, one file per area so areas can be added side by side. Every route
 * module must have exactly one entry (route-access.test.ts checks both directions).
 */
export const ROUTE_ACCESS: Record<string, RouteAccess> = { ...coreRoutes, ...trainingRoutes, ...pipelineRoutes, ...projectsRoutes, ...dashboardRoutes, ...reportsRoutes };
