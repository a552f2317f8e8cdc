/**
 * The SLA Sheets sidebar: edits the settings with validation as you type (the same zod schema
 * as the server), previews the effect of the scoring rules on the Leads sheet, saves.
 *
 * Rendering: each tab panel is rebuilt on structural changes (add, delete, reorder, operator
 * change); typing only updates the draft, the error messages, the badges and the Save button,
 * so focus never jumps. User text is only ever set as text or `value`.
 */

import { headerKey } from '../src/core/headers.ts';
import {
  type Criterion,
  MONITORING_FREQUENCIES,
  OPERATORS,
  type Operator,
  PRIORITIES,
  parseSettings,
  type Settings,
  type SettingsIssue,
  WEEKDAYS,
  type Weekday,
} from '../src/core/settings.ts';
import type { RunLogEntry } from '../src/sheets/runLog.ts';
import type {
  MonitoringState,
  SidebarPreviewResult,
  SidebarSaveResult,
  SidebarState,
} from '../src/sheets/sidebarApi.ts';
import { type Child, h, replaceChildren, uid } from './dom.ts';
import { callServer, errorMessage } from './gas.ts';

// ---------------------------------------------------------------------------------------------
// State

type TabId = 'scoring' | 'handoff' | 'calendar' | 'definitions' | 'monitoring';
const TABS: Array<[TabId, string]> = [
  ['scoring', 'Scoring'],
  ['handoff', 'Hand-off rules'],
  ['calendar', 'Calendar'],
  ['definitions', 'Definitions'],
  ['monitoring', 'Monitoring'],
];
/** Which tab shows the issues of each settings section. */
const SECTION_TAB: Record<string, TabId> = {
  scoring: 'scoring',
  handoff: 'handoff',
  calendar: 'calendar',
  definitions: 'definitions',
  monitoring: 'monitoring',
};

const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'is',
  oneOf: 'is one of',
  contains: 'contains',
  atLeast: 'is at least',
  atMost: 'is at most',
  between: 'is between',
  isBlank: 'is blank',
  notBlank: 'is not blank',
  withinDays: 'is within the last … days',
};
const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const DEFINITION_LABELS: Array<[keyof Settings['definitions'], string]> = [
  ['contact', 'Contact'],
  ['lead', 'Lead'],
  ['mql', 'MQL (marketing-qualified lead)'],
  ['sql', 'SQL (sales-qualified lead)'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
];

let server: SidebarState | null = null;
let draft: Settings;
let baseline = '';
let issues: SettingsIssue[] = [];
let activeTab: TabId = 'scoring';
let saving = false;
let headerKeys = new Set<string>();
const expanded = new Set<string>();

interface Slot {
  input: HTMLElement | null;
  error: HTMLElement;
}
/** Error slots by dotted settings path (rebuilt with the panels). */
const slots = new Map<string, Slot>();
/** Per-element refreshers run after every change (criterion summaries, counters…). */
let refreshers: Array<{ el: Element; run: () => void }> = [];

function onRefresh(el: Element, run: () => void): void {
  refreshers.push({ el, run });
}

const root = document.getElementById('app') ?? document.body;
const panels = {} as Record<TabId, HTMLElement>;
const tabButtons = {} as Record<TabId, HTMLButtonElement>;
const tabBadges = {} as Record<TabId, HTMLElement>;
const banner = h('div', { class: 'banners' });
const statusLine = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
const generalErrors = h('ul', { class: 'general-errors', hidden: true });
const saveButton = h('button', { type: 'button', class: 'primary', onclick: () => save() }, 'Save');
const revertButton = h(
  'button',
  { type: 'button', class: 'secondary', onclick: () => revert() },
  'Discard',
);
const previewBox = h('section', {
  class: 'preview',
  'aria-live': 'polite',
  'aria-label': 'Preview',
});

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Settings as JSON in the schema's key order, so equal settings compare equal. */
function canonical(s: Settings): string {
  const result = parseSettings(s);
  return JSON.stringify(result.ok ? result.settings : s);
}

// ---------------------------------------------------------------------------------------------
// Start

function start(): void {
  replaceChildren(root, h('p', { class: 'loading' }, 'Loading SLA settings…'));
  callServer<SidebarState>('sidebarLoad')
    .then((state) => {
      server = state;
      draft = clone(state.settings);
      baseline = canonical(state.settings);
      headerKeys = new Set(state.leadsHeaders.map(headerKey));
      buildShell();
      changed();
    })
    .catch((error: unknown) => {
      replaceChildren(
        root,
        h('p', { class: 'error-banner', role: 'alert' }, `Could not load: ${errorMessage(error)}`),
        h('button', { type: 'button', class: 'secondary', onclick: () => start() }, 'Try again'),
      );
    });
}

function buildShell(): void {
  const tablist = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Settings' });
  for (const [id, label] of TABS) {
    const badge = h('span', { class: 'badge', hidden: true });
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${id}`,
        'aria-controls': `panel-${id}`,
        onclick: () => selectTab(id),
        onkeydown: (e: Event) => tabKey(e as KeyboardEvent, id),
      },
      label,
      badge,
    );
    tabButtons[id] = button;
    tabBadges[id] = badge;
    tablist.appendChild(button);
    panels[id] = h('section', {
      class: 'panel',
      role: 'tabpanel',
      id: `panel-${id}`,
      'aria-labelledby': `tab-${id}`,
    });
  }
  const footer = h(
    'footer',
    { class: 'footer' },
    generalErrors,
    h('div', { class: 'footer-row' }, statusLine, revertButton, saveButton),
  );
  replaceChildren(root, banner, tablist, ...TABS.map(([id]) => panels[id]), footer);
  renderBanners();
  for (const [id] of TABS) renderPanel(id);
  selectTab(activeTab, false);
}

function renderBanners(): void {
  const items: Child[] = [];
  if (server?.warning)
    items.push(h('p', { class: 'warning-banner', role: 'alert' }, server.warning));
  if (server && !server.leadsSheetFound) {
    items.push(
      h(
        'p',
        { class: 'warning-banner' },
        'No Leads sheet yet: run Extensions › SLA Sheets › Set up workbook to create it.',
      ),
    );
  }
  replaceChildren(banner, ...items);
}

function selectTab(id: TabId, focus = true): void {
  activeTab = id;
  for (const [t] of TABS) {
    const on = t === id;
    tabButtons[t].setAttribute('aria-selected', String(on));
    tabButtons[t].tabIndex = on ? 0 : -1;
    panels[t].hidden = !on;
  }
  if (focus) tabButtons[id].focus();
}

function tabKey(e: KeyboardEvent, id: TabId): void {
  const i = TABS.findIndex(([t]) => t === id);
  let next = -1;
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % TABS.length;
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + TABS.length) % TABS.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = TABS.length - 1;
  if (next < 0) return;
  e.preventDefault();
  selectTab(TABS[next]![0]);
}

const RENDERERS: Record<TabId, () => Child[]> = {
  scoring: renderScoring,
  handoff: renderHandoff,
  calendar: renderCalendar,
  definitions: renderDefinitions,
  monitoring: renderMonitoring,
};

/** Rebuilds one panel, then focuses the element with `data-focus` = focusKey, if any. */
function renderPanel(id: TabId, focusKey?: string): void {
  replaceChildren(panels[id], ...RENDERERS[id]());
  for (const [path, slot] of slots) if (!slot.error.isConnected) slots.delete(path);
  refreshers = refreshers.filter((r) => r.el.isConnected);
  if (focusKey) {
    const el = panels[id].querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`);
    el?.focus();
  }
}

