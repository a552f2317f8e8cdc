/**
 * The SLA Sheets sidebar: edits the settings with validation as you type (the same zod schema
 * as the server), previews the effect of the scoring rules on the Leads sheet, saves.
 *
 * Rendering: each tab panel is rebuilt on structural changes (add, delete, reorder, operator
 * change); typing only updates the draft, the error messages, the badges and the Save button,
 * so focus never jumps. User text is only ever set as text or `value`.
 *
 * This file wires the pieces: state.ts (draft, dirty, issues), server.ts (google.script.run),
 * fields.ts (field builders, error slots), tabstrip.ts + tabs/* (one file a tab), preview.ts,
 * footer.ts (Save, Discard, status).
 */

import { errorText } from '../src/core/common/errors.ts';
import { type Child, h, replaceChildren } from './dom.ts';
import { buildFooter, showGeneralIssues, updateFooter } from './footer.ts';
import { runRefreshers, showFieldIssues } from './formFields.ts';
import { schedulePreview } from './livePreview.ts';
import { server } from './server.ts';
import { isDirty, loadServerState, state, type TabId, ui, validate } from './state.ts';
import { buildTabs, renderPanel, selectTab, showTabBadges, TAB_IDS } from './tabstrip.ts';

const root = document.getElementById('app') ?? document.body;
const banner = h('div', { class: 'banners' });

/** After any edit: validate, show messages, refresh summaries, Save button, preview. */
function changed(): void {
  validate();
  showGeneralIssues(showFieldIssues(state.issues));
  showTabBadges();
  runRefreshers();
  updateFooter();
  schedulePreview();
}

/** A structural change: rebuild the panel and revalidate. */
function restructure(id: TabId, focusKey?: string): void {
  renderPanel(id, focusKey);
  changed();
}

ui.changed = changed;
ui.restructure = restructure;
ui.renderPanel = renderPanel;

function renderBanners(): void {
  const items: Child[] = [];
  const s = state.server;
  if (s?.warning) items.push(h('p', { class: 'warning-banner', role: 'alert' }, s.warning));
  if (s && !s.leadsSheetFound) {
    items.push(
      h(
        'p',
        { class: 'warning-banner' },
        'No sheet of leads found: choose yours in Fields, or run Extensions › SLA Sheets › Set up workbook to create Leads.',
      ),
    );
  }
  replaceChildren(banner, ...items);
}

function renderAll(): void {
  for (const id of TAB_IDS) renderPanel(id);
}

function buildShell(): void {
  const { strip, panels } = buildTabs();
  const footer = buildFooter(() => {
    renderBanners();
    renderPanel('monitoring', state.activeTab === 'monitoring' ? 'refresh-log' : undefined);
  }, renderAll);
  replaceChildren(root, banner, strip, ...panels, footer);
  renderBanners();
  renderAll();
  selectTab(state.activeTab, false);
}

function start(): void {
  replaceChildren(root, h('p', { class: 'loading' }, 'Loading SLA settings…'));
  server
    .sidebarLoad()
    .then((loaded) => {
      loadServerState(loaded);
      buildShell();
      changed();
    })
    .catch((error: unknown) => {
      replaceChildren(
        root,
        h('p', { class: 'error-banner', role: 'alert' }, `Could not load: ${errorText(error)}`),
        h('button', { type: 'button', class: 'secondary', onclick: () => start() }, 'Try again'),
      );
    });
}

window.addEventListener('beforeunload', (e) => {
  if (state.server && isDirty()) {
    e.preventDefault();
    e.returnValue = '';
  }
});

start();
