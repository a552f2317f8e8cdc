/**
 * The sidebar's state: what the server sent, the draft settings being edited, the saved
 * baseline (dirty tracking) and the validation issues by settings path.
 */
import { headerKey } from '../src/core/common/headers.ts';
import { parseSettings, type Settings, type SettingsIssue } from '../src/core/settings/index.ts';
import type { SidebarState } from '../src/sidebarContract.ts';

export type TabId =
  | 'scoring'
  | 'fields'
  | 'handoff'
  | 'calendar'
  | 'plan'
  | 'definitions'
  | 'monitoring';

interface State {
  server: SidebarState | null;
  draft: Settings;
  /** The saved settings, canonical JSON. */
  baseline: string;
  /** The draft as the server would store it (schema key order), or its raw JSON when invalid. */
  draftJson: string;
  issues: SettingsIssue[];
  activeTab: TabId;
  saving: boolean;
  /** Leads headers, compared as `headerKey`s. */
  headerKeys: Set<string>;
}

export const state: State = {
  server: null,
  draft: undefined as unknown as Settings,
  baseline: '',
  draftJson: '',
  issues: [],
  activeTab: 'scoring',
  saving: false,
  headerKeys: new Set(),
};

/**
 * What the panels ask of the shell, wired by main.ts (the tabs do not import the shell).
 * `changed` after an edit; `restructure` after adding, removing or reordering; `renderPanel`
 * to redraw a panel without revalidating.
 */
export const ui = {
  changed: (): void => undefined,
  restructure: (_tab: TabId, _focusKey?: string): void => undefined,
  renderPanel: (_tab: TabId, _focusKey?: string): void => undefined,
};

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Settings as JSON in the schema's key order, so equal settings compare equal. */
export function canonical(s: Settings): string {
  const result = parseSettings(s);
  return JSON.stringify(result.ok ? result.settings : s);
}

/** Starts editing what the server sent. */
export function loadServerState(server: SidebarState): void {
  state.server = server;
  state.draft = clone(server.settings);
  state.baseline = canonical(server.settings);
  state.headerKeys = new Set(server.leadsHeaders.map(headerKey));
}

interface Check {
  /** Issues the schema cannot see (e.g. an unknown time zone). */
  extra?: (s: Settings) => SettingsIssue[];
  /** Moves a schema issue to the path of the field that shows it (null: drop it). */
  move?: (issue: SettingsIssue) => SettingsIssue | null;
}
const checks: Check[] = [];

export function addCheck(check: Check): void {
  checks.push(check);
}

/** Validates the draft with the shared schema, plus the checks the tabs added. */
export function validate(): void {
  const result = parseSettings(state.draft);
  let issues = result.ok ? [] : result.issues;
  for (const c of checks) {
    const move = c.move;
    if (move) issues = issues.map(move).filter((i): i is SettingsIssue => i !== null);
    if (c.extra) issues = issues.concat(c.extra(state.draft));
  }
  state.issues = issues;
  state.draftJson = JSON.stringify(result.ok ? result.settings : state.draft);
}

export function isDirty(): boolean {
  return state.draftJson !== state.baseline;
}
