/** A1 notation parsing and formatting, as Google Sheets understands it. */

export interface A1Ref {
  /** Sheet name when the reference is qualified (`'My Sheet'!A1`), otherwise null. */
  sheetName: string | null;
  /** 1-based first row; null when the reference covers whole columns (`A:C`). */
  row: number | null;
  /** 1-based first column; null when the reference covers whole rows (`1:3`). */
  col: number | null;
  /** 1-based last row; null = open-ended (to the last row of the sheet). */
  endRow: number | null;
  /** 1-based last column; null = open-ended (to the last column of the sheet). */
  endCol: number | null;
}

export const MAX_COLUMNS = 18278; // ZZZ

export function columnToLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new Error(`Invalid column number: ${col}`);
  let n = col;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new Error(`Invalid column letters: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n;
}

interface Part {
  col: number | null;
  row: number | null;
}

const PART_RE = /^\$?([A-Za-z]{1,3})?\$?([0-9]+)?$/;

function parsePart(text: string, whole: string): Part {
  const m = PART_RE.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) throw rangeNotFound(whole);
  const col = m[1] === undefined ? null : lettersToColumn(m[1]);
  const row = m[2] === undefined ? null : Number(m[2]);
  if (row !== null && row < 1) throw rangeNotFound(whole);
  if (col !== null && col > MAX_COLUMNS) throw rangeNotFound(whole);
  return { col, row };
}

export function rangeNotFound(_a1: string): Error {
  return new Error('Range not found');
}

/** Splits `'My Sheet'!A1:B2` into the sheet name (unquoted) and the range part. */
export function splitSheetName(a1: string): { sheetName: string | null; range: string } {
  const text = a1.trim();
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, range: text };
  let name = text.slice(0, bang);
  const range = text.slice(bang + 1);
  if (name.startsWith("'")) {
    if (!name.endsWith("'") || name.length < 2) throw rangeNotFound(a1);
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  if (name === '') throw rangeNotFound(a1);
  return { sheetName: name, range };
}

/** Parses an A1 reference. Throws `Range not found` for anything Sheets would reject. */
export function parseA1(a1: string): A1Ref {
  if (typeof a1 !== 'string' || a1.trim() === '') throw rangeNotFound(String(a1));
  const { sheetName, range } = splitSheetName(a1);
  const pieces = range.split(':');
  if (pieces.length > 2 || pieces.some((p) => p === '')) throw rangeNotFound(a1);
  const start = parsePart(pieces[0] ?? '', a1);
  if (pieces.length === 1) {
    if (start.col === null || start.row === null) throw rangeNotFound(a1);
    return { sheetName, row: start.row, col: start.col, endRow: start.row, endCol: start.col };
  }
  const end = parsePart(pieces[1] ?? '', a1);
  // Whole columns: A:C ; whole rows: 1:3 ; open-ended: A2:C or A:C5? (Sheets accepts A2:C)
  if (start.col === null && end.col !== null) throw rangeNotFound(a1);
  if (start.row === null && start.col === null) throw rangeNotFound(a1);
  let row = start.row;
  let col = start.col;
  let endRow = end.row;
  let endCol = end.col;
  if (start.row === null && end.row !== null) {
    // "A:B5" -> Sheets treats as A1:B5
    row = 1;
  }
  if (start.col === null) {
    // whole rows "1:3"
    if (end.col !== null || end.row === null || row === null) throw rangeNotFound(a1);
    col = 1;
    endCol = null;
  }
  if (row !== null && endRow !== null && endRow < row) [row, endRow] = [endRow, row];
  if (col !== null && endCol !== null && endCol < col) [col, endCol] = [endCol, col];
  return { sheetName, row: row ?? 1, col: col ?? 1, endRow, endCol };
}

export function a1Notation(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnToLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnToLetters(col + numCols - 1)}${row + numRows - 1}`;
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