/** A structural change: rebuild the panel and revalidate. */
function restructure(id: TabId, focusKey?: string): void {
  renderPanel(id, focusKey);
  changed();
}

// ---------------------------------------------------------------------------------------------
// Validation, dirty state, save

function extraIssues(s: Settings): SettingsIssue[] {
  const out: SettingsIssue[] = [];
  const zone = s.calendar.timeZone.trim();
  if (zone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      out.push({
        path: 'calendar.timeZone',
        message: 'Unknown time zone: use an IANA name such as Europe/Paris, or leave blank',
      });
    }
  }
  return out;
}

/** The draft as the server would store it (schema key order), or its raw JSON when invalid. */
let draftJson = '';

function validate(): void {
  const result = parseSettings(draft);
  issues = result.ok ? [] : result.issues;
  issues = issues.concat(extraIssues(draft));
  draftJson = JSON.stringify(result.ok ? result.settings : draft);
}

function isDirty(): boolean {
  return draftJson !== baseline;
}

/** After any edit: validate, show messages, refresh summaries, Save button, preview. */
function changed(): void {
  validate();
  showIssues();
  for (const r of refreshers) r.run();
  updateFooter();
  schedulePreview();
}

function slotFor(path: string): Slot | undefined {
  let p = path;
  for (;;) {
    const slot = slots.get(p);
    if (slot?.error.isConnected) return slot;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return undefined;
    p = p.slice(0, dot);
  }
}

function showIssues(): void {
  const messages = new Map<Slot, string[]>();
  const general: string[] = [];
  const perTab: Record<TabId, number> = {
    scoring: 0,
    handoff: 0,
    calendar: 0,
    definitions: 0,
    monitoring: 0,
  };
  for (const issue of issues) {
    const tab = SECTION_TAB[issue.path.split('.')[0] ?? ''];
    if (tab) perTab[tab]++;
    const slot = slotFor(issue.path);
    if (slot) {
      const list = messages.get(slot) ?? [];
      if (!list.includes(issue.message)) list.push(issue.message);
      messages.set(slot, list);
    } else {
      general.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
  }
  for (const slot of slots.values()) {
    const list = messages.get(slot);
    slot.error.textContent = list ? list.join(' · ') : '';
    slot.error.hidden = !list;
    if (slot.input) {
      if (list) slot.input.setAttribute('aria-invalid', 'true');
      else slot.input.removeAttribute('aria-invalid');
    }
  }
  replaceChildren(generalErrors, ...general.map((m) => h('li', {}, m)));
  generalErrors.hidden = general.length === 0;
  for (const [id] of TABS) {
    const n = perTab[id];
    tabBadges[id].hidden = n === 0;
    tabBadges[id].textContent = n ? String(n) : '';
    tabBadges[id].setAttribute('aria-label', `${n} to fix`);
  }
}

let statusOverride: { text: string; kind: 'ok' | 'error' } | null = null;

function updateFooter(): void {
  const dirty = isDirty();
  saveButton.disabled = saving || !dirty || issues.length > 0;
  revertButton.disabled = saving || !dirty;
  saveButton.textContent = saving ? 'Saving…' : 'Save';
  statusLine.className = 'status';
  if (saving) statusLine.textContent = 'Saving…';
  else if (issues.length > 0) {
    statusLine.textContent = `${issues.length} ${issues.length === 1 ? 'field' : 'fields'} to fix before saving`;
    statusLine.classList.add('status-error');
  } else if (statusOverride && !dirty) {
    statusLine.textContent = statusOverride.text;
    statusLine.classList.add(statusOverride.kind === 'ok' ? 'status-ok' : 'status-error');
  } else if (statusOverride?.kind === 'error') {
    statusLine.textContent = statusOverride.text;
    statusLine.classList.add('status-error');
  } else statusLine.textContent = dirty ? 'Unsaved changes' : 'All changes saved';
}

function save(): void {
  if (saving || issues.length > 0 || !isDirty()) return;
  saving = true;
  statusOverride = null;
  updateFooter();
  const sent = JSON.stringify(draft);
  callServer<SidebarSaveResult>('sidebarSave', sent)
    .then((result) => {
      saving = false;
      baseline = canonical(result.settings);
      if (server) {
        server.runLog = result.runLog;
        server.settings = result.settings;
        server.warning = undefined;
      }
      renderBanners();
      const time = formatTime(result.savedAt);
      const agreement = result.agreement === 'updated' ? ' · SLA Agreement updated' : '';
      statusOverride = result.warning
        ? { text: result.warning, kind: 'error' }
        : { text: `Saved at ${time}${agreement}`, kind: 'ok' };
      if (activeTab !== 'monitoring') renderPanel('monitoring');
      else renderPanel('monitoring', 'refresh-log');
      changed();
    })
    .catch((error: unknown) => {
      saving = false;
      statusOverride = { text: `Not saved: ${errorMessage(error)}`, kind: 'error' };
      updateFooter();
    });
}

function revert(): void {
  draft = JSON.parse(baseline) as Settings;
  statusOverride = null;
  for (const [id] of TABS) renderPanel(id);
  changed();
}

window.addEventListener('beforeunload', (e) => {
  if (server && isDirty()) {
    e.preventDefault();
    e.returnValue = '';
  }
});

// ---------------------------------------------------------------------------------------------
// Preview (server-side, debounced)

let previewTimer: ReturnType<typeof setTimeout> | undefined;
let previewKey = '';
let previewSeq = 0;
let lastPreview: SidebarPreviewResult | null = null;
let previewState: 'idle' | 'waiting' | 'invalid' | 'error' = 'idle';
let previewError = '';

function schedulePreview(): void {
  if (issues.length > 0) {
    previewState = 'invalid';
    previewKey = '';
    clearTimeout(previewTimer);
    renderPreview();
    return;
  }
  const key = JSON.stringify([draft.scoring, draft.plan, draft.calendar.timeZone]);
  if (key === previewKey) return;
  previewKey = key;
  previewState = 'waiting';
  renderPreview();
  clearTimeout(previewTimer);
  previewTimer = setTimeout(runPreview, lastPreview ? 400 : 0);
}

function runPreview(): void {
  const seq = ++previewSeq;
  callServer<SidebarPreviewResult>('sidebarPreview', JSON.stringify(draft))
    .then((result) => {
      if (seq !== previewSeq) return;
      lastPreview = result;
      previewState = 'idle';
      renderPreview();
    })
    .catch((error: unknown) => {
      if (seq !== previewSeq) return;
      previewState = 'error';
      previewError = errorMessage(error);
      previewKey = '';
      renderPreview();
    });
}

const fmtNumber = (n: number): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 1 : 0 });

