import { PLANNING_SHEET } from '../core/leadColumns.ts';
import { plannedMonthlyMql } from '../core/planningSheet.ts';

/** The Planning sheet's monthly MQL targets, when the sheet has computed them (one read). */
export function readPlannedMonthlyMql(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): number[] | null {
  const planning = ss.getSheetByName(PLANNING_SHEET);
  return planning ? plannedMonthlyMql(planning.getDataRange().getValues()) : null;
}
