/** The sticky footer: issues with no field on screen, the status line, Discard and Save. */

import { errorText } from '../src/core/common/errors.ts';
import { plural } from '../src/core/common/plural.ts';
import { h, replaceChildren } from './dom.ts';
import { formatTime } from './format.ts';
import { server } from './server.ts';
import { canonical, isDirty, state, ui } from './state.ts';

const statusLine = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
const generalErrors = h('ul', { class: 'general-errors', hidden: true });
const saveButton = h('button', { type: 'button', class: 'primary', onclick: () => save() }, 'Save');
const revertButton = h(
  'button',
  { type: 'button', class: 'secondary', onclick: () => revert() },
  'Discard',
);

let statusOverride: { text: string; kind: 'ok' | 'error' } | null = null;
let onSaved: () => void = () => undefined;
let onReverted: () => void = () => undefined;

/** The footer element; `saved` runs after a save, `reverted` after Discard (before `changed`). */
export function buildFooter(saved: () => void, reverted: () => void): HTMLElement {
  onSaved = saved;
  onReverted = reverted;
  return h(
    'footer',
    { class: 'footer' },
    generalErrors,
    h('div', { class: 'footer-row' }, statusLine, revertButton, saveButton),
  );
}

export function showGeneralIssues(messages: string[]): void {
  replaceChildren(generalErrors, ...messages.map((m) => h('li', {}, m)));
  generalErrors.hidden = messages.length === 0;
}

export function updateFooter(): void {
  const dirty = isDirty();
  const n = state.issues.length;
  saveButton.disabled = state.saving || !dirty || n > 0;
  revertButton.disabled = state.saving || !dirty;
  saveButton.textContent = state.saving ? 'Saving…' : 'Save';
  statusLine.className = 'status';
  if (state.saving) statusLine.textContent = 'Saving…';
  else if (n > 0) {
    statusLine.textContent = `${plural(n, 'field')} to fix before saving`;
    statusLine.classList.add('status-error');
  } else if (statusOverride && (!dirty || statusOverride.kind === 'error')) {
    statusLine.textContent = statusOverride.text;
    statusLine.classList.add(statusOverride.kind === 'ok' ? 'status-ok' : 'status-error');
  } else statusLine.textContent = dirty ? 'Unsaved changes' : 'All changes saved';
}

function save(): void {
  if (state.saving || state.issues.length > 0 || !isDirty()) return;
  state.saving = true;
  statusOverride = null;
  updateFooter();
  server
    .sidebarSave(JSON.stringify(state.draft))
    .then((result) => {
      state.saving = false;
      state.baseline = canonical(result.settings);
      // a Save agrees the settings (the server sets it): the draft follows, nothing is unsaved
      state.draft.agreed = result.settings.agreed;
      if (state.server) {
        state.server.runLog = result.runLog;
        state.server.settings = result.settings;
        state.server.warning = undefined;
      }
      const agreement = result.agreement === 'updated' ? ' · SLA Agreement updated' : '';
      statusOverride = result.warning
        ? { text: result.warning, kind: 'error' }
        : { text: `Saved at ${formatTime(result.savedAt)}${agreement}`, kind: 'ok' };
      onSaved();
      ui.changed();
    })
    .catch((error: unknown) => {
      state.saving = false;
      statusOverride = { text: `Not saved: ${errorText(error)}`, kind: 'error' };
      updateFooter();
    });
}

function revert(): void {
  state.draft = JSON.parse(state.baseline);
  statusOverride = null;
  onReverted();
  ui.changed();
}
