/** Java SimpleDateFormat subset, as used by Apps Script's Utilities.formatDate. */
import {
  DAY_NAMES,
  instantFromWallClock,
  MONTH_NAMES,
  normalizeZone,
  offsetMinutes,
  shortZoneName,
  type WallClock,
  wallClock,
} from './zone.ts';

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'text'; text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        tokens.push({ kind: 'text', text: "'" });
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`);
        const c = pattern.charAt(j);
        if (c === "'") {
          if (pattern.charAt(j + 1) === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += c;
        j++;
      }
      tokens.push({ kind: 'text', text });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern.charAt(j) === ch) j++;
      tokens.push({ kind: 'field', letter: ch, count: j - i });
      i = j;
      continue;
    }
    tokens.push({ kind: 'text', text: ch });
    i++;
  }
  return tokens;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(width, '0');
}

function offsetText(off: number, colon: boolean, withMinutes: boolean): string {
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const hh = pad(Math.floor(a / 60), 2);
  if (!withMinutes) return `${sign}${hh}`;
  return `${sign}${hh}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

/** One field of a pattern for the instant `ms`, whose wall clock in `zone` is `w`. */
function formatField(letter: string, n: number, w: WallClock, ms: number, zone: string): string {
  switch (letter) {
    case 'G':
      return w.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
    case 'M':
    case 'L':
      if (n >= 4) return MONTH_NAMES[w.month - 1] ?? '';
      if (n === 3) return (MONTH_NAMES[w.month - 1] ?? '').slice(0, 3);
      return pad(w.month, n);
    case 'd':
      return pad(w.day, n);
    case 'D':
      return pad(dayOfYear(w.year, w.month, w.day), n);
    case 'E':
      return n >= 4
        ? (DAY_NAMES[w.weekday - 1] ?? '')
        : (DAY_NAMES[w.weekday - 1] ?? '').slice(0, 3);
    case 'u':
      return pad(w.weekday, n);
    case 'F':
      return pad(Math.floor((w.day - 1) / 7) + 1, n);
    case 'w': {
      // ISO-like week of year (Java's default depends on locale; en_US: week starts Sunday).
      const jan1 = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
      const doy = dayOfYear(w.year, w.month, w.day);
      return pad(Math.floor((doy - 1 + jan1) / 7) + 1, n);
    }
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(w.hour, n);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, n);
    case 'K':
      return pad(w.hour % 12, n);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
    case 'm':
      return pad(w.minute, n);
    case 's':
      return pad(w.second, n);
    case 'S':
      return pad(w.millisecond, n);
    case 'z':
      return shortZoneName(ms, zone, n >= 4);
    case 'Z':
      return offsetText(offsetMinutes(ms, zone), false, true);
    case 'X': {
      const off = offsetMinutes(ms, zone);
      return off === 0 ? 'Z' : offsetText(off, n >= 3, n >= 2);
    }
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats an instant like java.text.SimpleDateFormat in the given zone (unknown zones are GMT). */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const zone = normalizeZone(timeZone);
  const w = wallClock(ms, zone);
  let out = '';
  for (const t of tokenize(pattern))
    out += t.kind === 'text' ? t.text : formatField(t.letter, t.count, w, ms, zone);
  return out;
}

/** The fields a parsed text set (Java's defaults for the others). */
interface ParsedFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  pm: boolean | null;
  /** Minutes east of UTC when the text names its offset (Z, X), else null: the zone's. */
  offset: number | null;
}

/** Reads a text from left to right, one pattern field at a time. */
class FieldReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  literal(expected: string): boolean {
    if (this.text.slice(this.pos, this.pos + expected.length) !== expected) return false;
    this.pos += expected.length;
    return true;
  }

  private match(re: RegExp): RegExpExecArray | null {
    const m = re.exec(this.text.slice(this.pos));
    if (m) this.pos += m[0].length;
    return m;
  }

  /** A number; at most `maxDigits` of them when another field follows with no separator. */
  number(maxDigits: number | null): number | null {
    const m = this.match(maxDigits === null ? /^-?\d+/ : new RegExp(`^-?\\d{1,${maxDigits}}`));
    return m ? Number(m[0]) : null;
  }

  word(): string | null {
    return this.match(/^[A-Za-z]+/)?.[0] ?? null;
  }

  /** `Z`, `+01:00` or `+0100`, as minutes east of UTC. */
  offset(): number | null {
    const m = this.match(/^(Z|([+-])(\d{2}):?(\d{2})?)/);
    if (!m) return null;
    return m[1] === 'Z' ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? '0'));
  }
}

function readMonth(reader: FieldReader, count: number, maxDigits: number | null): number | null {
  if (count < 3) return reader.number(maxDigits);
  const word = reader.word();
  if (word === null) return null;
  const idx = MONTH_NAMES.findIndex((m) =>
    m.toLowerCase().startsWith(word.toLowerCase().slice(0, 3)),
  );
  return idx < 0 ? null : idx + 1;
}

/** Sets the number a time field reads (hours, minutes, seconds, milliseconds) or the day. */
function setNumber(letter: string, v: number, f: ParsedFields): void {
  if (letter === 'd') f.day = v;
  else if (letter === 'H' || letter === 'K') f.hour = v;
  else if (letter === 'k') f.hour = v % 24;
  else if (letter === 'h') f.hour = v % 12;
  else if (letter === 'm') f.minute = v;
  else if (letter === 's') f.second = v;
  else f.ms = v;
}

/** Reads one pattern field into `f`; false when the text does not match it. */
function readField(
  field: { letter: string; count: number },
  maxDigits: number | null,
  reader: FieldReader,
  f: ParsedFields,
): boolean {
  const { letter, count } = field;
  if (letter === 'y' || letter === 'Y') {
    const v = reader.number(maxDigits);
    if (v === null) return false;
    f.year = count === 2 && v < 100 ? 2000 + v - (v > 79 ? 100 : 0) : v;
    return true;
  }
  if (letter === 'M') {
    const month = readMonth(reader, count, maxDigits);
    if (month === null) return false;
    f.month = month;
    return true;
  }
  if ('dHhkKmsS'.includes(letter)) {
    const v = reader.number(maxDigits);
    if (v === null) return false;
    setNumber(letter, v, f);
    return true;
  }
  if (letter === 'E') return reader.word() !== null;
  if (letter === 'a') {
    const word = reader.word();
    if (word === null) return false;
    f.pm = word.toUpperCase() === 'PM';
    return true;
  }
  if (letter === 'Z' || letter === 'X') {
    f.offset = reader.offset();
    return f.offset !== null;
  }
  return false;
}

function instantOf(f: ParsedFields, zone: string): Date {
  if (f.pm === true && f.hour < 12) f.hour += 12;
  if (f.pm === false && f.hour === 12) f.hour = 0;
  if (f.offset !== null) {
    return new Date(
      Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - f.offset * 60000,
    );
  }
  return new Date(
    instantFromWallClock(zone, f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms),
  );
}

/** Parses text with a SimpleDateFormat pattern (numeric fields, MMM names, a, literals). */
export function parseJavaDate(text: string, timeZone: string, pattern: string): Date | null {
  const zone = normalizeZone(timeZone);
  const reader = new FieldReader(text);
  const f: ParsedFields = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    pm: null,
    offset: null,
  };
  const tokens = tokenize(pattern);
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    if (t.kind === 'text') {
      if (!reader.literal(t.text)) return null;
      continue;
    }
    const adjacent = tokens[ti + 1]?.kind === 'field';
    if (!readField(t, adjacent ? t.count : null, reader, f)) return null;
  }
  return instantOf(f, zone);
}
