/**
 * THE way the add-in finds and creates the sheets it generates: every writer of a generated
 * sheet calls `ourSheet`, every reader `readableSheet`. A sheet is ours when it carries the
 * developer-metadata mark `OWNED_SHEET_KEY` with its base name as value (a copy renamed by the
 * user keeps the mark of another name, so it is not taken for ours).
 */
import {
  besideNotice,
  OWNED_COLUMN_KEY,
  OWNED_SHEET_KEY,
  ownedSheetNames,
} from '../core/common/ownedSheetNames.ts';
import { isOwnedKey, type OwnedKey, type OwnedMarks } from '../core/sla/leadTable.ts';
import { columnName } from '../core/sla/liveRules.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The names already reported as the user's (the notice is given once per name). */
const TOLD_KEY = 'sla.sheets.besideTold';
const MAX_TOLD = 50;

export interface OwnedSheet {
  sheet: Sheet;
  /** Just inserted (empty). */
  created: boolean;
  /** The user's sheet whose name this one would have had, left untouched; null when none. */
  besideOf: string | null;
}

/** Marks a sheet the add-in has just created as its generated sheet `base`. */
export function markAsOurs(sheet: Sheet, base: string): void {
  sheet.addDeveloperMetadata(
    OWNED_SHEET_KEY,
    base,
    SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
  );
}

export function isOurSheet(sheet: Sheet, base: string): boolean {
  return ourMarkOf(sheet) === base;
}

/** The base name this sheet carries our mark of (`SLA Team`...), null for a user's sheet. */
export function ourMarkOf(sheet: Sheet): string | null {
  for (const m of sheet.getDeveloperMetadata())
    if (m.getKey() === OWNED_SHEET_KEY) return m.getValue();
  return null;
}

/** Why a sheet chosen as the leads sheet cannot be: it is one we write; null when it may be. */
export function notLeadsMessage(sheet: Sheet): string | null {
  const base = ourMarkOf(sheet);
  if (base === null) return null;
  return `"${sheet.getName()}" is a sheet SLA Sheets writes (${base}), not your leads: choose the sheet that holds them in Extensions › SLA Sheets › Open SLA settings › Fields.`;
}

interface Candidate {
  name: string;
  sheet: Sheet | null;
  ours: boolean;
}

/**
 * The names `base` may have, in order, with the sheet holding each, up to ours or up to a free
 * name past the first (the user's sheet of the base name may have gone since ours was written
 * beside it): usually one look-up and one read of the mark.
 */
function candidates(ss: Spreadsheet, base: string): Candidate[] {
  const found: Candidate[] = [];
  for (const name of ownedSheetNames(base)) {
    const sheet = ss.getSheetByName(name);
    const ours = sheet !== null && isOurSheet(sheet, base);
    found.push({ name, sheet, ours });
    if (ours || (sheet === null && found.length > 1)) break;
  }
  return found;
}

/** Our generated sheet of that base name, wherever it was written; null when there is none. */
export function findOurSheet(ss: Spreadsheet, base: string): Sheet | null {
  return candidates(ss, base).find((c) => c.ours)?.sheet ?? null;
}

/**
 * The sheet to write for `base`: ours when it exists, else a new marked sheet under the first
 * free name (the base name, or beside a user's sheet of that name).
 */
export function ourSheet(ss: Spreadsheet, base: string): OwnedSheet {
  const all = candidates(ss, base);
  const first = all[0]!;
  const besideOf = first.sheet && !first.ours ? first.sheet.getName() : null;
  const ours = all.find((c) => c.ours);
  if (ours?.sheet) return { sheet: ours.sheet, created: false, besideOf };
  const free = all.find((c) => c.sheet === null);
  if (!free) {
    throw new Error(
      `Every name SLA Sheets can give the "${base}" sheet is taken by another sheet: rename or delete some of them.`,
    );
  }
  const created = ss.insertSheet(free.name);
  markAsOurs(created, base);
  return { sheet: created, created: true, besideOf };
}

/** For reading only: our sheet, else the user's sheet of that name (reading changes nothing). */
export function readableSheet(ss: Spreadsheet, base: string): Sheet | null {
  return findOurSheet(ss, base) ?? ss.getSheetByName(base);
}

/**
 * The notice for a sheet written beside the user's, the first time only (null afterwards, or
 * when nothing was written beside). Kept in the document properties.
 */
export function besideNoticeOnce(owned: OwnedSheet): string | null {
  if (owned.besideOf === null) return null;
  const props = PropertiesService.getDocumentProperties();
  let told: string[] = [];
  try {
    const parsed: unknown = JSON.parse(props.getProperty(TOLD_KEY) ?? '[]');
    if (Array.isArray(parsed)) told = parsed.map(String);
  } catch {
    // a damaged list only repeats a notice
  }
  if (told.includes(owned.besideOf)) return null;
  props.setProperty(TOLD_KEY, JSON.stringify([owned.besideOf, ...told].slice(0, MAX_TOLD)));
  return besideNotice(owned.besideOf, owned.sheet.getName());
}

/** Marks a whole column (1-based) of the leads sheet as our column `key` (A1 `D:D`: the column). */
export function markOwnedColumn(sheet: Sheet, column: number, key: OwnedKey): void {
  const letter = columnName(column - 1);
  sheet
    .getRange(`${letter}:${letter}`)
    .addDeveloperMetadata(
      OWNED_COLUMN_KEY,
      key,
      SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT,
    );
}

/**
 * Our columns of a sheet by their marks (0-based; the leftmost when a mark is found twice). A
 * mark moves with its column when the team inserts, deletes or moves columns.
 */
export function readOwnedMarks(sheet: Sheet): OwnedMarks {
  const marks: OwnedMarks = {};
  const found = sheet.createDeveloperMetadataFinder().withKey(OWNED_COLUMN_KEY).find();
  for (const m of found) {
    const key = m.getValue();
    const column = m.getLocation().getColumn()?.getColumn();
    if (!isOwnedKey(key) || !column) continue;
    const at = marks[key];
    if (at === undefined || column - 1 < at) marks[key] = column - 1;
  }
  return marks;
}
