import { showValue } from './cell.ts';

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

export function inputError(ref: ArgRef, problem: string, value: unknown, fix?: string): InputError {
  return new InputError(
    `${ref.fn}: ${ref.arg} ${problem} (got ${showValue(value)})${fix ? `: ${fix}` : ''}`,
  );
}

/** The message of an error (from any realm), without the `Error: ` prefix. */
export function errorText(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
