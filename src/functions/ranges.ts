import { isBlank } from '../core/common/cell.ts';
import { InputError } from '../core/common/errors.ts';

import type { CustomFunctionDef, FunctionEnv } from './types.ts';

type Grid = unknown[][];

function isGrid(value: unknown): value is Grid {
  return Array.isArray(value) && value.every(Array.isArray);
}

interface Vector {
  values: unknown[];
  horizontal: boolean;
}

/** A scalar argument given as a range: a column (or a row) of values, one per result row. */
function asVector(value: unknown): Vector | null {
  if (!isGrid(value)) return null;
  const rows = value.length;
  const cols = rows ? value[0]!.length : 0;
  if (rows * cols <= 1) return null;
  if (cols === 1) return { values: value.map((r) => r[0]), horizontal: false };
  if (rows === 1) return { values: value[0]!.slice(), horizontal: true };
  return null;
}

function scalarOf(value: unknown): unknown {
  return isGrid(value) ? (value[0]?.[0] ?? '') : value;
}

function flatten(value: unknown): unknown[] {
  if (isGrid(value)) return value.flat();
  if (Array.isArray(value)) return value.slice();
  return isBlank(value) ? [] : [value];
}

/** The message without the leading `FN: ` when it is about `fn` (the cell already says so). */
function shortMessage(fn: string, error: InputError): string {
  return error.fn === fn ? error.message.slice(fn.length + 2) : error.message;
}

type Plan =
  | { kind: 'constant'; value: unknown }
  | { kind: 'column'; values: unknown[]; horizontal: boolean }
  | { kind: 'rows'; rows: unknown[][] };

function planArgs(def: CustomFunctionDef, raw: readonly unknown[]): Plan[] {
  const plans: Plan[] = def.params.map((p, i): Plan => {
    const value = raw[i];
    if (p.list) return { kind: 'constant', value: flatten(value) };
    const vector = asVector(value);
    if (vector) return { kind: 'column', ...vector };
    if (isGrid(value) && value.length > 1) {
      throw new InputError({
        fn: def.name,
        arg: p.name,
        problem: 'must be one value or a single column',
        received: `a ${value.length} × ${value[0]?.length ?? 0} range`,
      });
    }
    return { kind: 'constant', value: scalarOf(value) };
  });
  const lengths = plans.flatMap((p) => (p.kind === 'column' ? [p.values.length] : []));
  const n = lengths[0];
  // A list argument becomes one list per row when it is a table as tall as the column arguments.
  def.params.forEach((p, i) => {
    const value = raw[i];
    if (!p.list || !isGrid(value) || value.length <= 1) return;
    const wide = (value[0]?.length ?? 0) > 1;
    if (
      (wide && (n === undefined || value.length === n)) ||
      (!wide && n !== undefined && value.length === n)
    ) {
      plans[i] = { kind: 'rows', rows: value.map((r) => r.slice()) };
    }
  });
  return plans;
}

function checkHeights(def: CustomFunctionDef, plans: Plan[]): number {
  let height = 0;
  let first = '';
  plans.forEach((plan, i) => {
    const h =
      plan.kind === 'column' ? plan.values.length : plan.kind === 'rows' ? plan.rows.length : 0;
    if (!h) return;
    const name = def.params[i]!.name;
    if (!height) {
      height = h;
      first = name;
    } else if (h !== height) {
      throw new InputError({
        fn: def.name,
        arg: name,
        problem: `has ${h} rows but ${first} has ${height}`,
        fix: 'give ranges of the same height',
      });
    }
  });
  return height;
}

function rowArgs(plans: Plan[], i: number): { args: unknown[]; blank: boolean } {
  let blank = true;
  const args = plans.map((plan) => {
    if (plan.kind === 'constant') return plan.value;
    const v = plan.kind === 'column' ? plan.values[i] : plan.rows[i]!;
    if (plan.kind === 'column' ? !isBlank(v) : (v as unknown[]).some((x) => !isBlank(x)))
      blank = false;
    return v;
  });
  return { args, blank };
}

function reshape(flat: unknown[], like: unknown): unknown {
  if (!isGrid(like)) return flat.length === 1 ? flat[0] : [flat];
  let k = 0;
  return like.map((row) => row.map(() => flat[k++] ?? ''));
}

/**
 * Runs a custom function on single values or whole ranges. With ranges, each row computes on
 * its own: blank rows give blank results and a bad row shows its message in its own cell.
 */
export function runCustomFunction(
  def: CustomFunctionDef,
  raw: readonly unknown[],
  env: FunctionEnv,
): unknown {
  if (def.rangeAware) return def.compute(raw, env);
  const plans = planArgs(def, raw);
  const height = checkHeights(def, plans);
  if (!height) {
    const result = def.compute(
      plans.map((p) => (p.kind === 'constant' ? p.value : null)),
      env,
    );
    if (def.formatSingle) return def.formatSingle(result);
    return def.resultShapeOf !== undefined && Array.isArray(result)
      ? reshape(result, raw[def.resultShapeOf])
      : result;
  }
  const horizontal = plans.some((p) => p.kind === 'column' && p.horizontal);
  const rows: unknown[][] = new Array(height);
  let width = 1;
  for (let i = 0; i < height; i++) {
    const { args, blank } = rowArgs(plans, i);
    let row: unknown[];
    if (blank) row = [''];
    else {
      try {
        const result = def.compute(args, env);
        row = Array.isArray(result) ? result : [result];
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        row = [shortMessage(def.name, error)];
      }
    }
    if (row.length > width) width = row.length;
    rows[i] = row;
  }
  const table = rows.map((r) =>
    r.length < width ? r.concat(new Array(width - r.length).fill('')) : r,
  );
  return horizontal ? table[0]!.map((_, c) => table.map((r) => r[c])) : table;
}
