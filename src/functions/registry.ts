import { LEAD_FUNCTIONS } from './leads.ts';
import { PLANNING_FUNCTIONS } from './planning.ts';
import type { CustomFunctionDef } from './types.ts';

/** Every custom function the add-in exposes, described once. The build generates the stubs from it. */
export const CUSTOM_FUNCTIONS: readonly CustomFunctionDef[] = [
  ...PLANNING_FUNCTIONS,
  ...LEAD_FUNCTIONS,
];

export function findCustomFunction(name: string): CustomFunctionDef | undefined {
  return CUSTOM_FUNCTIONS.find((f) => f.name === name);
}
