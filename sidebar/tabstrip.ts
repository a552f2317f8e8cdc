/**
 * The tab strip and its panels (WAI-ARIA tabs: arrow keys, Home and End move between tabs;
 * one tab in the Tab order). Each panel is rebuilt on structural changes only.
 */
import { type Child, h, replaceChildren } from './dom.ts';
import { pruneDetached } from './formFields.ts';
import { state, type TabId } from './state.ts';
import { renderCalendar } from './tabs/calendar.ts';
import { renderDefinitions } from './tabs/definitions.ts';
import { renderFields } from './tabs/fields.ts';
import { renderHandoff } from './tabs/handoff.ts';
import { renderMonitoring } from './tabs/monitoring.ts';
import { renderPlan } from './tabs/plan.ts';
import { renderScoring } from './tabs/scoring.ts';

/** id, short label (two rows of four at 300 px), what the panel is, its renderer. */
const TABS: ReadonlyArray<readonly [TabId, string, string, () => Child[]]> = [
  ['scoring', 'Scoring', 'Lead scoring', renderScoring],
  ['fields', 'Fields', 'Columns and values of your sheet', renderFields],
  ['handoff', 'Hand-off', 'Hand-off rules, contact, return to marketing', renderHandoff],
  ['calendar', 'Calendar', 'Business calendar', renderCalendar],
  ['plan', 'Plan', 'Revenue plan and costs', renderPlan],
  ['definitions', 'Terms', 'Definitions, data per stage, roles', renderDefinitions],
  ['monitoring', 'Monitor', 'Monitoring and run log', renderMonitoring],
];
export const TAB_IDS: readonly TabId[] = TABS.map(([id]) => id);

const panels = {} as Record<TabId, HTMLElement>;
const buttons = {} as Record<TabId, HTMLButtonElement>;
const badges = {} as Record<TabId, HTMLElement>;

/** Builds the strip and the (empty) panels. */
export function buildTabs(): { strip: HTMLElement; panels: HTMLElement[] } {
  const strip = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Settings' });
  for (const [id, label, title] of TABS) {
    const badge = h('span', { class: 'badge', hidden: true });
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${id}`,
        title,
        'aria-controls': `panel-${id}`,
        onclick: () => selectTab(id),
        onkeydown: (e: Event) => tabKey(e as KeyboardEvent, id),
      },
      label,
      badge,
    );
    buttons[id] = button;
    badges[id] = badge;
    strip.appendChild(button);
    panels[id] = h('section', {
      class: 'panel',
      role: 'tabpanel',
      id: `panel-${id}`,
      'aria-labelledby': `tab-${id}`,
    });
  }
  return { strip, panels: TAB_IDS.map((id) => panels[id]) };
}

export function selectTab(id: TabId, focus = true): void {
  state.activeTab = id;
  for (const t of TAB_IDS) {
    const on = t === id;
    buttons[t].setAttribute('aria-selected', String(on));
    buttons[t].tabIndex = on ? 0 : -1;
    panels[t].hidden = !on;
  }
  // Should the strip ever scroll (badges, large fonts), keep the chosen tab in view.
  buttons[id].scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  if (focus) buttons[id].focus();
}

function tabKey(e: KeyboardEvent, id: TabId): void {
  const i = TAB_IDS.indexOf(id);
  const n = TAB_IDS.length;
  let next = -1;
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % n;
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + n) % n;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = n - 1;
  if (next < 0) return;
  e.preventDefault();
  selectTab(TAB_IDS[next]!);
}

/** Rebuilds one panel, then focuses the element with `data-focus` = focusKey, if any. */
export function renderPanel(id: TabId, focusKey?: string): void {
  const renderer = TABS.find(([t]) => t === id)![3];
  replaceChildren(panels[id], ...renderer());
  pruneDetached();
  if (focusKey) {
    panels[id].querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
  }
}

/** Settings shown on a tab not named like their section. */
const TAB_OF_PATH: ReadonlyArray<readonly [string, TabId]> = [
  ['mapping', 'fields'],
  ['handoff.clockStart', 'fields'],
  ['handoff.trackingDays', 'fields'],
  ['agreement.contactChannels', 'handoff'],
  ['agreement.returnPath', 'handoff'],
  ['agreement', 'definitions'],
];

function tabOf(path: string): string {
  const moved = TAB_OF_PATH.find(([p]) => path === p || path.startsWith(`${p}.`));
  return moved ? moved[1] : (path.split('.')[0] ?? '');
}

/** The red count on each tab of the issues in the settings it shows. */
export function showTabBadges(): void {
  const counts = new Map<string, number>();
  for (const issue of state.issues) {
    const tab = tabOf(issue.path);
    counts.set(tab, (counts.get(tab) ?? 0) + 1);
  }
  for (const id of TAB_IDS) {
    const n = counts.get(id) ?? 0;
    badges[id].hidden = n === 0;
    badges[id].textContent = n ? String(n) : '';
    badges[id].setAttribute('aria-label', `${n} to fix`);
  }
}
