/**
 * The settings-version cell (see core/settings/versionCell.ts): `SLA Settings`!B1, named
 * SLA_SETTINGS_VERSION, on a hidden sheet of ours. A named range of that name the add-in did
 * not make is the user's: it is never moved or written.
 */
import {
  CHECKED_AT_LABEL,
  CHECKED_AT_NAME,
  nextSettingsVersion,
  SETTINGS_VERSION_NAME,
  SETTINGS_VERSION_SHEET,
  settingsVersionRows,
} from '../core/settings/versionCell.ts';
import { besideNoticeOnce, isOurSheet, ourSheet } from './ownedSheets.ts';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The cell, or why it cannot be used; `message` is also set once when written beside a user's sheet. */
type VersionCell = { cell: Range | null; message: string | null };

/** Our version cell, created (with its sheet and name) when missing. */
function versionCell(ss: Spreadsheet): VersionCell {
  const named = ss.getRangeByName(SETTINGS_VERSION_NAME);
  if (named) {
    return isOurSheet(named.getSheet(), SETTINGS_VERSION_SHEET)
      ? { cell: named, message: null }
      : {
          cell: null,
          message: `The named range ${SETTINGS_VERSION_NAME} was not made by SLA Sheets: it is left as it is, so formulas passing it do not follow settings saves. Rename it to let the add-in make its own.`,
        };
  }
  const owned = ourSheet(ss, SETTINGS_VERSION_SHEET);
  const sheet = owned.sheet;
  if (owned.created) {
    sheet.getRange(1, 1, 2, 2).setValues(settingsVersionRows(1));
    sheet.getRange('A1').setFontWeight('bold');
    sheet.hideSheet();
  }
  const cell = sheet.getRange('B1');
  ss.setNamedRange(SETTINGS_VERSION_NAME, cell);
  return { cell, message: besideNoticeOnce(owned) };
}

/**
 * After a check: its time in our `SLA_CHECKED_AT` cell (B3 of the same sheet), for SLA_SCORE's
 * `as_of`. A named range of that name the add-in did not make is left alone.
 */
export function stampCheckTime(ss: Spreadsheet, at: Date): void {
  const named = ss.getRangeByName(CHECKED_AT_NAME);
  if (named) {
    if (isOurSheet(named.getSheet(), SETTINGS_VERSION_SHEET)) named.setValue(at);
    return;
  }
  const { cell } = versionCell(ss);
  if (!cell) return;
  const sheet = cell.getSheet();
  sheet.getRange(3, 1, 1, 2).setValues([[CHECKED_AT_LABEL, at]]);
  sheet.getRange('B3').setNumberFormat('yyyy-mm-dd hh:mm');
  ss.setNamedRange(CHECKED_AT_NAME, sheet.getRange('B3'));
}

/** Makes sure the cell exists (setup): formulas may name it from the start. */
export function ensureSettingsVersion(ss: Spreadsheet): string | null {
  return versionCell(ss).message;
}

/**
 * After a settings save: a new number in the cell, so that every formula passing it is
 * recalculated. Returns a message when it could not (the sidebar says so).
 */
export function bumpSettingsVersion(ss: Spreadsheet): string | null {
  const { cell, message } = versionCell(ss);
  cell?.setValue(nextSettingsVersion(cell.getValue()));
  return message;
}
