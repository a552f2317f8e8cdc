/**
 * Fields tab: how the user's sheet is read, as it is. Which sheet holds the leads, which column
 * feeds each SLA field (automatic, another column of row 1, or none) with a live count of the
 * rows each reads, which column starts the clock and for how long never-contacted leads are
 * tracked, and what each stage, status and priority value means (fieldValues.ts).
 *
 * Everything it shows comes from the live preview (`sidebarPreview` reads the sheet with the
 * unsaved settings). A new answer with the same row 1, sheets and values only refreshes the
 * counts; a different one rebuilds the panel (focus kept).
 */

import { headerKey } from '../../src/core/common/headers.ts';
import { plural, pluralWord } from '../../src/core/common/plural.ts';
import {
  CLOCK_FIELDS,
  FIELD_IDS,
  FIELD_LABELS,
  type FieldId,
} from '../../src/core/read/fieldIds.ts';
import { type FieldRow, type FieldsReport, MAX_VALUES } from '../../src/core/read/fieldsReport.ts';
import { type Child, h, replaceChildren, uid } from '../dom.ts';
import { fmtNumber } from '../format.ts';
import {
  errorSlot,
  numberAt,
  onRefresh,
  registerSlot,
  runRefreshers,
  sectionTitle,
  selectAt,
  selectField,
} from '../formFields.ts';
import { onPreview, previewState } from '../livePreview.ts';
import { state, ui } from '../state.ts';
import { renderActivityLog } from './activityLog.ts';
import { STAGE_CHOICE_HINT, valueList } from './fieldValues.ts';

/** The fields the SLA status is computed from; the others serve the review and matching. */
const SLA_FIELDS: readonly FieldId[] = [
  'owner',
  'stage',
  'leadStatus',
  'priority',
  'createdAt',
  'mqlAt',
  'handedOffAt',
  'firstContactAt',
  'attempts',
  'lastAttemptAt',
];
const OTHER_FIELDS = FIELD_IDS.filter((f) => !SLA_FIELDS.includes(f));

let rendered = '';
let othersOpen = false;

function report(): FieldsReport | null {
  return previewState().result?.fields ?? null;
}

/** What, when it changes, needs the panel rebuilt (new options, new rows). */
function structureKey(): string {
  const p = previewState().result;
  const r = p?.fields;
  return JSON.stringify([
    p ? p.sheetName : 'loading',
    r?.headers ?? [],
    r?.fields.map((f) => f.header) ?? [],
    r?.clock ?? null,
    r?.stageValues.map((v) => v.value) ?? [],
    r?.priorityValues.map((v) => v.value) ?? [],
    state.server?.sheetNames ?? [],
    p?.activities?.sheet ?? null,
    Object.keys(p?.activities?.fields ?? {}),
  ]);
}

onPreview(() => {
  if (structureKey() === rendered) {
    runRefreshers();
    return;
  }
  const focused = document.activeElement?.getAttribute('data-focus') ?? undefined;
  ui.renderPanel('fields', focused);
  // Revalidates (the new fields show their messages) and refreshes; the preview key is unchanged.
  ui.changed();
});

// ---------------------------------------------------------------------------------------------
// The summary line

