/** Reading and showing numbers and times in the sidebar. */
import { state } from './state.ts';

/** Reads what a person types in a number box: blank → undefined, `1 000` / `2,5` accepted. */
export function readNumberText(text: string): number | undefined {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return undefined;
  const normalised = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t.replace(/,/g, '');
  return Number(normalised);
}

/** A number as typed back into a box (`scale` 100 shows 0.25 as 25). */
export function showNumber(n: number | null | undefined, scale = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  return String(Math.round(n * scale * 1e6) / 1e6);
}

export const signed = (n: number): string =>
  Number.isNaN(n) ? '?' : n > 0 ? `+${showNumber(n)}` : showNumber(n);

/** 1,600 · 17.0 (one decimal under 10 unless `digits` says otherwise). */
export function fmtNumber(n: number, digits?: number): string {
  const d = digits ?? (n < 10 ? 1 : 0);
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits ?? 0,
    maximumFractionDigits: d,
  });
}

/** An ISO instant as "23 Nov, 10:00" in the calendar's zone (or the spreadsheet's). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  const zone = state.draft?.calendar.timeZone.trim() || state.server?.timeZone;
  try {
    return d.toLocaleString('en-GB', zone ? { ...opts, timeZone: zone } : opts);
  } catch {
    return d.toLocaleString('en-GB', opts);
  }
}
