/**
 * Every top-level function Apps Script calls by name, described once: the simple triggers, the
 * menu items, the monitoring timer and the sidebar's server calls (`sidebar: true`).
 *
 * From this table main.ts exports each `run` under its name, the build writes one top-level
 * stub per entry (`function name(params) { return SLA.name(params); }`) and checks both ways
 * that table and exports agree, the menu names its items, and the sidebar derives its typed
 * `google.script.run` client (`SidebarFunctions`).
 */
import { checkLeadsNow } from './sheets/check.ts';
import { type MENU, type MenuItem, onOpen, showSidebar } from './sheets/menu.ts';
import { onSlaTimer, startMonitoring, stopMonitoring } from './sheets/monitoring.ts';
import { onEdit } from './sheets/onEdit.ts';
import { runMonthlyReview, sidebarReview } from './sheets/review.ts';
import { setUpWorkbook } from './sheets/setup.ts';
import {
  sidebarLoad,
  sidebarPreview,
  sidebarSave,
  sidebarSetMonitoring,
} from './sheets/sidebarApi.ts';
import { sidebarTeam } from './sheets/teamApi.ts';

type Run = (...args: never[]) => unknown;
/** One name per parameter of the run: tsc refuses a missing or an extra one. */
type ParamNames<P extends readonly unknown[]> = { readonly [I in keyof P]-?: string };

export interface EntryPoint<N extends string = string, F extends Run = Run> {
  readonly name: N;
  /** The stub's parameter names, passed on to `run` in order. */
  readonly params: ParamNames<Parameters<F>>;
  readonly run: F;
  /** Callable from the sidebar through `google.script.run`. */
  readonly sidebar?: true;
}

function entry<const N extends string, F extends Run>(
  name: N,
  params: NoInfer<ParamNames<Parameters<F>>>,
  run: F,
): EntryPoint<N, F> {
  return { name, params, run };
}

function sidebarEntry<const N extends string, F extends Run>(
  name: N,
  params: NoInfer<ParamNames<Parameters<F>>>,
  run: F,
): EntryPoint<N, F> & { readonly sidebar: true } {
  return { name, params, run, sidebar: true };
}

export const ENTRY_POINTS = [
  entry('onOpen', ['e'], onOpen),
  entry('onInstall', ['e'], onOpen),
  entry('onEdit', ['e'], onEdit),
  entry('showSidebar', [], showSidebar),
  entry('setUpWorkbook', [], setUpWorkbook),
  sidebarEntry('checkLeadsNow', [], checkLeadsNow),
  entry('startMonitoring', [], startMonitoring),
  entry('stopMonitoring', [], stopMonitoring),
  entry('onSlaTimer', ['e'], onSlaTimer),
  sidebarEntry('sidebarLoad', [], sidebarLoad),
  sidebarEntry('sidebarPreview', ['settingsJson'], sidebarPreview),
  sidebarEntry('sidebarSave', ['settingsJson', 'agree'], sidebarSave),
  sidebarEntry('sidebarSetMonitoring', ['on', 'minutes'], sidebarSetMonitoring),
  sidebarEntry('sidebarTeam', [], sidebarTeam),
  entry('runMonthlyReview', ['month'], runMonthlyReview),
  sidebarEntry('sidebarReview', ['month'], sidebarReview),
] as const;

type Entry = (typeof ENTRY_POINTS)[number];
export type EntryPointName = Entry['name'];
/** The menu's items name entry points of this table: tsc refuses a renamed or removed one. */
type NamesEntryPoints<T extends readonly MenuItem<EntryPointName>[]> = T;
export type CheckedMenu = NamesEntryPoints<typeof MENU>;
/** Each entry's run under its name: the bundle's exports. */
export type EntryPointFunctions = { [E in Entry as E['name']]: E['run'] };
/** The server functions the sidebar may call, under their names. */
export type SidebarFunctions = {
  [E in Extract<Entry, { sidebar: true }> as E['name']]: E['run'];
};

export function entryPointFunctions(): EntryPointFunctions {
  return Object.fromEntries(ENTRY_POINTS.map((e) => [e.name, e.run])) as EntryPointFunctions;
}

/** Names and parameter names, in table order: what the build reads to write the stubs. */
export const entryPoints: ReadonlyArray<{ name: string; params: readonly string[] }> =
  ENTRY_POINTS.map(({ name, params }) => ({ name, params }));
