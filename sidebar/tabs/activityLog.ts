/**
 * The Fields tab's activity log: the sheet of calls, e-mails and meetings the first contacts
 * are read from (found by its headers, chosen here, or none), the columns it is read from, and
 * how many of its activities found their lead. Everything shown comes from the live preview.
 */
import { pluralWord } from '../../src/core/common/plural.ts';
import type { ActivityReport } from '../../src/core/sla/activityJoin.ts';
import { type Child, h } from '../dom.ts';
import { fmtNumber } from '../format.ts';
import { onRefresh, sectionTitle, selectField } from '../formFields.ts';
import { previewState } from '../livePreview.ts';
import { state, ui } from '../state.ts';

/** The select's value for "read no log" (the settings hold null). */
const NO_LOG = '\u0000none';

function report(): ActivityReport | null {
  return previewState().result?.activities ?? null;
}

/** "5 activities read · 3 done matched to 2 leads · 1 matched no lead · 1 planned or open". */
export function activitySummary(r: ActivityReport | null, chosen: string | null): string {
  if (chosen === null) return 'No activity log is read: first contacts come from the leads sheet.';
  if (!r) {
    return chosen
      ? `No sheet "${chosen}" to read activities from.`
      : 'No sheet of calls, e-mails or meetings found (a lead key and a date in row 1).';
  }
  const parts = [
    `${fmtNumber(r.read, 0)} activities read`,
    `${fmtNumber(r.matched, 0)} done matched to ${fmtNumber(r.leadsWithActivity, 0)} ${pluralWord(r.leadsWithActivity, 'lead')}`,
  ];
  if (r.unmatched) parts.push(`${fmtNumber(r.unmatched, 0)} matched no lead`);
  if (r.notDone) parts.push(`${fmtNumber(r.notDone, 0)} planned or open (not counted)`);
  return parts.join(' · ');
}

function sheetSelect(): HTMLElement {
  const m = state.draft.mapping;
  const leads = previewState().result?.sheetName ?? '';
  const names = (state.server?.sheetNames ?? []).filter((n) => n !== leads);
  const found = report()?.sheet;
  const options: Array<readonly [string, string]> = [
    ['', found && !m.activitySheet ? `Automatic: ${found}` : 'Automatic (found by its headers)'],
    [NO_LOG, 'None'],
    ...names.map((n) => [n, n] as const),
  ];
  return selectField(
    { label: 'Activities are read from', path: 'mapping.activitySheet', focus: 'activity-sheet' },
    options,
    () => (m.activitySheet === null ? NO_LOG : m.activitySheet),
    (v) => {
      m.activitySheet = v === NO_LOG ? null : v;
    },
    () => ui.restructure('fields', 'activity-sheet'),
  );
}

function columns(): Child {
  const list = h('ul', { class: 'activity-columns', 'data-testid': 'activity-columns' });
  onRefresh(list, () => {
    const r = report();
    list.replaceChildren(
      ...Object.entries(r?.fields ?? {}).map(([field, header]) =>
        h('li', {}, `${field} ← "${header}"`),
      ),
    );
  });
  return list;
}

export function renderActivityLog(): Child[] {
  const line = h('p', { class: 'hint', 'data-testid': 'activity-summary', 'aria-live': 'polite' });
  onRefresh(line, () => {
    line.textContent = activitySummary(report(), state.draft.mapping.activitySheet);
  });
  return [
    ...sectionTitle(
      'Activity log',
      'Calls, e-mails and meetings exported apart (Zoho Calls, Salesforce Tasks, HubSpot calls…): each lead’s first contact and attempts, matched by its ID, else its e-mail. Planned or open activities never count.',
    ),
    sheetSelect(),
    line,
    columns(),
  ];
}
