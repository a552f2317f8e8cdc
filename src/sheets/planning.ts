import { plannedMonthlyMql } from '../core/plan/planningSheet.ts';
import { PLANNING_SHEET } from '../core/read/leadColumns.ts';
import { readableSheet } from './ownedSheets.ts';

/**
 * The Planning sheet's monthly MQL targets, when the sheet has computed them (one read): ours,
 * else a Planning sheet made before sheets were marked (reading it changes nothing).
 */
export function readPlannedMonthlyMql(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): number[] | null {
  const planning = readableSheet(ss, PLANNING_SHEET);
  return planning ? plannedMonthlyMql(planning.getDataRange().getValues()) : null;
}
