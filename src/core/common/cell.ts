/**
 * The primitives of a cell value as `getValues` returns it (string, number, boolean, Date, '').
 * Pure; never throw, whatever they are given.
 */

/** True for a Date, from any realm (no `instanceof`: dates may come from another context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Blank cell: undefined, null, '' or whitespace-only text. `false` and 0 are values. */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** The cell of a row at a 0-based column, '' when the column is absent (-1). */
export function cellAt(row: readonly unknown[], col: number): unknown {
  return col < 0 ? '' : row[col];
}

/** True when every cell of the row is blank. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** A received value as the user typed it, short, for messages: `"abc"`, `the date 2026-01-01`, `TRUE`. */
export function showValue(value: unknown): string {
  if (isBlank(value)) return 'blank';
  if (typeof value === 'string') {
    const t = value.trim();
    return JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const ms = value.getTime();
    return Number.isFinite(ms)
      ? `the date ${new Date(ms).toISOString().slice(0, 10)}`
      : 'an invalid date';
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return 'a list of values';
  return 'a value that is neither text, number nor date';
}

/**
 * User text (names, sources, owners, reasons) as a cell value that Sheets keeps as text: a
 * leading apostrophe (not shown, not stored) when the text would otherwise become a formula
 * (= + - @) or be read as a number, date or boolean.
 */
export function userText(value: string): string {
  if (value === '') return value;
  if (
    /^[=+\-@']/.test(value) ||
    /^\s*[\d.,$€£¥(]/.test(value) ||
    /^\s*(true|false)\s*$/i.test(value)
  ) {
    return `'${value}`;
  }
  return value;
}
