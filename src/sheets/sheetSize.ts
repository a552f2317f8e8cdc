type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Grows the sheet so that `columns` columns exist (a new sheet has 26, like Sheets). */
export function ensureColumns(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (columns > max) sheet.insertColumnsAfter(max, columns - max);
}

/** Grows the sheet so that `rows` rows exist (a new sheet has 1,000). */
export function ensureRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
}