function renderPreview(): void {
  const p = lastPreview;
  const parts: Child[] = [];
  if (p && !p.leadsSheetFound) {
    parts.push(h('p', {}, 'No Leads sheet to preview the rules on.'));
  } else if (p) {
    const cap = p.capacity;
    parts.push(
      h(
        'p',
        { class: 'preview-main', 'data-testid': 'preview-text' },
        'With these rules: ',
        h('strong', {}, `${fmtNumber(p.qualified)} MQL`),
        ', ',
        h('strong', {}, `${fmtNumber(p.handoff)} to hand off`),
        cap.source === 'none'
          ? '.'
          : h(
              'span',
              {},
              '; your reps can take ',
              h('strong', {}, `${fmtNumber(cap.perWeek)} a week`),
              '.',
            ),
      ),
      h(
        'p',
        { class: 'preview-detail' },
        `Out of ${fmtNumber(p.leads)} leads in the sheet (MQL counts the hand-offs too). Grades: A ${p.byGrade.A}, B ${p.byGrade.B}, C ${p.byGrade.C}, D ${p.byGrade.D}.`,
      ),
      h('p', { class: 'preview-detail' }, cap.explanation),
    );
    if (p.unknownColumns.length) {
      parts.push(
        h(
          'p',
          { class: 'preview-detail warning-text' },
          `Ignored, column not in Leads: ${p.unknownColumns.map((u) => `${u.label} (${u.column})`).join(', ')}.`,
        ),
      );
    }
  } else {
    parts.push(h('p', { class: 'preview-detail' }, 'Counting the leads…'));
  }
  if (previewState === 'waiting' && p) {
    parts.push(h('p', { class: 'preview-state' }, 'Updating…'));
  } else if (previewState === 'invalid') {
    parts.push(h('p', { class: 'preview-state' }, 'Fix the highlighted fields to update.'));
  } else if (previewState === 'error') {
    parts.push(h('p', { class: 'preview-state error-text' }, `Preview failed: ${previewError}`));
  }
  previewBox.classList.toggle('stale', previewState !== 'idle');
  replaceChildren(previewBox, ...parts);
}

// ---------------------------------------------------------------------------------------------
// Field builders. `path` is the settings path the schema reports issues under.

interface FieldOptions {
  label: string;
  path: string;
  hint?: string;
  focus?: string;
  class?: string;
}

function registerSlot(path: string, input: HTMLElement | null, error: HTMLElement): void {
  slots.set(path, { input, error });
}

function errorSlot(id: string): HTMLElement {
  return h('div', { class: 'error-text', id, hidden: true });
}

function wrap(opts: FieldOptions, control: HTMLElement, id: string, after?: Child): HTMLElement {
  const errId = `${id}-err`;
  const hintId = opts.hint ? `${id}-hint` : undefined;
  control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
  const error = errorSlot(errId);
  registerSlot(opts.path, control, error);
  return h(
    'div',
    { class: `field ${opts.class ?? ''}` },
    h('label', { for: id }, opts.label),
    after ? h('div', { class: 'with-suffix' }, control, after) : control,
    opts.hint ? h('div', { class: 'hint', id: hintId }, opts.hint) : null,
    error,
  );
}

function textField(
  opts: FieldOptions & { list?: string; placeholder?: string; maxLength?: number },
  get: () => string,
  set: (v: string) => void,
): HTMLElement {
  const id = uid('f');
  const input = h('input', {
    type: 'text',
    id,
    value: get(),
    list: opts.list,
    placeholder: opts.placeholder,
    'data-focus': opts.focus,
    autocomplete: 'off',
    spellcheck: 'false',
    oninput: () => {
      set(input.value);
      changed();
    },
  });
  return wrap(opts, input, id);
}

function textArea(
  opts: FieldOptions & { max: number; rows?: number },
  get: () => string,
  set: (v: string) => void,
): HTMLElement {
  const id = uid('f');
  const counter = h('span', { class: 'counter' });
  const area = h('textarea', {
    id,
    rows: opts.rows ?? 3,
    value: get(),
    'data-focus': opts.focus,
    oninput: () => {
      set(area.value);
      changed();
    },
  });
  onRefresh(area, () => {
    counter.textContent = `${area.value.length} / ${opts.max}`;
    counter.classList.toggle('over', area.value.length > opts.max);
  });
  const field = wrap(opts, area, id);
  field.querySelector('label')?.after(counter);
  field.classList.add('has-counter');
  return field;
}

