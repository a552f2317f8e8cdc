/** Utilities: formatDate, formatString, parseDate, sleep, UUIDs, base64... */
import { randomUUID } from 'node:crypto';
import type { Env } from './env.ts';
import { makeEnum } from './env.ts';
import { isDate } from './format.ts';
import { formatJavaDate, parseJavaDate } from './formatDate.ts';
import { signatureError } from './signatureError.ts';

export function formatString(template: string, ...args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifxXoe%])/g,
    (m, _flags, width, prec, conv) => {
      if (conv === '%') return '%';
      const v = args[i++];
      let s: string;
      switch (conv) {
        case 'd':
        case 'i':
          s = String(Math.trunc(Number(v)));
          break;
        case 'f':
          s = Number(v).toFixed(prec === undefined ? 6 : Number(prec));
          break;
        case 'e':
          s = Number(v).toExponential(prec === undefined ? 6 : Number(prec));
          break;
        case 'x':
          s = Math.trunc(Number(v)).toString(16);
          break;
        case 'X':
          s = Math.trunc(Number(v)).toString(16).toUpperCase();
          break;
        case 'o':
          s = Math.trunc(Number(v)).toString(8);
          break;
        default:
          s = String(v);
          if (prec !== undefined) s = s.slice(0, Number(prec));
      }
      if (width !== undefined)
        s = String(_flags).includes('-') ? s.padEnd(Number(width)) : s.padStart(Number(width));
      return m.length > 0 ? s : '';
    },
  );
}

export class FakeUtilities {
  readonly Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
  readonly DigestAlgorithm = makeEnum([
    'MD2',
    'MD5',
    'SHA_1',
    'SHA_256',
    'SHA_384',
    'SHA_512',
  ] as const);
  constructor(private readonly env: Env) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    this.env.touch('Utilities.formatDate', 'free');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatJavaDate(new Date(date.getTime()), timeZone, format);
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    this.env.touch('Utilities.parseDate', 'free');
    const d = parseJavaDate(String(date), String(timeZone), String(format));
    if (d === null) throw new Error(`Invalid argument: ${date}`);
    return d;
  }

  formatString(template: string, ...args: unknown[]): string {
    this.env.touch('Utilities.formatString', 'free');
    return formatString(template, ...args);
  }

  sleep(milliseconds: number): void {
    this.env.touch('Utilities.sleep', 'free');
    if (typeof milliseconds !== 'number' || milliseconds < 0)
      throw signatureError('Utilities.sleep', [milliseconds]);
    if (milliseconds > 300000) throw new Error('Invalid argument: milliseconds');
    this.env.sleptMs += milliseconds;
    this.env.advance(milliseconds);
  }

  getUuid(): string {
    this.env.touch('Utilities.getUuid', 'free');
    return randomUUID();
  }

  jsonParse(jsonString: string): unknown {
    this.env.touch('Utilities.jsonParse', 'free');
    return this.env.realm.copy(JSON.parse(jsonString));
  }

  jsonStringify(obj: unknown): string {
    this.env.touch('Utilities.jsonStringify', 'free');
    return JSON.stringify(obj);
  }

  base64Encode(data: string): string {
    this.env.touch('Utilities.base64Encode', 'free');
    return Buffer.from(String(data), 'utf8').toString('base64');
  }

  base64Decode(encoded: string): number[] {
    this.env.touch('Utilities.base64Decode', 'free');
    return this.env.realm.copy(
      [...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b)),
    );
  }
}
