import { requireRole, type CurrentUser } from "../auth/current-user.server";
import { hasAnyRole } from "../domain/roles";
import { parseRecordId } from "../domain/record-id";

export type DashboardScope =
  | { kind: "organisation"; user: CurrentUser }
  /** A director who is not also an executive or HR sees their own division only. */
  | { kind: "division"; user: CurrentUser; divisionId: number; divisionNameTh: string; divisionNameEn: string }
  | { kind: "noDivision"; user: CurrentUser };

/** Who may see the indicators, and how much: decided on the server for every request. */
export async function requireDashboardScope(request: Request): Promise<DashboardScope> {
  const user = await requireRole(request, "executive", "hr", "director");
  if (hasAnyRole(user.roles, ["executive", "hr"])) return { kind: "organisation", user };
  if (user.divisionId === null) return { kind: "noDivision", user };
  return {
    kind: "division",
    user,
    divisionId: user.divisionId,
    divisionNameTh: user.divisionNameTh ?? "",
    divisionNameEn: user.divisionNameEn ?? "",
  };
}

/** The fiscal year asked for, if it is one of the plan's years; otherwise the running one. */
export function chosenFiscalYear(param: string | null, planYears: number[], runningYear: number): number {
  const asked = parseRecordId(param);
  if (asked !== null && planYears.includes(asked)) return asked;
  return planYears.includes(runningYear) ? runningYear : planYears[planYears.length - 1];
}