/** Reads what a person types in a number box: blank → undefined, `1 000` / `2,5` accepted. */
function readNumberText(text: string): number | undefined {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return undefined;
  const normalised = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t.replace(/,/g, '');
  return Number(normalised);
}

function showNumber(n: number | null | undefined, scale = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  return String(Math.round(n * scale * 1e6) / 1e6);
}

/**
 * A number box. `blank` says what an empty box means: `undefined` (optional field), `null`
 * (nullable: "none") or `NaN` (required: the schema then says "must be a number").
 * `scale` shows fractions as percentages (0.25 → 25).
 */
function numberField(
  opts: FieldOptions & {
    blank: 'undefined' | 'null' | 'nan';
    scale?: number;
    suffix?: string;
    placeholder?: string;
  },
  get: () => number | null | undefined,
  set: (v: number | null | undefined) => void,
): HTMLElement {
  const id = uid('f');
  const scale = opts.scale ?? 1;
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    id,
    class: 'num',
    value: showNumber(get(), scale),
    placeholder: opts.placeholder,
    'data-focus': opts.focus,
    autocomplete: 'off',
    oninput: () => {
      const n = readNumberText(input.value);
      if (n === undefined) {
        set(opts.blank === 'null' ? null : opts.blank === 'nan' ? Number.NaN : undefined);
      } else set(Number.isNaN(n) ? Number.NaN : n / scale);
      changed();
    },
  });
  return wrap(opts, input, id, opts.suffix ? h('span', { class: 'suffix' }, opts.suffix) : null);
}

function selectField<T extends string | number>(
  opts: FieldOptions,
  options: ReadonlyArray<readonly [T, string]>,
  get: () => T,
  set: (v: T) => void,
  structural?: () => void,
): HTMLElement {
  const id = uid('f');
  const current = get();
  const select = h(
    'select',
    {
      id,
      'data-focus': opts.focus,
      onchange: () => {
        const chosen = options.find(([v]) => String(v) === select.value);
        if (!chosen) return;
        set(chosen[0]);
        if (structural) structural();
        else changed();
      },
    },
    ...options.map(([v, label]) => h('option', { value: String(v) }, label)),
  );
  select.value = String(current);
  return wrap(opts, select, id);
}

function checkField(
  opts: FieldOptions,
  get: () => boolean,
  set: (v: boolean) => void,
  structural?: () => void,
): HTMLElement {
  const id = uid('f');
  const box = h('input', {
    type: 'checkbox',
    id,
    checked: get(),
    'data-focus': opts.focus,
    onchange: () => {
      set(box.checked);
      if (structural) structural();
      else changed();
    },
  });
  const errId = `${id}-err`;
  const error = errorSlot(errId);
  box.setAttribute('aria-describedby', errId);
  registerSlot(opts.path, box, error);
  return h(
    'div',
    { class: `field check ${opts.class ?? ''}` },
    h('label', { for: id }, box, h('span', {}, opts.label)),
    opts.hint ? h('div', { class: 'hint' }, opts.hint) : null,
    error,
  );
}

function button(
  label: string,
  onclick: () => void,
  attrs: Record<string, string | undefined> = {},
): HTMLButtonElement {
  return h('button', { type: 'button', class: 'secondary', ...attrs, onclick }, label);
}

function sectionTitle(text: string, hint?: string): Child[] {
  return [h('h2', {}, text), hint ? h('p', { class: 'hint section-hint' }, hint) : null];
}

// ---------------------------------------------------------------------------------------------
// Scoring tab

let nextCriterion = 0;
function newCriterionId(): string {
  nextCriterion++;
  const used = new Set(draft.scoring.criteria.map((c) => c.id));
  let id = `c${Date.now().toString(36)}${nextCriterion}`;
  while (used.has(id)) id += 'x';
  return id;
}

function criterionSummary(c: Criterion): string {
  const col = c.column.trim() || '(no column)';
  const op = OPERATOR_LABELS[c.operator] ?? c.operator;
  switch (c.operator) {
    case 'equals':
    case 'contains':
      return `${col} ${op} "${c.value ?? ''}"`;
    case 'oneOf':
      return `${col} ${op} ${(c.values ?? []).join(', ')}`;
    case 'atLeast':
      return `${col} ${op} ${showNumber(c.min)}`;
    case 'atMost':
      return `${col} ${op} ${showNumber(c.max)}`;
    case 'between':
      return `${col} ${op} ${showNumber(c.min)} and ${showNumber(c.max)}`;
    case 'withinDays':
      return `${col} is within the last ${showNumber(c.days)} days`;
    default:
      return `${col} ${op}`;
  }
}

function columnKnown(column: string): boolean {
  if (!server?.leadsSheetFound) return true;
  return column.trim() === '' || headerKeys.has(headerKey(column));
}

const signed = (n: number): string =>
  Number.isNaN(n) ? '?' : n > 0 ? `+${showNumber(n)}` : showNumber(n);

/** Keeps only the fields the operator uses. */
function fitOperator(c: Criterion, op: Operator): void {
  c.operator = op;
  const uses = {
    value: op === 'equals' || op === 'contains',
    values: op === 'oneOf',
    min: op === 'atLeast' || op === 'between',
    max: op === 'atMost' || op === 'between',
    days: op === 'withinDays',
  };
  if (uses.values && !c.values && c.value) c.values = [c.value];
  if (uses.value && c.value === undefined && c.values?.[0]) c.value = c.values[0];
  for (const key of Object.keys(uses) as Array<keyof typeof uses>) {
    if (!uses[key]) delete c[key];
  }
  if (uses.value && c.value === undefined) c.value = '';
}

