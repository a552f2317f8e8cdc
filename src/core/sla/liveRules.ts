import { isBlank } from '../common/cell.ts';
import { PRIORITIES, type Priority } from '../common/choices.ts';
import { createValueMap } from '../read/valueMap.ts';
import type { HandoffSettings } from '../settings/index.ts';
import { NOT_TRACKED, statusColor } from './status.ts';

/**
 * The conditional-format rules that make the Leads sheet live: they compare the `SLA deadline`
 * cell with NOW(), so the Overdue row highlight and the At risk / Overdue colours switch at the
 * right minute between two checks (with the spreadsheet recalculating every minute).
 *
 * Decisions:
 * - Only our cells feed them: `SLA status` (the word the last check wrote) and `SLA deadline`.
 *   A lead the check left Due or At risk turns Overdue when NOW() passes its deadline; Overdue
 *   stays Overdue until a check says otherwise (a first contact entered is seen by the edit
 *   trigger within seconds).
 * - The at-risk moment is the deadline minus the at-risk share of the priority's window, in
 *   hours: the priority is read from the row's `Priority` cell through the values this check
 *   saw (a value first typed after the check takes the default priority until the next one).
 *   Business time never runs faster than wall time, so the rule is never early; when the last
 *   part of a window spans a night or a weekend it is late, and the next check (which counts in
 *   business time) sets the status itself.
 * - Each formula carries a marker, `N("SLA Sheets: …")=0` (always true), by which our rules are
 *   recognised whatever their columns and rows (Sheets shifts them when rows are inserted);
 *   the rule of earlier versions (`=LEFT($X2,7)="Overdue"`) is recognised too.
 */

export type LiveRuleId = 'overdueRow' | 'overdueStatus' | 'atRiskStatus';

export interface LiveRule {
  id: LiveRuleId;
  formula: string;
  background: string;
  /** `row`: every column but the status column; `status`: the status column. */
  target: 'row' | 'status';
}

/** The columns the rules read (0-based); `priority` is -1 when the sheet has none. */
export interface LiveColumns {
  status: number;
  deadline: number;
  priority: number;
}

/** The texts of the Priority column by what they mean (as this check read them). */
export type PriorityTexts = Record<Priority, string[]>;

export const OVERDUE_ROW_COLOR = '#f4cccc';
const MARK = 'SLA Sheets';
const MAX_TEXTS = 20;

/** 0 → A, 26 → AA. */
export function columnName(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The at-risk span of a priority in days (the unit of date arithmetic in Sheets): `hours/24`. */
function spanDays(handoff: HandoffSettings, p: Priority): string {
  const hours = Math.round(handoff.atRiskShare * handoff.deadlineHours[p] * 1e9) / 1e9;
  return `${hours}/24`;
}

/** `$D2 - span`, the span chosen by the row's priority text (the default priority otherwise). */
function atRiskMoment(
  cols: LiveColumns,
  handoff: HandoffSettings,
  texts: PriorityTexts,
  deadline: string,
): string {
  const fallback = handoff.defaultPriority;
  if (cols.priority < 0) return `${deadline}-${spanDays(handoff, fallback)}`;
  const cell = `TRIM($${columnName(cols.priority)}2)`;
  let expr = spanDays(handoff, fallback);
  for (const p of PRIORITIES) {
    const words = texts[p].slice(0, MAX_TEXTS);
    if (p === fallback || words.length === 0) continue;
    const test = words.map((w) => `${cell}=${quote(w)}`).join(',');
    expr = `IF(OR(${test}),${spanDays(handoff, p)},${expr})`;
  }
  return `${deadline}-${expr}`;
}

/** The three rules for these columns, in the order they apply. */
export function liveRules(
  cols: LiveColumns,
  handoff: HandoffSettings,
  texts: PriorityTexts,
): LiveRule[] {
  const s = `$${columnName(cols.status)}2`;
  const d = `$${columnName(cols.deadline)}2`;
  const open = `OR(LEFT(${s},3)="Due",LEFT(${s},7)="At risk")`;
  const untracked = quote(`Overdue · ${NOT_TRACKED}`);
  const tracked = `LEFT(${s},${untracked.length - 2})<>${untracked}`;
  const overdue = `OR(AND(LEFT(${s},7)="Overdue",${tracked}),AND(ISNUMBER(${d}),NOW()>${d},${open}))`;
  const marker = (what: string) => `N(${quote(`${MARK}: ${what}`)})=0`;
  const rules: LiveRule[] = [
    {
      id: 'overdueRow',
      formula: `=AND(${marker('overdue row')},${overdue})`,
      background: OVERDUE_ROW_COLOR,
      target: 'row',
    },
    {
      id: 'overdueStatus',
      formula: `=AND(${marker('overdue')},${overdue})`,
      background: statusColor('Overdue')!,
      target: 'status',
    },
  ];
  if (handoff.atRiskShare > 0) {
    const from = atRiskMoment(cols, handoff, texts, d);
    rules.push({
      id: 'atRiskStatus',
      formula: `=AND(${marker('at risk')},ISNUMBER(${d}),NOW()<=${d},OR(LEFT(${s},7)="At risk",AND(LEFT(${s},3)="Due",NOW()>=${from})))`,
      background: statusColor('At risk')!,
      target: 'status',
    });
  }
  return rules;
}

const MARKED = /N\(\s*"SLA Sheets[^"]*"\s*\)/i;
const LEGACY = /^=\s*LEFT\(\s*\$[A-Z]+\$?\d+\s*,\s*7\s*\)\s*=\s*"Overdue"\s*$/i;

/** True for a formula of one of our rules (this version's or the earlier overdue-row rule). */
export function isLiveRuleFormula(formula: string): boolean {
  return MARKED.test(formula) || LEGACY.test(formula);
}

/**
 * The distinct texts of the Priority column grouped by the priority they mean (blank and
 * unreadable ones left out: they take the default priority or are Check data).
 */
export function priorityTexts(
  rows: ReadonlyArray<readonly unknown[]>,
  col: number,
  read: (value: unknown) => Priority | null,
): PriorityTexts {
  const texts: PriorityTexts = { Hot: [], Warm: [], Cold: [] };
  if (col < 0) return texts;
  const seen = new Set<string>();
  for (const row of rows) {
    const value = row[col];
    if (isBlank(value)) continue;
    const text = String(value).trim();
    if (seen.has(text)) continue;
    seen.add(text);
    const p = read(value);
    if (p && texts[p].length < MAX_TEXTS) texts[p].push(text);
  }
  return texts;
}

/** The priority texts of the Leads rows, read with the settings' value map. */
export function settingsPriorityTexts(
  rows: ReadonlyArray<readonly unknown[]>,
  col: number,
  settings: { handoff: HandoffSettings; mapping: { priorityValues: Record<string, Priority> } },
): PriorityTexts {
  const values = createValueMap({ priority: settings.mapping.priorityValues });
  const fallback = settings.handoff.defaultPriority;
  return priorityTexts(rows, col, (v) => {
    const r = values.priority(v, fallback);
    return r.ok ? r.value : null;
  });
}
