/**
 * An input the user can fix. The message names the function, the argument, the value received
 * and the fix, e.g. `SLA_REPS: mql_per_rep_per_week must be above 0 (got 0)`.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Where a value came from, for error messages. */
export interface ArgRef {
  fn: string;
  arg: string;
}

/** Renders a received value the way the user typed it, short. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'blank';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = value as Date;
    return Number.isNaN(d.getTime())
      ? 'an invalid date'
      : `the date ${d.toISOString().slice(0, 10)}`;
  }
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

export function inputError(ref: ArgRef, problem: string, value: unknown, fix?: string): InputError {
  return new InputError(
    `${ref.fn}: ${ref.arg} ${problem} (got ${showValue(value)})${fix ? `: ${fix}` : ''}`,
  );
}