/** "A", "A and B", "A, B and C". */
function listText(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function summaryText(): string {
  const { result, status, failure } = previewState();
  if (status === 'invalid') return 'Fix the highlighted fields to update the counts.';
  if (status === 'error') return `Could not read the sheet: ${failure}`;
  if (!result) return 'Reading the sheet…';
  if (!result.sheetName) return 'No sheet to read the leads from: choose it below.';
  const r = result.fields;
  const unknown = [...r.stageValues, ...r.priorityValues].filter((v) => v.meaning === null);
  const unread = r.fields.filter((f) => f.unreadable > 0).map((f) => f.label);
  const parts = [`${plural(r.leads, 'lead')} in "${result.sheetName}".`];
  if (unread.length) parts.push(`Cells that cannot be read in ${listText(unread)}.`);
  if (unknown.length) {
    const are = pluralWord(unknown.length, 'is', 'are');
    parts.push(
      `${plural(unknown.length, 'value')} ${are} not mapped (read as open leads): map below.`,
    );
  }
  return parts.join(' ') + (status === 'waiting' ? ' Updating…' : '');
}

function summary(): HTMLElement {
  const line = h('p', {
    class: 'fields-summary',
    'data-testid': 'fields-summary',
    'aria-live': 'polite',
  });
  onRefresh(line, () => {
    line.textContent = summaryText();
    line.classList.toggle('stale', previewState().status !== 'idle');
  });
  return line;
}

// ---------------------------------------------------------------------------------------------
// The sheet

function sheetField(): Child[] {
  const m = state.draft.mapping;
  const names = state.server?.sheetNames ?? [];
  const chosen = m.sheetName.trim();
  // The sheet is found by name, case and spacing ignored: show the name as the tab has it.
  const same = chosen
    ? names.find((n) => n.trim().toLowerCase() === chosen.toLowerCase())
    : undefined;
  const result = previewState().result;
  const auto = result?.sheetName && !chosen ? `Automatic: ${result.sheetName}` : 'Automatic';
  const options: Array<readonly [string, string]> = [
    ['', auto],
    ...names.map((n) => [n, n] as const),
  ];
  if (chosen && !same) options.push([m.sheetName, `${m.sheetName} (no such sheet)`]);
  const message = result?.sheetMessage ?? '';
  return [
    selectField(
      { label: 'Leads are read from the sheet', path: 'mapping.sheetName', focus: 'sheet' },
      options,
      () => same ?? m.sheetName,
      (v) => {
        m.sheetName = v;
      },
      () => ui.restructure('fields', 'sheet'),
    ),
    message ? h('p', { class: result?.sheetName ? 'hint' : 'hint warning-text' }, message) : null,
  ];
}

// ---------------------------------------------------------------------------------------------
// One field

const AUTO = 'auto';
const NONE = 'none';
const STALE = 'stale';

function countsText(r: FieldRow | undefined, choice: string | undefined): Child[] {
  if (choice === '') return ['None: not read'];
  if (!r?.header) return ['Not in this sheet'];
  const parts: Child[] = [`${fmtNumber(r.read, 0)} read`];
  parts.push(
    ' · ',
    h(
      'span',
      { class: r.unreadable ? 'unreadable' : '' },
      `${fmtNumber(r.unreadable, 0)} unreadable`,
    ),
  );
  if (r.unmapped)
    parts.push(' · ', h('span', { class: 'unreadable' }, `${fmtNumber(r.unmapped, 0)} not mapped`));
  parts.push(` · ${fmtNumber(r.blank, 0)} blank`);
  return parts;
}

/** Chooses a column for a field; a column feeds one field, so others choosing it go automatic. */
function choose(field: FieldId, value: string, headers: readonly string[]): void {
  const fields = state.draft.mapping.fields;
  if (value === AUTO) delete fields[field];
  else if (value === NONE) fields[field] = '';
  else if (value !== STALE) {
    const header = headers[Number(value)]!;
    for (const f of FIELD_IDS) {
      const other = fields[f];
      if (f !== field && other && headerKey(other) === headerKey(header)) delete fields[f];
    }
    fields[field] = header;
  }
  ui.restructure('fields', `field:${field}`);
}

function selectedValue(choice: string | undefined, headers: readonly string[]): string {
  if (choice === undefined) return AUTO;
  if (choice === '') return NONE;
  const i = headers.findIndex((x) => headerKey(x) === headerKey(choice));
  return i >= 0 ? String(i) : STALE;
}

function fieldSelect(
  field: FieldId,
  headers: readonly string[],
  choice: string | undefined,
): HTMLSelectElement {
  const id = uid('f');
  const select = h(
    'select',
    { id, 'data-focus': `field:${field}`, onchange: () => choose(field, select.value, headers) },
    h('option', { value: AUTO }, 'Automatic'),
    ...headers.map((header, i) => h('option', { value: String(i) }, header)),
    h('option', { value: NONE }, 'None (not in this sheet)'),
    choice && selectedValue(choice, headers) === STALE
      ? h('option', { value: STALE }, `${choice} (not in row 1)`)
      : null,
  );
  select.value = selectedValue(choice, headers);
  return select;
}

function fieldNote(
  r: FieldRow | undefined,
  choice: string | undefined,
  headers: readonly string[],
): string {
  if (!r) return '';
  if (choice && r.via !== 'user') {
    const why = headers.some((x) => headerKey(x) === headerKey(choice))
      ? 'feeds another field'
      : 'is not in row 1';
    return `"${choice}" ${why}: ${r.header ? `read "${r.header}" instead` : 'not read'}`;
  }
  return r.note ?? '';
}

function fieldItem(field: FieldId, headers: readonly string[]): HTMLElement {
  const choice = state.draft.mapping.fields[field];
  const select = fieldSelect(field, headers, choice);
  const counts = h('span', {
    class: 'field-counts',
    id: `${select.id}-counts`,
    'data-testid': `counts-${field}`,
  });
  const note = h('div', {
    class: 'field-note',
    id: `${select.id}-note`,
    'data-testid': `note-${field}`,
  });
  const error = errorSlot(`${select.id}-err`);
  select.setAttribute('aria-describedby', `${counts.id} ${note.id} ${error.id}`);
  registerSlot(`mapping.fields.${field}`, select, error);
  const item = h(
    'li',
    { class: 'map-field' },
    h(
      'div',
      { class: 'map-head' },
      h('label', { for: select.id, class: 'map-label' }, FIELD_LABELS[field]),
      counts,
    ),
    select,
    note,
    error,
  );
  onRefresh(item, () => {
    const r = report()?.fields.find((f) => f.field === field);
    const current = state.draft.mapping.fields[field];
    const auto = select.options[0]!;
    auto.textContent =
      current === undefined && r
        ? r.header
          ? `Automatic: ${r.header}`
          : 'Automatic: none found'
        : 'Automatic';
    // A long header is cut in the box: the whole text shows on hover.
    select.title = select.selectedOptions[0]?.textContent ?? '';
    replaceChildren(counts, ...countsText(r, current));
    note.textContent = fieldNote(r, current, headers);
    note.hidden = note.textContent === '';
  });
  return item;
}

function fieldList(fields: readonly FieldId[], name: string): HTMLElement {
  const headers = report()?.headers ?? [];
  return h(
    'ul',
    { class: 'map-fields', 'aria-label': name },
    ...fields.map((f) => fieldItem(f, headers)),
  );
}

function otherFields(): HTMLElement {
  const found = (report()?.fields ?? []).filter(
    (f) => OTHER_FIELDS.includes(f.field) && f.header,
  ).length;
  const details = h(
    'details',
    {
      class: 'other-fields',
      open: othersOpen,
      ontoggle: () => {
        othersOpen = details.open;
      },
    },
    h('summary', {}, `Other fields (${found} of ${OTHER_FIELDS.length} found)`),
    h(
      'p',
      { class: 'hint' },
      'For the review, the scoring and matching rows when there is no Lead ID.',
    ),
    fieldList(OTHER_FIELDS, 'Other fields'),
  );
  return details;
}

// ---------------------------------------------------------------------------------------------
// The clock

function clockFields(): Child[] {
  const r = report();
  const headerOf = (f: FieldId): string | null =>
    r?.fields.find((x) => x.field === f)?.header ?? null;
  const options = [
    ['auto', r?.clock ? `Automatic: ${r.clock}` : 'Automatic'] as const,
    ...CLOCK_FIELDS.map(
      (f) => [f, `${FIELD_LABELS[f]} (${headerOf(f) ?? 'not in this sheet'})`] as const,
    ),
  ];
  return [
    selectAt(
      state.draft.handoff,
      'clockStart',
      { label: 'The deadline counts from', path: 'handoff.clockStart', focus: 'clock' },
      options,
    ),
    h(
      'p',
      { class: 'hint' },
      'Automatic: the first of Handed off at, MQL at and Created at that the sheet has, for every row (in a sheet with a hand-off column, a lead not handed off yet is Waiting).',
    ),
    r && !r.clock
      ? h(
          'p',
          { class: 'warning-text' },
          'No column starts the clock: no lead can be timed. Choose the column of the hand-off, MQL or creation date above.',
        )
      : null,
    numberAt(state.draft.handoff, 'trackingDays', {
      label: 'Track never-contacted leads for',
      path: 'handoff.trackingDays',
      suffix: 'days',
      hint: 'Older ones stay Overdue but are not tracked: no colour, no notice, so last year’s backlog does not bury today’s leads.',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// The panel

export function renderFields(): Child[] {
  rendered = structureKey();
  const r = report();
  const column = (f: FieldId): string | null =>
    r?.fields.find((x) => x.field === f)?.header ?? null;
  const stageColumns = [column('stage'), column('leadStatus')].filter((c) => c !== null).join(', ');
  return [
    summary(),
    ...sheetField(),
    ...sectionTitle('Columns', 'Each SLA field, the column it is read from, and its rows.'),
    fieldList(SLA_FIELDS, 'SLA fields'),
    otherFields(),
    ...sectionTitle('When the clock starts'),
    ...clockFields(),
    ...renderActivityLog(),
    ...sectionTitle(
      'What the values mean',
      'Rows with a value nobody mapped are timed as open leads, with no notice, until you map it.',
    ),
    h('h3', {}, 'Stage and lead status'),
    ...valueList('stage', r?.stageValues ?? [], stageColumns || null, MAX_VALUES),
    h('p', { class: 'hint' }, STAGE_CHOICE_HINT),
    h('h3', {}, 'Priority'),
    ...valueList('priority', r?.priorityValues ?? [], column('priority'), MAX_VALUES),
  ];
}
