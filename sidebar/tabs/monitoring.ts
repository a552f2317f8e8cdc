/** Monitoring tab: the timer on/off and its frequency, "Check leads now", the monthly review, the run log. */

import { MONITORING_FREQUENCIES } from '../../src/core/common/choices.ts';
import { errorText } from '../../src/core/common/errors.ts';
import { plural } from '../../src/core/common/plural.ts';
import type { Settings } from '../../src/core/settings/index.ts';
import type { MonitoringState, RunLogEntry } from '../../src/sidebarContract.ts';
import { type Child, h, uid } from '../dom.ts';
import { formatTime } from '../format.ts';
import { button, checkField, sectionTitle, selectField } from '../formFields.ts';
import { server } from '../server.ts';
import { canonical, state, ui } from '../state.ts';
import { renderReview } from './review.ts';
import { renderTeam } from './team.ts';

let busy = false;
let checking = false;
let message = '';
/** The last "Check leads now" outcome, in one line. */
let checkMessage = '';

function setMonitoring(on: boolean): void {
  if (!state.server || busy) return;
  busy = true;
  message = on ? 'Turning monitoring on…' : 'Turning monitoring off…';
  ui.renderPanel('monitoring', 'monitoring-on');
  const minutes = state.draft.monitoring.frequencyMinutes;
  server
    .sidebarSetMonitoring(on, minutes)
    .then((result) => {
      busy = false;
      if (state.server) state.server.monitoring = result;
      // The frequency is stored by the server: keep it out of the unsaved changes.
      const saved = JSON.parse(state.baseline) as Settings;
      saved.monitoring.frequencyMinutes = minutes;
      state.baseline = canonical(saved);
      message =
        result.on === on
          ? result.on
            ? `On: leads are checked every ${result.minutes} minutes.`
            : 'Off.'
          : `Frequency saved (${minutes} minutes); the trigger itself is ${result.on ? 'on' : 'off'}.`;
      ui.renderPanel('monitoring', 'monitoring-on');
      ui.changed();
    })
    .catch((error: unknown) => {
      busy = false;
      message = `Could not change monitoring: ${errorText(error)}`;
      ui.renderPanel('monitoring', 'monitoring-on');
    });
}

function checkNow(): void {
  if (checking) return;
  checking = true;
  checkMessage = 'Checking the leads…';
  ui.renderPanel('monitoring', 'check-now');
  server
    .checkLeadsNow()
    .then((outcome) => {
      checking = false;
      checkMessage = outcome.message;
      if (state.server) state.server.runLog = outcome.runLog;
      ui.renderPanel('monitoring', 'check-now');
    })
    .catch((error: unknown) => {
      checking = false;
      checkMessage = `Check failed: ${errorText(error)}`;
      ui.renderPanel('monitoring', 'check-now');
    });
}

function refreshLog(focusKey = 'refresh-log'): void {
  server
    .sidebarLoad()
    .then((loaded) => {
      if (!state.server) return;
      state.server.runLog = loaded.runLog;
      state.server.monitoring = loaded.monitoring;
      ui.renderPanel('monitoring', focusKey);
    })
    .catch((error: unknown) => {
      message = `Could not refresh: ${errorText(error)}`;
      ui.renderPanel('monitoring', focusKey);
    });
}

const RUN_KINDS: Record<RunLogEntry['kind'], string> = {
  check: 'Leads checked',
  review: 'Monthly review',
  settings: 'Settings saved',
  setup: 'Workbook set up',
};

function runLine(e: RunLogEntry): HTMLElement {
  const details: string[] = [];
  if (e.rows !== undefined) details.push(plural(e.rows, 'row'));
  if (e.counts) {
    details.push(
      Object.entries(e.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
    );
  }
  if (e.durationMs !== undefined) details.push(`${(e.durationMs / 1000).toFixed(1)} s`);
  if (e.notes) details.push(...e.notes);
  const shown = details.filter(Boolean);
  return h(
    'li',
    { class: e.error ? 'run failed' : 'run' },
    h(
      'div',
      { class: 'run-head' },
      h('span', { class: 'run-kind' }, RUN_KINDS[e.kind] ?? String(e.kind)),
      h('span', { class: 'run-time' }, `${formatTime(e.at)} · ${e.trigger}`),
    ),
    shown.length ? h('div', { class: 'run-detail' }, shown.join(' · ')) : null,
    e.error ? h('div', { class: 'error-text' }, e.error) : null,
  );
}

function toggleField(): HTMLElement {
  const on = state.server?.monitoring ?? {
    on: false,
    minutes: state.draft.monitoring.frequencyMinutes,
  };
  const id = uid('mon');
  const toggle = h('input', {
    type: 'checkbox',
    id,
    role: 'switch',
    checked: on.on,
    disabled: busy,
    'data-focus': 'monitoring-on',
    onchange: () => setMonitoring(toggle.checked),
  });
  return h(
    'div',
    { class: 'field check' },
    h('label', { for: id }, toggle, h('span', {}, 'Check leads automatically')),
    h('div', { class: 'hint', role: 'status' }, message || describeTimer(on)),
  );
}

/** "On, every 60 minutes, run by ann@example.com; last check 23 Nov, 10:05." */
function describeTimer(m: MonitoringState): string {
  if (!m.on) return 'Off.';
  const who = m.runBy ? `, run by ${m.mine ? 'you' : m.runBy}` : '';
  const last = m.lastRunAt ? `; last check ${formatTime(m.lastRunAt)}` : '; not run yet';
  const theirs = m.mine === false ? ' Only they can stop it.' : '';
  return `On, every ${m.minutes} minutes${who}${last}.${theirs}`;
}

export function renderMonitoring(): Child[] {
  const m = state.draft.monitoring;
  const log = state.server?.runLog ?? [];
  return [
    ...sectionTitle(
      'Monitoring',
      'A timer scores the leads, computes each deadline in business hours and colours the late ones.',
    ),
    toggleField(),
    selectField(
      {
        label: 'Every',
        path: 'monitoring.frequencyMinutes',
        hint: 'Published add-ons run at most hourly; 5 to 30 minutes work in a bound script.',
      },
      MONITORING_FREQUENCIES.map(
        (n) => [n, n === 60 ? '60 minutes (hourly)' : `${n} minutes`] as const,
      ),
      () => m.frequencyMinutes,
      (v) => {
        m.frequencyMinutes = v as Settings['monitoring']['frequencyMinutes'];
      },
    ),
    checkField(
      {
        label: 'Create the monthly review on the first run of each month',
        path: 'monitoring.autoMonthlyReview',
      },
      () => m.autoMonthlyReview,
      (v) => {
        m.autoMonthlyReview = v;
      },
    ),
    button(checking ? 'Checking…' : 'Check leads now', checkNow, {
      'data-focus': 'check-now',
      disabled: checking ? 'true' : undefined,
    }),
    checkMessage
      ? h('p', { class: 'hint', role: 'status', 'data-testid': 'check-outcome' }, checkMessage)
      : null,
    ...renderReview(),
    ...renderTeam(),
    h(
      'div',
      { class: 'heading-row' },
      h('h2', {}, 'Last runs'),
      button('Refresh', () => refreshLog(), { class: 'link', 'data-focus': 'refresh-log' }),
    ),
    log.length
      ? h('ul', { class: 'runs' }, ...log.slice(0, 15).map(runLine))
      : h('p', { class: 'empty' }, 'No run yet.'),
  ];
}