function criterionCard(c: Criterion, index: number, sameKind: Criterion[]): HTMLElement {
  const base = `scoring.criteria.${index}`;
  const isOpen = expanded.has(c.id);
  const bodyId = uid('crit');
  const title = h('span', { class: 'crit-label' });
  const points = h('span', { class: 'crit-points' });
  const summary = h('div', { class: 'crit-summary' });
  const flag = h('div', { class: 'crit-flag', hidden: true });
  const cardError = errorSlot(uid('crit-err'));
  const card = h('li', { class: 'criterion', 'data-criterion': c.id });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'crit-head',
      'aria-expanded': String(isOpen),
      'aria-controls': bodyId,
      'data-focus': `toggle-${c.id}`,
      onclick: () => {
        if (expanded.has(c.id)) expanded.delete(c.id);
        else expanded.add(c.id);
        restructure('scoring', `toggle-${c.id}`);
      },
    },
    h('span', { class: 'chevron', 'aria-hidden': 'true' }, isOpen ? '▾' : '▸'),
    title,
    points,
  );
  registerSlot(base, null, cardError);
  onRefresh(card, () => {
    title.textContent = c.label.trim() || '(no label)';
    points.textContent = signed(c.points);
    summary.textContent = criterionSummary(c) + (c.handoff ? ' · hands off' : '');
    const unknown = !columnKnown(c.column);
    flag.hidden = !unknown;
    flag.textContent = unknown ? `⚠ column not found in Leads: "${c.column}"` : '';
    card.classList.toggle(
      'has-error',
      issues.some((i) => i.path.startsWith(`${base}.`)),
    );
  });
  card.append(toggle, summary, flag);
  if (!isOpen) {
    card.append(cardError);
    return card;
  }
  const fields: Child[] = [
    textField(
      { label: 'Label', path: `${base}.label`, focus: `label-${c.id}` },
      () => c.label,
      (v) => {
        c.label = v;
      },
    ),
    h(
      'div',
      { class: 'row' },
      selectField(
        { label: 'Kind', path: `${base}.kind`, focus: `kind-${c.id}` },
        [
          ['fit', 'Fit'],
          ['interest', 'Interest'],
        ] as const,
        () => c.kind,
        (v) => {
          c.kind = v;
        },
        () => restructure('scoring', `kind-${c.id}`),
      ),
      numberField(
        { label: 'Points', path: `${base}.points`, blank: 'nan', class: 'narrow' },
        () => c.points,
        (v) => {
          c.points = v ?? Number.NaN;
        },
      ),
    ),
    textField(
      {
        label: 'Leads column',
        path: `${base}.column`,
        list: 'leads-headers',
        placeholder: 'e.g. Job title',
      },
      () => c.column,
      (v) => {
        c.column = v;
      },
    ),
    selectField(
      { label: 'Matches when the cell', path: `${base}.operator`, focus: `op-${c.id}` },
      OPERATORS.map((o) => [o, OPERATOR_LABELS[o]] as const),
      () => c.operator,
      (v) => fitOperator(c, v),
      () => restructure('scoring', `op-${c.id}`),
    ),
  ];
  if (c.operator === 'equals' || c.operator === 'contains') {
    fields.push(
      textField(
        {
          label: 'Value',
          path: `${base}.value`,
          hint:
            c.operator === 'equals'
              ? 'Case and accents ignored; "yes" matches ticked boxes.'
              : undefined,
        },
        () => c.value ?? '',
        (v) => {
          c.value = v;
        },
      ),
    );
  }
  if (c.operator === 'oneOf') {
    fields.push(
      textArea(
        { label: 'Values (one per line)', path: `${base}.values`, max: 50, rows: 4 },
        () => (c.values ?? []).join('\n'),
        (v) => {
          c.values = v
            .split('\n')
            .map((s) => s.trim())
            .filter((s) => s !== '');
        },
      ),
    );
  }
  if (c.operator === 'atLeast' || c.operator === 'between' || c.operator === 'atMost') {
    const row = h('div', { class: 'row' });
    if (c.operator !== 'atMost') {
      row.append(
        numberField(
          { label: 'Minimum', path: `${base}.min`, blank: 'undefined' },
          () => c.min,
          (v) => {
            if (v === undefined || v === null) delete c.min;
            else c.min = v;
          },
        ),
      );
    }
    if (c.operator !== 'atLeast') {
      row.append(
        numberField(
          { label: 'Maximum', path: `${base}.max`, blank: 'undefined' },
          () => c.max,
          (v) => {
            if (v === undefined || v === null) delete c.max;
            else c.max = v;
          },
        ),
      );
    }
    fields.push(row);
  }
  if (c.operator === 'withinDays') {
    fields.push(
      numberField(
        { label: 'Days', path: `${base}.days`, blank: 'undefined', suffix: 'days' },
        () => c.days,
        (v) => {
          if (v === undefined || v === null) delete c.days;
          else c.days = v;
        },
      ),
    );
  }
  fields.push(
    checkField(
      {
        label: 'Hand off on match (whatever the score)',
        path: `${base}.handoff`,
        hint: 'For bottom-of-funnel actions such as a demo request.',
      },
      () => c.handoff === true,
      (v) => {
        if (v) c.handoff = true;
        else delete c.handoff;
      },
    ),
  );
  const pos = sameKind.indexOf(c);
  const move = (delta: number) => {
    const other = sameKind[pos + delta];
    if (!other) return;
    const list = draft.scoring.criteria;
    const i = list.indexOf(c);
    const j = list.indexOf(other);
    list[i] = other;
    list[j] = c;
    restructure('scoring', `${delta < 0 ? 'up' : 'down'}-${c.id}`);
  };
  fields.push(
    h(
      'div',
      { class: 'actions' },
      button('↑ Up', () => move(-1), {
        'aria-label': `Move "${c.label}" up`,
        'data-focus': `up-${c.id}`,
        disabled: pos === 0 ? 'true' : undefined,
      }),
      button('↓ Down', () => move(1), {
        'aria-label': `Move "${c.label}" down`,
        'data-focus': `down-${c.id}`,
        disabled: pos === sameKind.length - 1 ? 'true' : undefined,
      }),
      button(
        'Delete',
        () => {
          const list = draft.scoring.criteria;
          list.splice(list.indexOf(c), 1);
          expanded.delete(c.id);
          restructure('scoring', `add-${c.kind}`);
        },
        { class: 'secondary danger', 'aria-label': `Delete "${c.label}"` },
      ),
    ),
  );
  card.append(h('div', { class: 'crit-body', id: bodyId }, ...fields), cardError);
  return card;
}

