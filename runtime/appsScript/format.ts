/** Display formatting of cell values (a reasonable subset of Sheets number formats). */
import { DAY_NAMES, MONTH_NAMES, wallClock } from './zone.ts';

export type Cell = string | number | boolean | Date;

export const DEFAULT_NUMBER_FORMAT = '0.###############';

export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

function automaticNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : Number.isNaN(n) ? '#NUM!' : '-#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return n.toExponential(2).toUpperCase();
  return String(Number(n.toPrecision(10)));
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function isDateFormat(fmt: string): boolean {
  const stripped = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[yYdDhHsS]/.test(stripped) || /\bm{1,4}\b/i.test(stripped) || /am\/pm/i.test(stripped);
}

/** Formats a number with a numeric Sheets format like `0`, `0.00`, `#,##0.0`, `0%`, `"€"#,##0`. */
function formatNumber(n: number, fmt: string): string {
  const section = (fmt.split(';')[n < 0 && fmt.includes(';') ? 1 : 0] ?? fmt).trim();
  const useNegSection = n < 0 && fmt.includes(';');
  let value = useNegSection ? Math.abs(n) : n;
  const percent = section.includes('%');
  if (percent) value *= 100;
  const m = /([#0,]*[#0][#0,]*)(\.([0#]+))?/.exec(
    section.replace(/"[^"]*"/g, (s) => ' '.repeat(s.length)),
  );
  const numStart = m ? m.index : -1;
  const numText = m?.[0] ?? '';
  if (!m || numText === '' || !/[0#]/.test(numText)) return automaticNumber(n);
  const decimals = m[3] ?? '';
  const minDec = (decimals.match(/0/g) ?? []).length;
  const maxDec = decimals.length;
  let fixed = Math.abs(value).toFixed(maxDec);
  if (maxDec > minDec) {
    const [ip, dp = ''] = fixed.split('.');
    let d = dp;
    while (d.length > minDec && d.endsWith('0')) d = d.slice(0, -1);
    fixed = d.length > 0 ? `${ip}.${d}` : (ip ?? '');
  }
  let [intPart = '', decPart] = fixed.split('.');
  const intPattern = m[1] ?? '';
  if (intPattern.includes(',')) intPart = groupThousands(intPart);
  if (!intPattern.includes('0') && intPart === '0') intPart = '';
  const body =
    (value < 0 && !useNegSection ? '-' : '') +
    intPart +
    (decPart !== undefined ? `.${decPart}` : '');
  const prefix = section
    .slice(0, numStart)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
  const suffix = section
    .slice(numStart + numText.length)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
  return prefix + body + suffix;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Formats a date with a Sheets date format (`yyyy-mm-dd hh:mm`, `d mmm yyyy`, `dddd`, am/pm). */
function formatDateCell(d: Date, fmt: string, zone: string): string {
  const w = wallClock(d.getTime(), zone);
  const ampm = /am\/pm|a\/p/i.test(fmt);
  const tokens = fmt.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|\.0+|[^ymdhs"\\]+/gi) ?? [];
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const lower = t.toLowerCase();
    if (t.startsWith('"')) {
      out += t.slice(1, -1);
      continue;
    }
    if (t.startsWith('\\')) {
      out += t.slice(1);
      continue;
    }
    if (lower === 'am/pm') {
      out += w.hour < 12 ? 'AM' : 'PM';
      continue;
    }
    if (lower === 'a/p') {
      out += w.hour < 12 ? 'a' : 'p';
      continue;
    }
    const c = lower.charAt(0);
    if (c === 'y') out += lower.length <= 2 ? pad2(w.year % 100) : String(w.year);
    else if (c === 'd') {
      if (lower.length === 1) out += String(w.day);
      else if (lower.length === 2) out += pad2(w.day);
      else if (lower.length === 3) out += (DAY_NAMES[w.weekday - 1] ?? '').slice(0, 3);
      else out += DAY_NAMES[w.weekday - 1] ?? '';
    } else if (c === 'h') {
      const h = ampm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
      out += lower.length >= 2 ? pad2(h) : String(h);
      lastWasHour = true;
      continue;
    } else if (c === 'm') {
      const nextSeconds = tokens.slice(i + 1).find((x) => /^[yMmdDhHsS]/.test(x));
      const isMinute =
        lower.length <= 2 &&
        (lastWasHour || (nextSeconds !== undefined && /^s/i.test(nextSeconds)));
      if (isMinute) out += lower.length === 2 ? pad2(w.minute) : String(w.minute);
      else if (lower.length === 1) out += String(w.month);
      else if (lower.length === 2) out += pad2(w.month);
      else if (lower.length === 3) out += (MONTH_NAMES[w.month - 1] ?? '').slice(0, 3);
      else out += MONTH_NAMES[w.month - 1] ?? '';
    } else if (c === 's') out += lower.length >= 2 ? pad2(w.second) : String(w.second);
    else if (c === '.')
      out += `.${String(w.millisecond)
        .padStart(3, '0')
        .slice(0, lower.length - 1)}`;
    else out += t;
    if (/[ymds]/.test(c)) lastWasHour = false;
  }
  return out;
}

export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';

export function displayValue(value: Cell, fmt: string, zone: string): string {
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const f = fmt || DEFAULT_NUMBER_FORMAT;
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return '#VALUE!';
    if (f === DEFAULT_NUMBER_FORMAT || f === 'General' || !isDateFormat(f)) {
      return formatDateCell(value, DEFAULT_DATE_TIME_FORMAT, zone);
    }
    return formatDateCell(value, f, zone);
  }
  if (f === DEFAULT_NUMBER_FORMAT || f === 'General' || f === '@') return automaticNumber(value);
  if (isDateFormat(f)) {
    // Serial number shown as a date (days since 1899-12-30, wall clock of the sheet's zone).
    const ms = Math.round((value - 25569) * 86400000);
    const w = new Date(ms);
    return formatDateCell(w, f, 'UTC');
  }
  return formatNumber(value, f);
}
