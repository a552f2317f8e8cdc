import type { LeadSheet } from '../read/leadRecords.ts';
import type { ZoneClock } from '../time/zone.ts';
import { addMonths, monthBounds, monthKey, monthOf, type ReviewMonth } from './leadFacts.ts';

/**
 * Which months of the sheet have leads: said when the month asked for has none, so the user can
 * ask for one that has. A lead's month is its creation's, else its clock start's. The clock is
 * asked once per month of the span (not once per lead: each call is a Utilities call in Sheets).
 */

export interface MonthCount {
  month: string;
  leads: number;
}

/** Month starts from `first`'s month to `last`'s, and the month keys. */
function monthStarts(clock: ZoneClock, first: number, last: number) {
  const starts: number[] = [];
  const keys: string[] = [];
  let m: ReviewMonth = monthOf(clock, first);
  const end = monthOf(clock, last);
  while (m.year * 12 + m.month <= end.year * 12 + end.month) {
    starts.push(monthBounds(clock, m).start);
    keys.push(monthKey(m));
    m = addMonths(m, 1);
  }
  return { starts, keys };
}

/** The index of the last start at or before `at` (starts ascending, at ≥ starts[0]). */
function binOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The months with at least one lead, oldest first, with their counts. */
export function monthsWithLeads(read: LeadSheet, clock: ZoneClock): MonthCount[] {
  const dates: number[] = [];
  for (const record of read.records) {
    const at = record ? (record.dates.createdAt ?? record.clockStartAt) : null;
    if (at !== null) dates.push(at);
  }
  if (!dates.length) return [];
  let first = dates[0]!;
  let last = first;
  for (const at of dates) {
    if (at < first) first = at;
    if (at > last) last = at;
  }
  const { starts, keys } = monthStarts(clock, first, last);
  const counts = new Array<number>(starts.length).fill(0);
  for (const at of dates) counts[binOf(starts, at)]!++;
  return keys.map((month, i) => ({ month, leads: counts[i]! })).filter((m) => m.leads > 0);
}

/** `2018-03 to 2021-04; most leads: 2021-03 (63), 2021-02 (58), 2021-01 (40)` */
export function monthsSummary(months: readonly MonthCount[]): string {
  if (!months.length) return 'no lead has a readable date';
  const span =
    months.length === 1
      ? months[0]!.month
      : `${months[0]!.month} to ${months[months.length - 1]!.month}`;
  const busiest = [...months]
    .sort((a, b) => b.leads - a.leads || b.month.localeCompare(a.month))
    .slice(0, 3)
    .map((m) => `${m.month} (${m.leads})`);
  return `${span}; most leads: ${busiest.join(', ')}`;
}

/** What the month prompt offers: the month a blank answer reviews, and what the sheet holds. */
export interface MonthOffer {
  /** The month a blank answer reviews. */
  blank: string;
  /** Said after the question: where the leads are, and why the blank month is not last month. */
  hint: string;
}

/**
 * The month prompt's default: last month (`lastMonth`) when it has leads or the sheet has no
 * dated lead; else the latest month up to it that has leads (an export of 2021 reviewed in 2026
 * offers its own last month, not an empty one). Months after last month are never the default:
 * they are not over.
 */
export function monthOffer(months: readonly MonthCount[], lastMonth: string): MonthOffer {
  if (!months.length) return { blank: lastMonth, hint: '' };
  const where = `Leads are dated ${monthsSummary(months)}.`;
  if (months.some((m) => m.month === lastMonth)) return { blank: lastMonth, hint: where };
  const done = months.filter((m) => m.month < lastMonth);
  const latest = done[done.length - 1];
  if (!latest) return { blank: lastMonth, hint: `${lastMonth} has no lead. ${where}` };
  return {
    blank: latest.month,
    hint: `${lastMonth} has no lead; ${latest.month} is the last month with leads. ${where}`,
  };
}
