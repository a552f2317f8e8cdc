/**
 * What crosses `google.script.run` between the sidebar and the server, in one place. Both sides
 * import these types (the sidebar with `import type` only), so this module holds types and no
 * Apps Script globals. Values are JSON only: dates travel as ISO strings.
 *
 * Which server functions the sidebar may call, with which arguments, is not written here: it
 * is derived from the entry-point table (`SidebarFunctions` in entryPoints.ts).
 */

import type { RulesPreview } from './core/preview/rulesPreview.ts';
import type { Settings } from './core/settings/index.ts';
import type { ReadReportData } from './core/sla/checkSummary.ts';
import type { CheckExtras, StatusCounts } from './core/sla/leadCheck.ts';

/** One line of the run log (newest first), kept in the document properties. */
export interface RunLogEntry {
  /** ISO time the run started. */
  at: string;
  kind: 'check' | 'review' | 'settings' | 'setup';
  trigger: 'timer' | 'manual' | 'sidebar';
  rows?: number;
  counts?: Record<string, number>;
  durationMs?: number;
  /** One line the user can act on, when the run failed or was skipped. */
  error?: string;
  notes?: string[];
}

/** The monitoring timer as the sidebar shows it. */
export interface MonitoringState {
  /** A timer checks this document: this user's, or a collaborator's that still runs. */
  on: boolean;
  /** Minutes between checks (the settings' frequency when the trigger's is unknown). */
  minutes: number;
  /** The timer is this user's (a collaborator's timer can only be stopped by them). */
  mine?: boolean;
  /** Who runs it: an address, or "another editor of this spreadsheet". */
  runBy?: string;
  /** When it last ran (ISO). */
  lastRunAt?: string;
}

/** Everything the sidebar shows when it opens (`sidebarLoad`). */
export interface SidebarState {
  settings: Settings;
  /** Stored settings could not be used (defaults shown), or were upgraded from an older version. */
  warning?: string;
  /** Header row of the Leads sheet, non-blank cells as text (empty when there is no Leads sheet). */
  leadsHeaders: string[];
  /** Distinct non-blank values of the Leads `Source` column, most frequent first (at most 50). */
  leadsSources: string[];
  leadsSheetFound: boolean;
  /** The sheets the leads may be read from (the add-in's own left out), in tab order. */
  sheetNames: string[];
  /** The spreadsheet's own time zone (used when the calendar's is blank). */
  timeZone: string;
  runLog: RunLogEntry[];
  monitoring: MonitoringState;
}

/** The live preview of unsaved rules (`sidebarPreview`). */
export interface SidebarPreviewResult extends RulesPreview {
  leadsSheetFound: boolean;
  /** The sheet the leads were read from, null when none. */
  sheetName: string | null;
  /** Why no sheet was found, or how it was found when not by its name; else ''. */
  sheetMessage: string;
  /** ISO instant the counts were computed at. */
  computedAt: string;
  durationMs: number;
}

/** What `sidebarSave` stored, and the run log that now includes the change. */
export interface SidebarSaveResult {
  settings: Settings;
  savedAt: string;
  /** What happened to the SLA Agreement sheet (rewritten, or created when missing). */
  agreement: 'updated' | 'failed';
  migratedFrom?: number;
  warning?: string;
  runLog: RunLogEntry[];
}

/**
 * How one lead check went (timer, menu or sidebar), with the run log that now includes it, so
 * the sidebar's "Check leads now" needs no second call. Never thrown: a failure is `ok: false`.
 */
export interface CheckOutcome {
  ok: boolean;
  /** Data rows read (blank ones included). */
  rows: number;
  leads: number;
  counts: StatusCounts;
  /** One line for the user: the summary, or what went wrong. */
  message: string;
  /** Leads counted apart: untracked (older than the tracking window), untimed (contacted, no time). */
  extras: CheckExtras;
  /** What was read: the sheet, which header fed each field, what was not found. */
  read: ReadReport | null;
  notes: string[];
  durationMs: number;
  warning?: string;
  runLog: RunLogEntry[];
}

/** What the sidebar's "Make the review" did (`sidebarReview`). Never thrown: a failure is `ok: false`. */
export interface ReviewOutcome {
  ok: boolean;
  /** The month reviewed, `2021-03` (the one asked for, else last month). */
  month: string;
  /** The review sheet written; null when none was. */
  sheetName: string | null;
  /** One line for the user: what was made, or what went wrong. */
  message: string;
  /** When the month had no lead: the months that have some, `2021-03 (63)`, newest first. */
  monthsWithLeads: string[];
  runLog: RunLogEntry[];
}

/** Which sheet and headers a check read, for the sidebar, the run log and the terminal. */
export type ReadReport = ReadReportData;

/** One usable row of SLA Team, for the Team tab (`sidebarTeam`). */
export interface TeamMemberView {
  row: number;
  owner: string;
  email: string;
  managerEmail: string;
  notify: boolean;
  timeZone: string;
  /** `away until 2026-11-30`, `away from … until …`, or '' when not away now or soon. */
  away: string;
  awayNow: boolean;
}

/** SLA Team as the sidebar shows it: its rows, what is wrong in it, who is missing from it. */
export interface TeamView {
  /** The spreadsheet has an SLA Team sheet. */
  found: boolean;
  members: TeamMemberView[];
  /** Rows that are skipped or half-used, each naming the row and the fix. */
  problems: string[];
  /** Owners written in Leads that SLA Team does not list (they get no e-mail). */
  missingOwners: string[];
}
