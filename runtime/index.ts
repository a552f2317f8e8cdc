/**
 * The runtime's one public entry: the Apps Script emulator (appsScript/) and the offline files
 * (files/). Tests and scripts import from here.
 */
export { a1Notation, columnToLetters, lettersToColumn, parseA1 } from './appsScript/a1.ts';
export type { AuthModeName } from './appsScript/env.ts';
export { CallCounter, Env } from './appsScript/env.ts';
export type { Cell } from './appsScript/format.ts';
export { formatJavaDate, parseJavaDate } from './appsScript/formatDate.ts';
export type { FormulaError } from './appsScript/formulas.ts';
export { FakeLock } from './appsScript/locks.ts';
export { REPO_ROOT } from './appsScript/paths.ts';
export { FakeProperties } from './appsScript/properties.ts';
export { FakeRange } from './appsScript/range.ts';
export { FakeRichTextValue, FakeTextStyle } from './appsScript/richText.ts';
export {
  createRuntime,
  type EditRun,
  type Runtime,
  type RuntimeOptions,
  type TriggerInfo,
  type TriggerRun,
} from './appsScript/runtime.ts';
export { FakeTrigger } from './appsScript/scriptApp.ts';
export type { SentMail } from './appsScript/services.ts';
export { FakeSheet } from './appsScript/sheet.ts';
export { FakeSpreadsheet } from './appsScript/spreadsheet.ts';
export type { FormulaWrite } from './appsScript/types.ts';
export { UiRecorder } from './appsScript/ui.ts';
export type { SheetData, WorkbookData } from './appsScript/workbookData.ts';
export { csvCellValue, parseCsv } from './files/csv.ts';
export type { CsvInfo } from './files/csvWorkbook.ts';
export {
  type OpenedWorkbook,
  openWorkbook,
  runtimeFromXlsx,
  saveWorkbook,
  workbookFromXlsx,
} from './files/openWorkbook.ts';
export type { WorkbookFile } from './files/workbookFile.ts';
export { isCsvPath } from './files/workbookFile.ts';
export { loadXlsx, META_SHEET, type SaveHooks, saveXlsx } from './files/xlsx.ts';
