import { isBlank, isDate } from './cell.ts';
import { type ArgRef, inputError } from './errors.ts';

export type NumberRead =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'bad'; problem: string; fix?: string };

const CURRENCY = /^(?:€|\$|£|¥|chf|eur|usd|gbp|cad)|(?:€|\$|£|¥|chf|eur|usd|gbp|cad)$/i;
const SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * Reads a number the way people type it in a sheet: `1000`, `"1 000"`, `"1,000.50"`,
 * `"1.000,50"`, `"1000,5"`, `"€1,200"`, `"50 %"` (→ 0.5), `"(300)"` (→ -300).
 */
export function readNumber(value: unknown): NumberRead {
  if (isBlank(value)) return { kind: 'blank' };
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { kind: 'number', value }
      : { kind: 'bad', problem: 'must be a finite number' };
  }
  if (typeof value === 'boolean')
    return { kind: 'bad', problem: 'must be a number, not TRUE/FALSE' };
  if (isDate(value))
    return {
      kind: 'bad',
      problem: 'must be a number, not a date',
      fix: 'format the cell as a number',
    };
  if (typeof value !== 'string') return { kind: 'bad', problem: 'must be a number' };
  return parseNumberText(value);
}

function parseNumberText(raw: string): NumberRead {
  let s = raw.trim();
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1).trim();
  }
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  for (let i = 0; i < 2; i++) s = s.replace(CURRENCY, '').trim();
  if (s.startsWith('-')) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  for (let i = 0; i < 2; i++) s = s.replace(CURRENCY, '').trim();
  s = s.replace(SPACES, '');
  const normalized = normalizeSeparators(s);
  if (normalized === null || !/^\d*\.?\d+(?:e[+-]?\d+)?$|^\d+\.$/i.test(normalized)) {
    return {
      kind: 'bad',
      problem: 'must be a number',
      fix: 'type digits only, e.g. 1000 or 1 000',
    };
  }
  return { kind: 'number', value: sign * Number(normalized) * scale };
}

/** Turns thousands/decimal separators into a plain JS number literal, or null if ambiguous. */
function normalizeSeparators(s: string): string | null {
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas && dots) {
    // The last separator is the decimal one: 1,000.50 or 1.000,50
    return s.lastIndexOf(',') > s.lastIndexOf('.')
      ? s.replace(/\./g, '').replace(',', '.')
      : s.replace(/,/g, '');
  }
  if (commas > 1) return /^\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : null;
  if (dots > 1) return /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : null;
  // One comma: thousands when followed by exactly 3 digits (1,000), else a decimal comma (1,5)
  if (commas === 1) return /^\d{1,3},\d{3}$/.test(s) ? s.replace(',', '') : s.replace(',', '.');
  return s;
}

/** A number the function needs; throws an InputError naming the function and argument. */
export function requireNumber(value: unknown, ref: ArgRef): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const read = readNumber(value);
  if (read.kind === 'number') return read.value;
  if (read.kind === 'blank') throw inputError(ref, 'is required', value, 'enter a number');
  throw inputError(ref, read.problem, value, read.fix);
}

export function requirePositive(value: unknown, ref: ArgRef): number {
  const n = requireNumber(value, ref);
  if (n <= 0) throw inputError(ref, 'must be above 0', value);
  return n;
}

export function requireNonNegative(value: unknown, ref: ArgRef): number {
  const n = requireNumber(value, ref);
  if (n < 0) throw inputError(ref, 'must be 0 or more', value);
  return n;
}

/** A conversion rate as Sheets sends it: a fraction in (0, 1]. 50 % arrives as 0.5. */
export function requireRate(value: unknown, ref: ArgRef): number {
  const n = requireNumber(value, ref);
  if (n > 1) {
    throw inputError(
      ref,
      'must be a rate between 0 % and 100 %',
      value,
      `write ${n}% (or ${n / 100}) instead of ${n}`,
    );
  }
  if (n === 0) {
    throw inputError(
      ref,
      'must be above 0 %',
      value,
      'a rate of 0 % means nobody converts, so no volume can reach the goal (division by zero)',
    );
  }
  if (n < 0) throw inputError(ref, 'must be above 0 %', value);
  return n;
}

/** A share such as marketing_share: a fraction in (0, 1], blank means 100 %. */
export function optionalShare(value: unknown, ref: ArgRef): number {
  return isBlank(value) ? 1 : requireRate(value, ref);
}

/**
 * Rounds a count of people or leads up, ignoring floating-point noise:
 * 800.0000001 is 800, 800.01 is 801.
 */
export function ceilCount(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= 1e-6 * Math.max(1, Math.abs(x))) return nearest;
  return Math.ceil(x);
}

export function roundNearest(x: number): number {
  return Math.round(x + 1e-9 * Math.sign(x));
}
