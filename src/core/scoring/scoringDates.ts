import { type DateOrder, inferDateOrder, type LocaleOrder } from '../read/dateOrder.ts';
import { readInstant } from '../read/dates.ts';
import type { ZoneClock } from '../time/zone.ts';
import type { CompiledScoring, InstantReader } from './scoring.ts';

/**
 * How scoring reads its date columns (a `withinDays` criterion, the interest decay): each
 * column in the day/month order its own values prove, as the lead reader does for the SLA
 * dates (dateOrder.ts), else the order the last check stored for it, else the spreadsheet
 * locale's. The check, SLA_SCORE and the sidebar's preview all read through this one reader,
 * so a formula and the check give a row the same score.
 */

export interface ScoringDateOptions {
  /** The spreadsheet's zone: dates typed as text or serial numbers are wall time in it. */
  clock: ZoneClock;
  localeOrder: LocaleOrder;
  /** The order the last check proved for a header, when the rows at hand prove none. */
  knownOrder?: (header: string) => DateOrder | null;
}

export interface ScoringDates {
  read: InstantReader;
  /** The orders these rows' own values proved, by header: what a check stores for the others. */
  proven: Array<[header: string, order: DateOrder]>;
}

export function scoringDates(
  compiled: CompiledScoring,
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: ScoringDateOptions,
): ScoringDates {
  const columns = new Set(compiled.criteria.filter((c) => c.readsDate).map((c) => c.col));
  if (compiled.decay) columns.add(compiled.decay.col);
  const orders = new Map<number, DateOrder | null>();
  const proven: ScoringDates['proven'] = [];
  for (const col of columns) {
    const name = String(header[col] ?? '').trim();
    const found = inferDateOrder(
      rows.map((r) => r[col]),
      () => options.knownOrder?.(name) ?? resolve(options.localeOrder),
    );
    orders.set(col, found.order);
    if (found.basis === 'values' && found.order) proven.push([name, found.order]);
  }
  const read: InstantReader = (value, col) => {
    const order = orders.get(col);
    // a column that proves both orders reads its ambiguous dates as no date (dateOrder.ts)
    const dateOptions =
      order === undefined
        ? undefined
        : order === null
          ? { undecided: 'mixed day/month orders' }
          : { dayFirst: order === 'dmy' };
    const r = readInstant(value, options.clock, dateOptions);
    return r.kind === 'instant' ? r.ms : null;
  };
  return { read, proven };
}

function resolve(order: LocaleOrder): DateOrder {
  return typeof order === 'function' ? order() : order;
}
