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

export function scoringDateReader(
  compiled: CompiledScoring,
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: ScoringDateOptions,
): InstantReader {
  const columns = new Set(compiled.criteria.filter((c) => c.readsDate).map((c) => c.col));
  if (compiled.decay) columns.add(compiled.decay.col);
  const orders = new Map<number, DateOrder | null>();
  for (const col of columns) {
    const found = inferDateOrder(
      rows.map((r) => r[col]),
      () => options.knownOrder?.(String(header[col] ?? '').trim()) ?? resolve(options.localeOrder),
    );
    orders.set(col, found.order);
  }
  return (value, col) => {
    const order = orders.get(col);
    // a column that proves both orders reads its ambiguous dates as no date (dateOrder.ts)
    const dateOptions =
      order === undefined
        ? undefined
        : order === null
          ? { undecided: 'mixed day/month orders' }
          : { dayFirst: order === 'dmy' };
    const read = readInstant(value, options.clock, dateOptions);
    return read.kind === 'instant' ? read.ms : null;
  };
}

function resolve(order: LocaleOrder): DateOrder {
  return typeof order === 'function' ? order() : order;
}
