import type { Settings } from '../core/settings.ts';

/** Minimal agreement until the full generator lands: the definitions, as text. */
export function writeAgreementSheet(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  settings: Settings,
): void {
  const d = settings.definitions;
  const rows = [
    ['SLA Agreement', ''],
    ['Contact', d.contact],
    ['Lead', d.lead],
    ['MQL', d.mql],
    ['SQL', d.sql],
    ['Opportunity', d.opportunity],
    ['Customer', d.customer],
  ];
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
}
