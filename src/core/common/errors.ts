import { showValue } from './cell.ts';

/** Where a value came from, for error messages. */
export interface ArgRef {
  fn: string;
  arg: string;
}

/** The parts of an input error message. */
export interface InputProblem extends ArgRef {
  /** What is wrong, e.g. `must be above 0`, `is required`. */
  problem: string;
  /** The value received as the message shows it (`0`, `"abc"`, `an object`); none when not useful. */
  received?: string;
  /** How to fix it, e.g. `enter a number`. */
  fix?: string;
}

/**
 * An input the user can fix. The message names the function, the argument, the value received
 * and the fix, e.g. `SLA_REPS: mql_per_rep_per_week must be above 0 (got 0)`.
 */
export class InputError extends Error {
  declare readonly fn: string;
  declare readonly arg: string;
  declare readonly problem: string;
  declare readonly received: string | undefined;
  declare readonly fix: string | undefined;

  constructor(parts: InputProblem) {
    super(inputMessage(parts));
    this.name = 'InputError';
    Object.assign(this, parts);
  }
}

/** `FN: arg problem (got X): fix`, each of the last two only when given. */
function inputMessage(p: InputProblem): string {
  const got = p.received === undefined ? '' : ` (got ${p.received})`;
  return `${p.fn}: ${p.arg} ${p.problem}${got}${p.fix ? `: ${p.fix}` : ''}`;
}

/** An InputError for a received cell value, shown as the user typed it. */
export function inputError(ref: ArgRef, problem: string, value: unknown, fix?: string): InputError {
  return new InputError({ ...ref, problem, received: showValue(value), fix });
}

/** The message of an error (from any realm), without the `Error: ` prefix. */
export function errorText(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
