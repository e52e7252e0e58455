import type { RouteAccess } from "./types";

// Following the plan (issue 6):
// - the action plan and the LPA scores are read by everyone signed in; the committee and
//   administrators edit the action plan, administrators the LPA scores;
// - the participation rule and closing years: administrators;
// - the quarterly report and the yearly roll-up (and their CSV and charts): executives, the
//   committee and administrators read; the committee and executives write the report's texts;
// - the dashboard's exports follow the dashboard: the per-person CSV has the drill-down's scope
//   (a director gets their division), the indicator history is organisation-wide (executives, HR).
export const reportsRoutes: Record<string, RouteAccess> = {
  "plan.actions": { loader: "signed-in", action: ["admin", "committee"] },
  "plan.lpa": { loader: "signed-in", action: ["admin"] },
  "admin.participation": { loader: ["admin"], action: ["admin"] },
  "reports.quarterly": { loader: ["executive", "committee", "admin"], action: ["committee", "executive"] },
  "reports.quarterly.csv": { loader: ["executive", "committee", "admin"] },
  "reports.yearly": { loader: ["executive", "committee", "admin"] },
  "reports.charts.$chart": { loader: ["executive", "committee", "admin"], params: () => ({ chart: "lg1" }) },
  "dashboard.people.csv": { loader: ["executive", "hr", "director"] },
  "dashboard.history.csv": { loader: ["executive", "hr"] },
};
