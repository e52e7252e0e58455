import type { RouteAccess } from "./types";

// Who may see the plan's indicators: executives and HR (everyone), directors (their division).
export const dashboardRoutes: Record<string, RouteAccess> = {
  "dashboard._index": { loader: ["executive", "hr", "director"] },
  "dashboard.people": { loader: ["executive", "hr", "director"] },
  "dashboard.charts.$chart": { loader: ["executive", "hr", "director"], params: () => ({ chart: "divisions" }) },
};
