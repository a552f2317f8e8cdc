import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/settings/index.ts';
import type { FunctionEnv } from '../../src/functions/types.ts';
import { customFunctionCaller } from '../fixtures/functions.ts';
import { SEEDS_FUNNEL } from '../fixtures/planning.ts';

const env: FunctionEnv = {
  settings: () => defaultSettings(),
  clock: () => {
    throw new Error('no clock in planning tests');
  },
  sheetClock: () => {
    throw new Error('no clock in planning tests');
  },
  localeOrder: () => 'dmy',
  knownOrder: () => null,
  nowMs: () => Date.UTC(2026, 10, 23),
};

const call = customFunctionCaller(() => env);

describe('the seeds example through the custom functions', () => {
  it('SLA_FUNNEL gives the header and 3200 / 1600 / 800 / 400 / 200 / 100', () => {
    expect(call('SLA_FUNNEL', 100000, 1000, 0.5)).toEqual(SEEDS_FUNNEL);
  });
  it('SLA_MQL_NEEDED = 800, SLA_REPS = 2.127…, SLA_WEEKLY = 17.02…', () => {
    expect(call('SLA_MQL_NEEDED', 100000, 1000, 0.5)).toBe(800);
    expect(call('SLA_REPS', 800, 47, 8)).toBeCloseTo(2.1276595, 6);
    expect(call('SLA_REPS', 800, 47, 8, 'up')).toBe(3);
    expect(call('SLA_REPS', 800, 47, 8, 'nearest')).toBe(2);
    expect(call('SLA_REPS', 800, 47, 8, ' UP ')).toBe(3);
    expect(call('SLA_WEEKLY', 800, 47)).toBeCloseTo(17.0212766, 6);
    expect(call('SLA_CUSTOMERS_NEEDED', 100000, 1000)).toBe(100);
    expect(call('SLA_LEADS_GOAL', 100000, 1, 1000, 0.0625)).toBe(1600);
  });
  it('accepts three stage rates as a row or a column, and five for the funnel', () => {
    expect(call('SLA_MQL_NEEDED', 100000, 1000, [[0.5, 0.5, 0.5]])).toBe(800);
    expect(call('SLA_MQL_NEEDED', 100000, 1000, [[0.5], [0.25], [0.5]])).toBe(1600);
    expect(call('SLA_FUNNEL', 100000, 1000, [[0.5, 0.5, 0.5, 0.5, 0.5]])).toHaveLength(7);
  });
  it('applies the marketing share', () => {
    expect(call('SLA_CUSTOMERS_NEEDED', 100000, 1000, 0.6)).toBe(60);
    expect(call('SLA_MQL_NEEDED', 100000, 1000, 0.5, 0.5)).toBe(400);
  });
});

describe('inputs users really type', () => {
  it('reads numbers stored as text, currency and percent text', () => {
    expect(call('SLA_CUSTOMERS_NEEDED', '100 000', '1,000.50')).toBe(100);
    expect(call('SLA_CUSTOMERS_NEEDED', '€100,000', '1 000 €')).toBe(100);
    expect(call('SLA_MQL_NEEDED', 100000, 1000, '50 %')).toBe(800);
  });
  it('treats empty optional arguments as their default', () => {
    expect(call('SLA_CUSTOMERS_NEEDED', 100000, 1000, '')).toBe(100);
    expect(call('SLA_CUSTOMERS_NEEDED', 100000, 1000, undefined)).toBe(100);
    expect(call('SLA_REPS', 800, 47, 8, '')).toBeCloseTo(2.1276, 3);
  });
  it('throws errors that name the function, the argument, the value and the fix', () => {
    expect(() => call('SLA_REPS', 800, 47, 0)).toThrow(
      'SLA_REPS: mql_per_rep_per_week must be above 0 (got 0)',
    );
    expect(() => call('SLA_MQL_NEEDED', 100000, 1000, 50)).toThrow(
      'SLA_MQL_NEEDED: stage_rates must be a rate between 0 % and 100 % (got 50): write 50% (or 0.5) instead of 50',
    );
    expect(() => call('SLA_MQL_NEEDED', 100000, 1000, 0)).toThrow(/division by zero/);
    expect(() => call('SLA_CUSTOMERS_NEEDED', new Date(2026, 0, 1), 1000)).toThrow(
      'SLA_CUSTOMERS_NEEDED: revenue_goal must be a number, not a date (got the date 2026-01-01): format the cell as a number',
    );
    expect(() => call('SLA_WEEKLY', 'lots', 47)).toThrow(
      'SLA_WEEKLY: total must be a number (got "lots")',
    );
    expect(() => call('SLA_REPS', 800, 47, 8, 'ceil')).toThrow(
      'SLA_REPS: rounding must be "none", "up" or "nearest" (got "ceil")',
    );
    expect(() => call('SLA_FUNNEL', 100000, 1000, [[0.5, 0.5]])).toThrow(
      'SLA_FUNNEL: stage_rates must be one rate or 5 rates (got 2)',
    );
    expect(() => call('SLA_CUSTOMERS_NEEDED', '', 1000)).toThrow(
      'SLA_CUSTOMERS_NEEDED: revenue_goal is required (got blank): enter a number',
    );
  });
});