function criteriaList(kind: 'fit' | 'interest'): Child[] {
  const all = draft.scoring.criteria;
  const same = all.filter((c) => c.kind === kind);
  const list = h(
    'ul',
    { class: 'criteria', 'aria-label': kind === 'fit' ? 'Fit criteria' : 'Interest criteria' },
    ...same.map((c) => criterionCard(c, all.indexOf(c), same)),
  );
  const add = button(
    kind === 'fit' ? '+ Add fit criterion' : '+ Add interest criterion',
    () => {
      const c: Criterion = {
        id: newCriterionId(),
        label: 'New criterion',
        kind,
        column: '',
        operator: 'notBlank',
        points: 10,
      };
      draft.scoring.criteria.push(c);
      expanded.add(c.id);
      restructure('scoring', `label-${c.id}`);
      const input = panels.scoring.querySelector<HTMLInputElement>(
        `[data-focus="${CSS.escape(`label-${c.id}`)}"]`,
      );
      input?.select();
    },
    { 'data-focus': `add-${kind}` },
  );
  return [
    ...sectionTitle(
      kind === 'fit' ? 'Fit: who they are' : 'Interest: what they did',
      kind === 'fit'
        ? 'Role, company size, industry, country…'
        : 'Demo request, pricing visits, webinars, recency…',
    ),
    same.length ? list : h('p', { class: 'empty' }, 'No criterion yet.'),
    add,
  ];
}

function renderScoring(): Child[] {
  const s = draft.scoring;
  const datalist = h(
    'datalist',
    { id: 'leads-headers' },
    ...(server?.leadsHeaders ?? []).map((name) => h('option', { value: name })),
  );
  const thresholds: Child[] = [
    ...sectionTitle('Thresholds'),
    selectField(
      { label: 'A lead becomes an MQL when', path: 'scoring.mqlMode' },
      [
        ['total', 'its score reaches a threshold'],
        ['separate', 'fit and interest each reach theirs'],
      ] as const,
      () => s.mqlMode,
      (v) => {
        s.mqlMode = v;
      },
      () => restructure('scoring', 'mql-mode'),
    ),
  ];
  if (s.mqlMode === 'total') {
    thresholds.push(
      numberField(
        { label: 'MQL threshold (score)', path: 'scoring.mqlThreshold', blank: 'nan' },
        () => s.mqlThreshold,
        (v) => {
          s.mqlThreshold = v ?? Number.NaN;
        },
      ),
    );
  } else {
    thresholds.push(
      h(
        'div',
        { class: 'row' },
        numberField(
          { label: 'Fit at least', path: 'scoring.mqlFitThreshold', blank: 'nan' },
          () => s.mqlFitThreshold,
          (v) => {
            s.mqlFitThreshold = v ?? Number.NaN;
          },
        ),
        numberField(
          { label: 'Interest at least', path: 'scoring.mqlInterestThreshold', blank: 'nan' },
          () => s.mqlInterestThreshold,
          (v) => {
            s.mqlInterestThreshold = v ?? Number.NaN;
          },
        ),
      ),
    );
  }
  thresholds.push(
    numberField(
      {
        label: 'Hand off to sales at score',
        path: 'scoring.handoffThreshold',
        blank: 'nan',
        hint: 'Or when a "hand off on match" criterion matches.',
      },
      () => s.handoffThreshold,
      (v) => {
        s.handoffThreshold = v ?? Number.NaN;
      },
    ),
    h(
      'div',
      { class: 'row' },
      numberField(
        { label: 'Fit cap', path: 'scoring.fitCap', blank: 'null', placeholder: 'none' },
        () => s.fitCap,
        (v) => {
          s.fitCap = v ?? null;
        },
      ),
      numberField(
        { label: 'Interest cap', path: 'scoring.interestCap', blank: 'null', placeholder: 'none' },
        () => s.interestCap,
        (v) => {
          s.interestCap = v ?? null;
        },
      ),
    ),
    checkField(
      { label: 'Interest decays without activity', path: 'scoring.decay', focus: 'decay-on' },
      () => s.decay !== null,
      (on) => {
        s.decay = on ? { column: 'Last activity at', afterDays: 30, percent: 25 } : null;
      },
      () => restructure('scoring', 'decay-on'),
    ),
  );
  const decay = s.decay;
  if (decay) {
    thresholds.push(
      h(
        'div',
        { class: 'sub' },
        textField(
          { label: 'Last activity column', path: 'scoring.decay.column', list: 'leads-headers' },
          () => decay.column,
          (v) => {
            decay.column = v;
          },
        ),
        h(
          'div',
          { class: 'row' },
          numberField(
            { label: 'After', path: 'scoring.decay.afterDays', blank: 'nan', suffix: 'days' },
            () => decay.afterDays,
            (v) => {
              decay.afterDays = v ?? Number.NaN;
            },
          ),
          numberField(
            { label: 'Lose', path: 'scoring.decay.percent', blank: 'nan', suffix: '%' },
            () => decay.percent,
            (v) => {
              decay.percent = v ?? Number.NaN;
            },
          ),
        ),
        decayFlag(decay),
      ),
    );
  }
  thresholds.push(
    h('h3', {}, 'Fit grades'),
    h(
      'div',
      { class: 'row three' },
      ...(['A', 'B', 'C'] as const).map((g) =>
        numberField(
          { label: `${g} from`, path: `scoring.grades.${g}`, blank: 'nan' },
          () => s.grades[g],
          (v) => {
            s.grades[g] = v ?? Number.NaN;
          },
        ),
      ),
    ),
    h('p', { class: 'hint' }, 'Below C is grade D.'),
  );
  return [datalist, previewBox, ...criteriaList('fit'), ...criteriaList('interest'), ...thresholds];
}

function decayFlag(decay: NonNullable<Settings['scoring']['decay']>): HTMLElement {
  const flag = h('div', { class: 'crit-flag', hidden: true });
  onRefresh(flag, () => {
    const unknown = !columnKnown(decay.column);
    flag.hidden = !unknown;
    flag.textContent = unknown ? `⚠ column not found in Leads: "${decay.column}"` : '';
  });
  return flag;
}

// ---------------------------------------------------------------------------------------------
// Hand-off tab

