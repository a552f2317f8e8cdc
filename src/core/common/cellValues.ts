import { headerKey } from './headers.ts';
import { readNumber } from './numbers.ts';

/**
 * Generic readers for values as `getValues` returns them (string, number, boolean, Date, '')
 * and as people type them in a sheet. Pure; never throw.
 */

const NON_ASCII = /[\u0080-\uffff]/;
const COMBINING = /[\u0300-\u036f]/g;
const ODD_SPACE = /\s{2,}|[^\S ]/;
const SPACE_RUN = /\s+/g;
const CURLY_QUOTES = /[\u2018\u2019\u02bc]/g;
const LIGATURES = /[œæß]/g;
const LIGATURE_TEXT: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/**
 * Comparison key for text: trimmed, lower case, accents removed (é → e, œ → oe), runs of
 * whitespace (tabs, non-breaking spaces) collapsed to one space, curly apostrophes made straight.
 * Punctuation is kept. `  Café  Crème ` → `cafe creme`.
 */
export function normalizeText(text: string): string {
  let t = text.trim().toLowerCase();
  if (NON_ASCII.test(t)) {
    t = t
      .normalize('NFD')
      .replace(COMBINING, '')
      .replace(CURLY_QUOTES, "'")
      .replace(LIGATURES, (c) => LIGATURE_TEXT[c] ?? c);
  }
  if (ODD_SPACE.test(t)) t = t.replace(SPACE_RUN, ' ');
  return t;
}

/**
 * The comparison text of a cell: normalised text for strings, `String(n)` for numbers,
 * `true`/`false` for checkboxes; null for blanks, Dates and anything else.
 */
export function cellText(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = normalizeText(value);
    return t === '' ? null : t;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

/**
 * Words read as "yes" / "no" (after normalisation), in English and French plus a few common
 * marks. Cells also count as yes for TRUE (checkbox) and numbers above 0, as no for FALSE and 0.
 */
export const YES_WORDS: ReadonlySet<string> = new Set([
  'yes',
  'y',
  'true',
  'oui',
  'vrai',
  'si',
  'ja',
  'ok',
  'x',
  '✓',
  '✔',
  'checked',
  'done',
]);
export const NO_WORDS: ReadonlySet<string> = new Set([
  'no',
  'n',
  'false',
  'non',
  'faux',
  'nein',
  'unchecked',
]);

/**
 * Reads a yes/no cell: true for TRUE, numbers above 0 and YES_WORDS (`Yes`, ` OUI `, `x`, `1`);
 * false for FALSE, 0 and NO_WORDS; null for blanks, Dates, negative numbers and other text.
 */
export function readYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (value > 0) return true;
    return value === 0 ? false : null;
  }
  if (typeof value !== 'string') return null;
  const t = normalizeText(value);
  if (t === '') return null;
  if (YES_WORDS.has(t)) return true;
  if (NO_WORDS.has(t)) return false;
  const n = readPlainNumber(t);
  if (n === null) return null;
  if (n > 0) return true;
  return n === 0 ? false : null;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A single number from a cell: finite numbers as they are; text as people type it
 * (`"1 000"`, `"1,000"`, `"1.000,50"`, `"€1,200"`, `"-5"`). Blanks, booleans, Dates and other
 * text give null. No ranges (see readCellNumber).
 */
export function readPlainNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (t === '') return null;
  if (PLAIN_NUMBER.test(t)) return Number(t);
  const read = readNumber(t);
  return read.kind === 'number' && Number.isFinite(read.value) ? read.value : null;
}

const OPEN_ABOVE = /^(?:>=?|≥|\+)\s*(.+)$|^(.+?)\s*\+$/;
const RANGE = /^(.+?)\s*(?:-|–|—|\bto\b|à)\s*(.+)$/i;
const THOUSANDS_K = /^(\d+(?:[.,]\d+)?)\s*k$/i;

/**
 * Reads a number for comparisons (atLeast, atMost, between): everything readPlainNumber reads,
 * plus what lead forms put in size/volume columns:
 * - `"250+"`, `"> 250"`, `"≥250"` → 250 (the stated lower bound);
 * - ranges `"50-200"`, `"50 – 200"`, `"50 to 200"`, `"1,001-5,000"` → the LOWER bound (50):
 *   the only value the range guarantees, and it maps the usual buckets (11-50, 51-200, 201-500…)
 *   onto the right side of a threshold such as `between 50 and 1000`;
 * - `"10k"`, `"1.5k"` → 10000, 1500 (also inside ranges and with `+`).
 * Returns null for anything else (blanks, booleans, Dates, words, `=1+1`).
 */
export function readCellNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (t === '') return null;
  if (PLAIN_NUMBER.test(t)) return Number(t);
  const single = readOne(t);
  if (single !== null) return single;
  const open = OPEN_ABOVE.exec(t);
  if (open) return readOne((open[1] ?? open[2] ?? '').trim());
  const range = RANGE.exec(t);
  if (range) {
    const low = readOne((range[1] ?? '').trim());
    const high = readOne((range[2] ?? '').trim());
    if (low !== null && high !== null) return Math.min(low, high);
  }
  return null;
}

function readOne(t: string): number | null {
  const n = readPlainNumber(t);
  if (n !== null) return n;
  const k = THOUSANDS_K.exec(t);
  return k ? Number((k[1] ?? '').replace(',', '.')) * 1000 : null;
}

/**
 * Distinct non-blank texts of a one-column range (case, accents and spacing ignored), most
 * frequent first, then first seen: the Leads sources and owners.
 */
export function distinctTexts(
  cells: ReadonlyArray<readonly unknown[]>,
  max = Number.POSITIVE_INFINITY,
  maxLength = Number.POSITIVE_INFINITY,
): string[] {
  const seen = new Map<string, { name: string; count: number; first: number }>();
  cells.forEach((row, i) => {
    const value = row[0];
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const name = String(value).trim();
    if (name === '' || name.length > maxLength) return;
    const key = headerKey(name);
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { name, count: 1, first: i });
  });
  return [...seen.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, max)
    .map((e) => e.name);
}
