/**
 * The bundle's exports, assigned to the global `SLA` (its default export): every entry point
 * of ENTRY_POINTS under its name, the metadata the build reads to write the top-level stubs,
 * and the helpers that the stubs and the tests call but Apps Script never calls by name.
 */

import { entryPointFunctions, entryPoints } from './entryPoints.ts';
import { runCustomFunction as runOnRanges } from './functions/ranges.ts';
import { CUSTOM_FUNCTIONS, findCustomFunction } from './functions/registry.ts';
import type { FunctionEnv } from './functions/types.ts';
import { regenerateAgreement } from './sheets/agreement.ts';
import { checkHooks } from './sheets/check.ts';
import { functionEnv } from './sheets/functionEnv.ts';
import { monitoringState } from './sheets/monitoring.ts';
import { runMonthlyReviewIfDue } from './sheets/review.ts';

/** Registry metadata the build reads to generate the custom-function stubs. */
const customFunctions = CUSTOM_FUNCTIONS.map((f) => ({
  name: f.name,
  description: f.description,
  returns: f.returns,
  example: f.example,
  params: f.params.map((p) => ({
    name: p.name,
    description: p.description,
    optional: Boolean(p.optional),
    list: Boolean(p.list),
    type: p.type ?? (p.list ? 'range' : 'number'),
  })),
}));

/** What every custom-function stub calls. */
function runCustomFunction(
  name: string,
  args: unknown[],
  env: FunctionEnv = functionEnv(),
): unknown {
  const def = findCustomFunction(name);
  if (!def) throw new Error(`Unknown custom function ${name}`);
  return runOnRanges(def, args, env);
}

/**
 * Functions exported beside the entry points: the dispatcher every custom-function stub calls,
 * and three shell functions the integration tests call through `SLA`.
 */
const HELPERS = { runCustomFunction, monitoringState, regenerateAgreement, runMonthlyReviewIfDue };

export default {
  ...entryPointFunctions(),
  ...HELPERS,
  /** Test seam: the check's write. */
  checkHooks,
  customFunctions,
  entryPoints,
  /** Names of the exported functions that are not entry points (the build checks the rest). */
  helpers: Object.keys(HELPERS),
};
