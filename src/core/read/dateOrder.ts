import { isBlank } from '../common/cell.ts';
import { normalizeText } from '../common/cellValues.ts';

/**
 * Day-first or month-first, decided per column.
 *
 * A numeric text date `a/b/yyyy` (also `a.b.yy`, `a-b-yyyy`) is ambiguous while both a and b are
 * 12 or less. A column's unambiguous values prove its order: `13/02/2026` can only be day-first,
 * `02/13/2026` only month-first. When the column proves one order, its ambiguous values are read
 * that way; when it proves none (every value ambiguous, or no numeric text dates), the
 * spreadsheet's locale decides; when it proves both, the column contradicts itself and its
 * ambiguous values cannot be read (each unambiguous value still reads as it proves itself).
 */

export type DateOrder = 'dmy' | 'mdy';

/**
 * The locale's order, or a way to ask for it: the shell asks the spreadsheet for its locale
 * only when a column holds ambiguous dates and no value that proves an order.
 */
export type LocaleOrder = DateOrder | (() => DateOrder);

/** A lazily asked value, asked at most once. */
export function once<T>(ask: () => T): () => T {
  let asked = false;
  let value: T;
  return () => {
    if (!asked) {
      value = ask();
      asked = true;
    }
    return value;
  };
}

export function resolveOrder(order: LocaleOrder): DateOrder {
  return typeof order === 'function' ? order() : order;
}

export interface ColumnDateOrder {
  /** The order ambiguous values are read in; null when the column contradicts itself. */
  order: DateOrder | null;
  /**
   * What decided it: the column's own values, the order a check proved on the whole column
   * (`stored`: the edit trigger reads a few rows), the locale, or nothing (a contradiction).
   */
  basis: 'values' | 'stored' | 'locale' | 'conflict';
  /** Numeric text dates that prove day-first / month-first, and those that prove nothing. */
  dayFirst: number;
  monthFirst: number;
  ambiguous: number;
  /** A value proving each order, as typed (for messages). */
  dayFirstExample?: string;
  monthFirstExample?: string;
}

const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?!\d)/;

/** The two leading numbers of a numeric text date, or null for anything else. */
export function numericDateParts(text: string): { a: number; b: number } | null {
  const m = NUMERIC_DATE.exec(normalizeText(text));
  return m ? { a: Number(m[1]), b: Number(m[3]) } : null;
}

/**
 * Spreadsheet locales (`en_US`, `es_US`, `en_PH`…) whose numeric dates are month-first; every
 * other locale is day-first. Sources: the CLDR short date patterns (M/d/yy) of these locales.
 */
const MONTH_FIRST_LOCALES = new Set([
  'en',
  'en_us',
  'es_us',
  'en_ph',
  'fil',
  'fil_ph',
  'en_as',
  'en_gu',
  'en_mh',
  'en_mp',
  'en_pr',
  'en_um',
  'en_vi',
  'en_fm',
  'en_pw',
  'en_bz',
]);

/** The order of a spreadsheet locale such as `en_US` or `fr-FR` (blank: month-first, as en_US). */
export function localeDateOrder(locale: string): DateOrder {
  const key = locale.trim().toLowerCase().replace('-', '_');
  if (key === '') return 'mdy';
  return MONTH_FIRST_LOCALES.has(key) ? 'mdy' : 'dmy';
}

/**
 * Decides a column's order from its values; else from the order a check proved on the whole
 * column (`known`), else the locale's.
 */
export function inferDateOrder(
  values: Iterable<unknown>,
  localeOrder: LocaleOrder,
  known?: DateOrder,
): ColumnDateOrder {
  const found: ColumnDateOrder = {
    order: 'dmy',
    basis: 'locale',
    dayFirst: 0,
    monthFirst: 0,
    ambiguous: 0,
  };
  for (const value of values) {
    if (typeof value !== 'string' || isBlank(value)) continue;
    const parts = numericDateParts(value);
    if (!parts) continue;
    const { a, b } = parts;
    if (a > 12 && b <= 12) {
      found.dayFirst++;
      found.dayFirstExample ??= value.trim();
    } else if (b > 12 && a <= 12) {
      found.monthFirst++;
      found.monthFirstExample ??= value.trim();
    } else found.ambiguous++;
  }
  if (found.dayFirst > 0 && found.monthFirst > 0) {
    found.order = null;
    found.basis = 'conflict';
  } else if (found.dayFirst > 0 || found.monthFirst > 0) {
    found.order = found.dayFirst > 0 ? 'dmy' : 'mdy';
    found.basis = 'values';
  } else if (known) {
    found.order = known;
    found.basis = 'stored';
  } else if (found.ambiguous > 0) {
    found.order = resolveOrder(localeOrder);
  }
  return found;
}

export function orderName(order: DateOrder): string {
  return order === 'dmy' ? 'day-first' : 'month-first';
}

/** "day-first (from its values, e.g. 13/02/2026)", "month-first (by the locale en_US)". */
export function describeDateOrder(found: ColumnDateOrder, locale: string | (() => string)): string {
  if (found.order === null) {
    return `mixed: both day-first (e.g. ${found.dayFirstExample}) and month-first (e.g. ${found.monthFirstExample}) dates`;
  }
  if (found.basis === 'values') {
    const example = found.order === 'dmy' ? found.dayFirstExample : found.monthFirstExample;
    return `${orderName(found.order)} (from its values, e.g. ${example})`;
  }
  if (found.basis === 'stored') return `${orderName(found.order)} (as the last check read it)`;
  const name = typeof locale === 'function' ? locale() : locale;
  return `${orderName(found.order)} (by the spreadsheet's locale${name ? ` ${name}` : ''})`;
}