describe('column ranges', () => {
  it('computes one result per row; blank rows blank; a bad row gets its own message', () => {
    const goals = [[100000], [''], [200000], ['abc'], [50000]];
    expect(call('SLA_CUSTOMERS_NEEDED', goals, 1000)).toEqual([
      [100],
      [''],
      [200],
      ['revenue_goal must be a number (got "abc"): type digits only, e.g. 1000 or 1 000'],
      [50],
    ]);
  });
  it('pairs several columns row by row', () => {
    expect(call('SLA_REPS', [[800], [400]], [[47], [40]], [[8], [0]])).toEqual([
      [800 / 47 / 8],
      ['mql_per_rep_per_week must be above 0 (got 0)'],
    ]);
  });
  it('accepts a per-row column of rates beside columns of goals', () => {
    expect(call('SLA_MQL_NEEDED', [[100000], [100000]], 1000, [[0.5], [0.25]])).toEqual([
      [800],
      [6400],
    ]);
  });
  it('returns one row of six counts per input row for SLA_FUNNEL', () => {
    expect(call('SLA_FUNNEL', [[100000], [200000]], 1000, 0.5)).toEqual([
      [3200, 1600, 800, 400, 200, 100],
      [6400, 3200, 1600, 800, 400, 200],
    ]);
  });
  it('refuses ranges of different heights with a clear message', () => {
    expect(() => call('SLA_WEEKLY', [[1], [2], [3]], [[47], [47]])).toThrow(
      'SLA_WEEKLY: working_weeks has 2 rows but total has 3: give ranges of the same height',
    );
  });
  it('follows a row range horizontally', () => {
    expect(call('SLA_WEEKLY', [[470, 940]], 47)).toEqual([[10, 20]]);
  });
});

describe('SLA_SPREAD', () => {
  it('returns the shape of the weights and adds up exactly', () => {
    const row = call('SLA_SPREAD', 800, [[9, 9, 10, 9, 9, 8, 5, 4, 9, 10, 10, 8]]) as number[][];
    expect(row).toHaveLength(1);
    expect(row[0]).toHaveLength(12);
    expect(row[0]!.reduce((a, b) => a + b, 0)).toBe(800);
    const column = call('SLA_SPREAD', 10, [[1], [1], [1]]);
    expect(column).toEqual([[4], [3], [3]]);
  });
  it('explains bad weights and totals', () => {
    expect(() => call('SLA_SPREAD', 10, [[0, 0]])).toThrow(
      'SLA_SPREAD: weights must have at least one weight above 0',
    );
    expect(() => call('SLA_SPREAD', 10, [[1, -1]])).toThrow(
      'SLA_SPREAD: weights must be 0 or more (got -1)',
    );
    expect(() => call('SLA_SPREAD', 10.5, [[1, 1]])).toThrow(
      'SLA_SPREAD: total must be a whole number (got 10.5)',
    );
    expect(call('SLA_SPREAD', 800.0000001, [[1, 1]])).toEqual([[400, 400]]);
  });
});

describe('input messages, word for word', () => {
  it('asks for the stage rates when none is given', () => {
    expect(() => call('SLA_FUNNEL', 100000, 1000, '')).toThrow(
      'SLA_FUNNEL: stage_rates is required: enter one rate such as 50%, or 5 rates',
    );
  });

  it('says how many stage rates it takes', () => {
    expect(() => call('SLA_FUNNEL', 100000, 1000, [[0.5, 0.5]])).toThrow(
      'SLA_FUNNEL: stage_rates must be one rate or 5 rates (got 2): give one rate for every step, or one per step in funnel order',
    );
  });

  it('asks for the weights when none is given', () => {
    expect(() => call('SLA_SPREAD', 10, '')).toThrow(
      'SLA_SPREAD: weights is required: give a row or column of weights',
    );
  });

  it('says what the weights received when none is above 0', () => {
    expect(() => call('SLA_SPREAD', 10, [[0, '']])).toThrow(
      'SLA_SPREAD: weights must have at least one weight above 0 (got all zero or blank)',
    );
  });

  it('refuses a two-dimensional range for a single value', () => {
    expect(() =>
      call(
        'SLA_WEEKLY',
        [
          [1, 2],
          [3, 4],
        ],
        47,
      ),
    ).toThrow('SLA_WEEKLY: total must be one value or a single column (got a 2 × 2 range)');
  });
});
