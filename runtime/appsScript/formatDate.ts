/** Java SimpleDateFormat subset, as used by Apps Script's Utilities.formatDate. */
import {
  DAY_NAMES,
  instantFromWallClock,
  MONTH_NAMES,
  normalizeZone,
  offsetMinutes,
  shortZoneName,
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

/** Formats an instant like java.text.SimpleDateFormat in the given zone (unknown zones are GMT). */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const zone = normalizeZone(timeZone);
  const w = wallClock(ms, zone);
  let out = '';
  for (const t of tokenize(pattern)) {
    if (t.kind === 'text') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
      case 'L':
        if (n >= 4) out += MONTH_NAMES[w.month - 1];
        else if (n === 3) out += (MONTH_NAMES[w.month - 1] ?? '').slice(0, 3);
        else out += pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'D':
        out += pad(dayOfYear(w.year, w.month, w.day), n);
        break;
      case 'E':
        out += n >= 4 ? DAY_NAMES[w.weekday - 1] : (DAY_NAMES[w.weekday - 1] ?? '').slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday, n);
        break;
      case 'F':
        out += pad(Math.floor((w.day - 1) / 7) + 1, n);
        break;
      case 'w': {
        // ISO-like week of year (Java's default depends on locale; en_US: week starts Sunday).
        const jan1 = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
        const doy = dayOfYear(w.year, w.month, w.day);
        out += pad(Math.floor((doy - 1 + jan1) / 7) + 1, n);
        break;
      }
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, n);
        break;
      case 'z':
        out += shortZoneName(ms, zone, n >= 4);
        break;
      case 'Z':
        out += offsetText(offsetMinutes(ms, zone), false, true);
        break;
      case 'X': {
        const off = offsetMinutes(ms, zone);
        if (off === 0) out += 'Z';
        else out += offsetText(off, n >= 3, n >= 2);
        break;
      }
      default:
        throw new Error(`Illegal pattern character '${t.letter}'`);
    }
  }
  return out;
}

/** Parses text with a SimpleDateFormat pattern (numeric fields, MMM names, a, literals). */
export function parseJavaDate(text: string, timeZone: string, pattern: string): Date | null {
  const zone = normalizeZone(timeZone);
  let pos = 0;
  const f = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    pm: null as boolean | null,
  };
  let offset: number | null = null;
  const tokens = tokenize(pattern);
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    if (t.kind === 'text') {
      if (text.slice(pos, pos + t.text.length) !== t.text) return null;
      pos += t.text.length;
      continue;
    }
    const next = tokens[ti + 1];
    const adjacent = next !== undefined && next.kind === 'field';
    const readNum = (): number | null => {
      const m = (adjacent ? new RegExp(`^-?\\d{1,${t.count}}`) : /^-?\d+/).exec(text.slice(pos));
      if (!m) return null;
      pos += m[0].length;
      return Number(m[0]);
    };
    const readWord = (): string | null => {
      const m = /^[A-Za-z]+/.exec(text.slice(pos));
      if (!m) return null;
      pos += m[0].length;
      return m[0];
    };
    switch (t.letter) {
      case 'y':
      case 'Y': {
        const v = readNum();
        if (v === null) return null;
        f.year = t.count === 2 && v < 100 ? 2000 + v - (v > 79 ? 100 : 0) : v;
        break;
      }
      case 'M': {
        if (t.count >= 3) {
          const word = readWord();
          if (word === null) return null;
          const idx = MONTH_NAMES.findIndex((m) =>
            m.toLowerCase().startsWith(word.toLowerCase().slice(0, 3)),
          );
          if (idx < 0) return null;
          f.month = idx + 1;
        } else {
          const v = readNum();
          if (v === null) return null;
          f.month = v;
        }
        break;
      }
      case 'd':
      case 'H':
      case 'h':
      case 'k':
      case 'K':
      case 'm':
      case 's':
      case 'S': {
        const v = readNum();
        if (v === null) return null;
        if (t.letter === 'd') f.day = v;
        else if (t.letter === 'H' || t.letter === 'K') f.hour = v;
        else if (t.letter === 'k') f.hour = v % 24;
        else if (t.letter === 'h') f.hour = v % 12;
        else if (t.letter === 'm') f.minute = v;
        else if (t.letter === 's') f.second = v;
        else f.ms = v;
        break;
      }
      case 'E': {
        if (readWord() === null) return null;
        break;
      }
      case 'a': {
        const word = readWord();
        if (word === null) return null;
        f.pm = word.toUpperCase() === 'PM';
        break;
      }
      case 'Z':
      case 'X': {
        const m = /^(Z|([+-])(\d{2}):?(\d{2})?)/.exec(text.slice(pos));
        if (!m) return null;
        pos += m[0].length;
        offset =
          m[1] === 'Z' ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? '0'));
        break;
      }
      default:
        return null;
    }
  }
  if (f.pm === true && f.hour < 12) f.hour += 12;
  if (f.pm === false && f.hour === 12) f.hour = 0;
  if (offset !== null) {
    return new Date(
      Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.ms) - offset * 60000,
    );
  }
  return new Date(
    instantFromWallClock(zone, f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms),
  );
}
