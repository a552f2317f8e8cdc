/**
 * The bundle's exports, assigned to the global `SLA`. The build appends one top-level
 * function per entry point and per custom function, calling into these.
 */

import { runCustomFunction as runOnRanges } from './functions/ranges.ts';
import { CUSTOM_FUNCTIONS, findCustomFunction } from './functions/registry.ts';
import type { FunctionEnv } from './functions/types.ts';
import { writeAgreementSheet } from './sheets/agreementPlaceholder.ts';
import { functionEnv } from './sheets/functionEnv.ts';
import { buildMenu } from './sheets/menu.ts';
import { setUpWorkbookEntry } from './sheets/setup.ts';

/** Registry metadata the build reads to generate the custom-function stubs. */
export const customFunctions = CUSTOM_FUNCTIONS.map((f) => ({
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

export function runCustomFunction(
  name: string,
  args: unknown[],
  env: FunctionEnv = functionEnv(),
): unknown {
  const def = findCustomFunction(name);
  if (!def) throw new Error(`Unknown custom function ${name}`);
  return runOnRanges(def, args, env);
}

export function onOpen(_e?: { authMode?: unknown }): void {
  buildMenu();
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('SLA Sheets').setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function setUpWorkbook(): void {
  setUpWorkbookEntry(writeAgreementSheet);
}

/** Top-level functions the build exposes, with their parameter names. */
export const entryPoints: Record<string, string[]> = {
  onOpen: ['e'],
  onInstall: ['e'],
  showSidebar: [],
  setUpWorkbook: [],
};
