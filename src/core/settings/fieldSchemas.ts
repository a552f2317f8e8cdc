import * as z from 'zod/mini';

/** The field schemas the sections share; `what` names the field in its messages. */

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A YYYY-MM-DD that is a day of the calendar (2026-02-29 and 2026-04-31 are not). */
export function isRealIsoDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const finite = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .check(z.refine((n) => Number.isFinite(n), `${what} must be a finite number`));

/** Above 0; a value that is not stops there (no second message about a finer bound). */
export const positive = (what: string) =>
  finite(what).check(z.gt(0, { error: `${what} must be above 0`, abort: true }));

export const rate = (what: string) =>
  finite(what).check(
    z.gt(0, `${what} must be above 0 %`),
    z.lte(1, `${what} must be at most 100 % (write 50 % as 0.5)`),
  );

export const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .check(z.maxLength(max, `${what} is too long (max ${max} characters)`));