function renderHandoff(): Child[] {
  const o = draft.handoff;
  return [
    ...sectionTitle(
      'First contact deadline',
      'Business hours from hand-off to first contact, by priority.',
    ),
    h(
      'div',
      { class: 'row three' },
      ...PRIORITIES.map((p) =>
        numberField(
          { label: p, path: `handoff.deadlineHours.${p}`, blank: 'nan', suffix: 'h' },
          () => o.deadlineHours[p],
          (v) => {
            o.deadlineHours[p] = v ?? Number.NaN;
          },
        ),
      ),
    ),
    selectField(
      {
        label: 'Priority when the cell is blank',
        path: 'handoff.defaultPriority',
      },
      PRIORITIES.map((p) => [p, p] as const),
      () => o.defaultPriority,
      (v) => {
        o.defaultPriority = v;
      },
    ),
    numberField(
      {
        label: 'At risk when this much of the window is left',
        path: 'handoff.atRiskShare',
        blank: 'nan',
        scale: 100,
        suffix: '%',
        hint: 'The status turns amber for the last part of the deadline.',
      },
      () => o.atRiskShare,
      (v) => {
        o.atRiskShare = v ?? Number.NaN;
      },
    ),
    ...sectionTitle('Attempts', 'Then the lead goes back to marketing (Recycle).'),
    h(
      'div',
      { class: 'row' },
      numberField(
        { label: 'Attempts', path: 'handoff.maxAttempts', blank: 'nan' },
        () => o.maxAttempts,
        (v) => {
          o.maxAttempts = v ?? Number.NaN;
        },
      ),
      numberField(
        {
          label: 'Spaced by',
          path: 'handoff.attemptSpacingBusinessDays',
          blank: 'nan',
          suffix: 'days',
        },
        () => o.attemptSpacingBusinessDays,
        (v) => {
          o.attemptSpacingBusinessDays = v ?? Number.NaN;
        },
      ),
    ),
    h('p', { class: 'hint' }, 'Spacing is in business days.'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Calendar tab

function renderCalendar(): Child[] {
  const cal = draft.calendar;
  const zone = server?.timeZone ?? '';
  const rows = WEEKDAYS.map((day) => {
    const spans = cal.hours[day];
    const path = `calendar.hours.${day}`;
    const dayError = errorSlot(uid('day-err'));
    registerSlot(path, null, dayError);
    const spanEls = spans.map((span, i) => {
      const time = (which: 'start' | 'end') => {
        const id = uid('t');
        const input = h('input', {
          type: 'text',
          class: 'time',
          id,
          value: span[which],
          placeholder: which === 'start' ? '09:00' : '18:00',
          'aria-label': `${DAY_NAMES[day]} ${spans.length > 1 ? `span ${i + 1} ` : ''}${which === 'start' ? 'from' : 'to'}`,
          'data-focus': `${day}-${i}-${which}`,
          autocomplete: 'off',
          oninput: () => {
            span[which] = input.value.trim();
            changed();
          },
        });
        const err = errorSlot(`${id}-err`);
        input.setAttribute('aria-describedby', err.id);
        registerSlot(`${path}.${i}.${which}`, input, err);
        return { input, err };
      };
      const from = time('start');
      const to = time('end');
      return h(
        'div',
        { class: 'span' },
        h(
          'div',
          { class: 'span-row' },
          from.input,
          h('span', { 'aria-hidden': 'true' }, '–'),
          to.input,
          h(
            'button',
            {
              type: 'button',
              class: 'icon',
              'aria-label': `Remove ${DAY_NAMES[day]} ${spans.length > 1 ? `span ${i + 1}` : 'hours'}`,
              onclick: () => {
                spans.splice(i, 1);
                restructure('calendar', `add-${day}`);
              },
            },
            '×',
          ),
        ),
        from.err,
        to.err,
      );
    });
    const add =
      spans.length < 2
        ? h(
            'button',
            {
              type: 'button',
              class: 'link',
              'data-focus': `add-${day}`,
              'aria-label': `Add ${spans.length ? 'a second span' : 'hours'} on ${DAY_NAMES[day]}`,
              onclick: () => {
                const prev = spans[spans.length - 1];
                spans.push(
                  prev
                    ? { start: prev.end < '14:00' ? '14:00' : prev.end, end: '18:00' }
                    : { start: '09:00', end: '18:00' },
                );
                if (prev && prev.end >= '18:00') spans[spans.length - 1]!.end = '20:00';
                restructure('calendar', `${day}-${spans.length - 1}-start`);
              },
            },
            spans.length ? '+ span' : '+ hours',
          )
        : null;
    const lastRow = spanEls[spanEls.length - 1]?.querySelector('.span-row');
    if (add && lastRow) lastRow.append(add);
    return h(
      'li',
      { class: 'day' },
      h('span', { class: 'day-name' }, DAY_NAMES[day].slice(0, 3)),
      h(
        'div',
        { class: 'day-spans' },
        spans.length ? null : h('span', { class: 'closed' }, 'Closed'),
        ...spanEls,
        spans.length ? null : add,
        dayError,
      ),
    );
  });
  const holidays = cal.holidays.map((hol, i) => {
    const base = `calendar.holidays.${i}`;
    const dateId = uid('hd');
    const nameId = uid('hn');
    const date = h('input', {
      type: 'date',
      id: dateId,
      value: hol.date,
      'aria-label': `Holiday ${i + 1} date`,
      'data-focus': `hol-${i}`,
      oninput: () => {
        hol.date = date.value;
        changed();
      },
    });
    const name = h('input', {
      type: 'text',
      id: nameId,
      value: hol.name,
      placeholder: 'Name',
      'aria-label': `Holiday ${i + 1} name`,
      oninput: () => {
        hol.name = name.value;
        changed();
      },
    });
    const dateErr = errorSlot(`${dateId}-err`);
    const nameErr = errorSlot(`${nameId}-err`);
    const rowErr = errorSlot(uid('hr-err'));
    date.setAttribute('aria-describedby', dateErr.id);
    name.setAttribute('aria-describedby', nameErr.id);
    registerSlot(`${base}.date`, date, dateErr);
    registerSlot(`${base}.name`, name, nameErr);
    registerSlot(base, null, rowErr);
    return h(
      'li',
      { class: 'holiday' },
      h(
        'div',
        { class: 'span-row' },
        date,
        name,
        h(
          'button',
          {
            type: 'button',
            class: 'icon',
            'aria-label': `Remove holiday ${hol.name || i + 1}`,
            onclick: () => {
              cal.holidays.splice(i, 1);
              restructure('calendar', 'add-holiday');
            },
          },
          '×',
        ),
      ),
      dateErr,
      nameErr,
      rowErr,
    );
  });
  const holidaysErr = errorSlot(uid('hols-err'));
  registerSlot('calendar.holidays', null, holidaysErr);
  return [
    h('div', { class: 'spacer' }),
    textField(
      {
        label: 'Time zone',
        path: 'calendar.timeZone',
        placeholder: zone,
        hint: `Blank: the spreadsheet's time zone (${zone}).`,
      },
      () => cal.timeZone,
      (v) => {
        cal.timeZone = v;
      },
    ),
    ...sectionTitle('Working hours', 'One or two spans a day, e.g. 09:00–12:30 and 14:00–18:00.'),
    h('ul', { class: 'week' }, ...rows),
    ...sectionTitle('Holidays', 'No business hours on these days.'),
    cal.holidays.length ? h('ul', { class: 'holidays' }, ...holidays) : null,
    holidaysErr,
    button(
      '+ Add holiday',
      () => {
        cal.holidays.push({ date: '', name: '' });
        restructure('calendar', `hol-${cal.holidays.length - 1}`);
      },
      { 'data-focus': 'add-holiday' },
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Definitions tab

function renderDefinitions(): Child[] {
  const d = draft.definitions;
  return [
    ...sectionTitle(
      'Shared definitions',
      'What both teams mean by each word. They appear in the SLA Agreement sheet.',
    ),
    ...DEFINITION_LABELS.map(([key, label]) =>
      textArea(
        { label, path: `definitions.${key}`, max: 1000, rows: 3 },
        () => d[key],
        (v) => {
          d[key] = v;
        },
      ),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Monitoring tab

let monitoringBusy = false;
let monitoringMessage = '';

function setMonitoring(on: boolean): void {
  if (!server || monitoringBusy) return;
  monitoringBusy = true;
  monitoringMessage = on ? 'Turning monitoring on…' : 'Turning monitoring off…';
  renderPanel('monitoring', 'monitoring-on');
  const minutes = draft.monitoring.frequencyMinutes;
  callServer<MonitoringState>('sidebarSetMonitoring', on, minutes)
    .then((state) => {
      monitoringBusy = false;
      if (server) server.monitoring = state;
      // The frequency is stored by the server: keep it out of the unsaved changes.
      const saved = JSON.parse(baseline) as Settings;
      saved.monitoring.frequencyMinutes = minutes;
      baseline = canonical(saved);
      monitoringMessage =
        state.on === on
          ? state.on
            ? `On: leads are checked every ${state.minutes} minutes.`
            : 'Off.'
          : `Frequency saved (${minutes} minutes); the trigger itself is ${state.on ? 'on' : 'off'}.`;
      renderPanel('monitoring', 'monitoring-on');
      changed();
    })
    .catch((error: unknown) => {
      monitoringBusy = false;
      monitoringMessage = `Could not change monitoring: ${errorMessage(error)}`;
      renderPanel('monitoring', 'monitoring-on');
    });
}

let checking = false;

function checkNow(): void {
  if (checking) return;
  checking = true;
  monitoringMessage = 'Checking the leads…';
  renderPanel('monitoring', 'check-now');
  callServer<unknown>('checkLeadsNow')
    .then(() => {
      checking = false;
      monitoringMessage = '';
      refreshLog('check-now');
    })
    .catch((error: unknown) => {
      checking = false;
      monitoringMessage = `Check failed: ${errorMessage(error)}`;
      renderPanel('monitoring', 'check-now');
    });
}

function refreshLog(focusKey = 'refresh-log'): void {
  callServer<SidebarState>('sidebarLoad')
    .then((state) => {
      if (!server) return;
      server.runLog = state.runLog;
      server.monitoring = state.monitoring;
      renderPanel('monitoring', focusKey);
    })
    .catch((error: unknown) => {
      monitoringMessage = `Could not refresh: ${errorMessage(error)}`;
      renderPanel('monitoring', focusKey);
    });
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const opts: Intl.DateTimeFormatOptions = {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  const zone = draft?.calendar.timeZone.trim() || server?.timeZone;
  try {
    return d.toLocaleString('en-GB', zone ? { ...opts, timeZone: zone } : opts);
  } catch {
    return d.toLocaleString('en-GB', opts);
  }
}

function runLine(e: RunLogEntry): HTMLElement {
  const what: Record<RunLogEntry['kind'], string> = {
    check: 'Leads checked',
    review: 'Monthly review',
    settings: 'Settings saved',
    setup: 'Workbook set up',
  };
  const details: string[] = [];
  if (e.rows !== undefined) details.push(`${e.rows} rows`);
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
  return h(
    'li',
    { class: e.error ? 'run failed' : 'run' },
    h(
      'div',
      { class: 'run-head' },
      h('span', { class: 'run-kind' }, what[e.kind] ?? String(e.kind)),
      h('span', { class: 'run-time' }, `${formatTime(e.at)} · ${e.trigger}`),
    ),
    details.filter(Boolean).length
      ? h('div', { class: 'run-detail' }, details.filter(Boolean).join(' · '))
      : null,
    e.error ? h('div', { class: 'error-text' }, e.error) : null,
  );
}

function renderMonitoring(): Child[] {
  const m = draft.monitoring;
  const state = server?.monitoring ?? { on: false, minutes: m.frequencyMinutes };
  const log = server?.runLog ?? [];
  const onId = uid('mon');
  const toggle = h('input', {
    type: 'checkbox',
    id: onId,
    role: 'switch',
    checked: state.on,
    disabled: monitoringBusy,
    'data-focus': 'monitoring-on',
    onchange: () => setMonitoring(toggle.checked),
  });
  return [
    ...sectionTitle(
      'Monitoring',
      'A timer scores the leads, computes each deadline in business hours and colours the late ones.',
    ),
    h(
      'div',
      { class: 'field check' },
      h('label', { for: onId }, toggle, h('span', {}, 'Check leads automatically')),
      h(
        'div',
        { class: 'hint', role: 'status' },
        monitoringMessage || (state.on ? `On, every ${state.minutes} minutes.` : 'Off.'),
      ),
    ),
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

start();
