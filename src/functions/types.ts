import type { DateOrder } from '../core/read/dateOrder.ts';
import type { Settings } from '../core/settings/index.ts';
import type { ZoneClock } from '../core/time/zone.ts';

export interface ParamDef {
  name: string;
  description: string;
  optional?: boolean;
  /** JSDoc type shown in the generated stub; defaults to number. */
  type?: 'number' | 'string' | 'Date' | 'range';
  /** Takes a row or column of values (e.g. stage rates, weights) rather than one value. */
  list?: boolean;
}

/** What a custom function may need from the spreadsheet; loaded lazily, read-only. */
export interface FunctionEnv {
  settings(): Settings;
  /** The business calendar's clock (the settings' zone, else the spreadsheet's). */
  clock(): ZoneClock;
  /** The spreadsheet's clock: dates in cells are wall time in it, as the lead check reads them. */
  sheetClock(): ZoneClock;
  /** The spreadsheet locale's day/month order, for a column whose dates prove none. */
  localeOrder(): DateOrder;
  /** The order the last lead check proved for a column, by its header; null when none. */
  knownOrder(header: string): DateOrder | null;
  nowMs(): number;
}

/** One value, one row of values, or a table. */
export type FunctionResult = unknown;

export interface CustomFunctionDef {
  name: string;
  /** One line shown in Sheets' autocomplete. */
  description: string;
  /** What it returns, for the README and the JSDoc. */
  returns: string;
  example: string;
  params: readonly ParamDef[];
  /**
   * Computes one row. Scalar params arrive as single values, list params as flat lists.
   * Throws an InputError (message `FN: arg …`) on bad input.
   */
  compute(args: readonly unknown[], env: FunctionEnv): FunctionResult;
  /** In a single call (no ranges), turns the row result into what the cell shows (SLA_FUNNEL's table). */
  formatSingle?(result: FunctionResult): unknown;
  /** In a single call, the flat result takes the 2-D shape of this list param (SLA_SPREAD). */
  resultShapeOf?: number;
  /** Handles whole ranges itself (SLA_SCORE); the generic per-row handling is skipped. */
  rangeAware?: boolean;
}
