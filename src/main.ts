/**
 * The bundle's exports, assigned to the global `SLA`. The build appends one top-level
 * function per entry point and per custom function, calling into these.
 */

import { runCustomFunction as runOnRanges } from './functions/ranges.ts';
import { CUSTOM_FUNCTIONS, findCustomFunction } from './functions/registry.ts';
import type { FunctionEnv } from './functions/types.ts';
import { regenerateAgreement, writeAgreementSheet } from './sheets/agreement.ts';
import { checkHooks, checkLeadsNow as runCheckLeadsNow } from './sheets/check.ts';
import { functionEnv } from './sheets/functionEnv.ts';
import { buildMenu } from './sheets/menu.ts';
import {
  monitoringState,
  onSlaTimer as runSlaTimer,
  startMonitoring as runStartMonitoring,
  stopMonitoring as runStopMonitoring,
} from './sheets/monitoring.ts';
import {
  runMonthlyReview as runReview,
  runMonthlyReviewIfDue as runReviewIfDue,
} from './sheets/review.ts';
import { setUpWorkbookEntry } from './sheets/setup.ts';
import {
  sidebarLoad as runSidebarLoad,
  sidebarPreview as runSidebarPreview,
  sidebarSave as runSidebarSave,
  sidebarSetMonitoring as runSidebarSetMonitoring,
  type MonitoringState as SidebarMonitoring,
  type SidebarPreviewResult,
  type SidebarSaveResult,
  type SidebarState,
} from './sheets/sidebarApi.ts';

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

export function checkLeadsNow(): void {
  runCheckLeadsNow();
}

export function startMonitoring(): void {
  runStartMonitoring();
}

export function stopMonitoring(): void {
  runStopMonitoring();
}

/** The time-driven handler installed by startMonitoring. */
export function onSlaTimer(e?: unknown): void {
  runSlaTimer(e);
}

/** For the sidebar (monitoring on/off) and for tests (the check's write seam). */
export { checkHooks, monitoringState };

/** Sidebar server calls (google.script.run): each validates its untrusted input. */
export function sidebarLoad(): SidebarState {
  return runSidebarLoad();
}

export function sidebarPreview(settingsJson: unknown): SidebarPreviewResult {
  return runSidebarPreview(settingsJson);
}

export function sidebarSave(settingsJson: unknown): SidebarSaveResult {
  return runSidebarSave(settingsJson);
}

export function sidebarSetMonitoring(on: unknown, minutes: unknown): SidebarMonitoring {
  return runSidebarSetMonitoring(on, minutes);
}

/** Menu: asks for the month (default last month) and writes `SLA Review YYYY-MM`. */
export function runMonthlyReview(month?: unknown): void {
  runReview(month);
}

/** The monitoring trigger's hook: last month's review, once, on the first run of a month. */
export function runMonthlyReviewIfDue(now?: Date): string | null {
  return runReviewIfDue(now ?? new Date());
}

/** For the sidebar's save: rewrites only the SLA Agreement sheet. */
export { regenerateAgreement };

/** Top-level functions the build exposes, with their parameter names. */
export const entryPoints: Record<string, string[]> = {
  onOpen: ['e'],
  onInstall: ['e'],
  showSidebar: [],
  setUpWorkbook: [],
  checkLeadsNow: [],
  startMonitoring: [],
  stopMonitoring: [],
  onSlaTimer: ['e'],
  sidebarLoad: [],
  sidebarPreview: ['settingsJson'],
  sidebarSave: ['settingsJson'],
  sidebarSetMonitoring: ['on', 'minutes'],
  runMonthlyReview: ['month'],
};
