import { isOurPlanningNote, plannedMonthlyMql, planningNote } from '../core/plan/planningSheet.ts';
import { PLANNING_SHEET } from '../core/read/leadColumns.ts';
import { findOurSheet, readableSheet } from './ownedSheets.ts';

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

/**
 * Says on our Planning (A2) whether its plan is the sample's or the team's, after a save. One
 * read and at most one write; a user's text in A2 is left alone.
 */
export function refreshPlanningNote(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  agreed: boolean,
): void {
  const planning = findOurSheet(ss, PLANNING_SHEET);
  if (!planning) return;
  const cell = planning.getRange(2, 1);
  const note = planningNote(agreed);
  const current = cell.getValue();
  if (current !== note && isOurPlanningNote(current)) cell.setValue(note);
}
