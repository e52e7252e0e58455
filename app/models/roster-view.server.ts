import type { RosterTableRow } from "../components/roster-table";
import type { RosterRow } from "./people.server";

/** Roster rows as the table shows them, in the order given (the database's Thai name order). */
export function toRosterTableRows(rows: RosterRow[]): RosterTableRow[] {
  return rows.map((row) => ({
    personId: row.personId,
    employeeCode: row.employeeCode,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    positionTh: row.positionTh,
    categoryNameTh: row.categoryNameTh,
    categoryNameEn: row.categoryNameEn,
    divisionNameTh: row.divisionNameTh,
    divisionNameEn: row.divisionNameEn,
    employmentStart: row.employmentStart,
    employmentEnd: row.employmentEnd,
  }));
}
