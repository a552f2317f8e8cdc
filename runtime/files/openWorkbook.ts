/**
 * A runtime on a file: an .xlsx (or a .csv) opened into a new runtime, and the runtime's
 * workbook saved as .xlsx, either whole or as the input plus only the run's changes.
 */
import { createRuntime, type Runtime, type RuntimeOptions } from '../appsScript/runtime.ts';
import { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import type { WorkbookData } from '../appsScript/workbookData.ts';
import { openWorkbookFile, type WorkbookFile } from './workbookFile.ts';
import { loadXlsx, saveSpreadsheet, saveXlsx } from './xlsx.ts';

/** Reads an .xlsx file into plain workbook data (throws a clear Error naming the path). */
export async function workbookFromXlsx(path: string): Promise<WorkbookData> {
  return loadXlsx(path);
}

/**
 * Saves the runtime's (or a spreadsheet's) workbook atomically to an .xlsx file, every sheet
 * serialised from the model (a runtime's document properties go to the state sheet).
 */
export async function saveWorkbook(
  target: Runtime | FakeSpreadsheet | WorkbookData,
  path: string,
): Promise<void> {
  if (target instanceof FakeSpreadsheet) return saveSpreadsheet(target, new Map(), path);
  if ('spreadsheet' in target && target.spreadsheet instanceof FakeSpreadsheet)
    return saveSpreadsheet(target.spreadsheet, target.documentProperties.map, path);
  return saveXlsx(target as WorkbookData, path);
}

/** A runtime opened on a file, and the way to save the run's result. */
export interface OpenedWorkbook extends WorkbookFile {
  runtime: Runtime;
}

/**
 * Opens an .xlsx (or a .csv) into a new runtime, for a run whose result keeps the file as it
 * was but for what the run changed: `save` writes the input back with only those changes.
 */
export async function openWorkbook(
  path: string,
  opts: RuntimeOptions = {},
): Promise<OpenedWorkbook> {
  const runtime = createRuntime(opts);
  const file = await openWorkbookFile(
    path,
    runtime.spreadsheet,
    runtime.documentProperties,
    opts.timeZone,
  );
  // an explicit locale wins over the one the file kept
  if (opts.locale !== undefined) runtime.spreadsheet.locale = opts.locale;
  return { runtime, dataSheet: file.dataSheet, csv: file.csv, save: file.save };
}

/** Creates a runtime whose workbook is read from an .xlsx file. */
export async function runtimeFromXlsx(path: string, opts: RuntimeOptions = {}): Promise<Runtime> {
  return (await openWorkbook(path, opts)).runtime;
}
