/**
 * The Fields tab's value maps: every distinct value of the Stage and Lead status columns (and of
 * Priority) with its rows and a select of what it means. The built-in meaning (a canonical or
 * CRM word) is the first option; picking another stores the user's entry in
 * `settings.mapping.stageValues` / `priorityValues`. A value nobody knows is flagged: its rows
 * are read as open leads (a priority nobody knows as the default one), with no notice, until it
 * is mapped here.
 */
import { normalizeText } from '../../src/core/common/cellValues.ts';
import { PRIORITIES } from '../../src/core/common/choices.ts';
import { plural } from '../../src/core/common/plural.ts';
import type { ValueRow } from '../../src/core/read/fieldsReport.ts';
import { STAGE_CHOICES } from '../../src/core/read/leadColumns.ts';
import { type Child, h, uid } from '../dom.ts';
import { onRefresh, removeButton } from '../formFields.ts';
import { state, ui } from '../state.ts';

export type ValueKind = 'stage' | 'priority';

const CHOICES: Record<ValueKind, readonly string[]> = {
  stage: STAGE_CHOICES,
  priority: PRIORITIES,
};

/** What the stage choices that are not stages mean, for the hint. */
export const STAGE_CHOICE_HINT =
  'Contacted and Attempted: an open lead sales has reached or tried to reach, with no time recorded: never Due or Overdue.';

/** The user's entries for a kind: value as typed → meaning. */
function entries(kind: ValueKind): Record<string, string> {
  const m = state.draft.mapping;
  return kind === 'stage' ? m.stageValues : m.priorityValues;
}

/** The user's entry for a value (compared as the value map compares), or undefined. */
function entryFor(kind: ValueKind, value: string): string | undefined {
  const key = normalizeText(value);
  const found = Object.entries(entries(kind)).find(([v]) => normalizeText(v) === key);
  return found?.[1];
}

function setEntry(kind: ValueKind, value: string, meaning: string): void {
  const map = entries(kind);
  const key = normalizeText(value);
  for (const v of Object.keys(map)) if (normalizeText(v) === key) delete map[v];
  if (meaning !== '') map[value] = meaning;
}

function valueRow(kind: ValueKind, row: ValueRow): HTMLElement {
  const id = uid('val');
  const stateId = `${id}-state`;
  const select = h(
    'select',
    {
      id,
      'aria-label': `Meaning of "${row.value}"`,
      'aria-describedby': stateId,
      'data-focus': `${kind}:${row.value}`,
      onchange: () => {
        setEntry(kind, row.value, select.value);
        ui.changed();
      },
    },
    h('option', { value: '' }, row.builtIn ? `${row.builtIn} (built in)` : 'Not known'),
    ...CHOICES[kind].map((c) => h('option', { value: c }, c)),
  );
  select.value = entryFor(kind, row.value) ?? '';
  const status = h('div', { class: 'value-state', id: stateId });
  const item = h(
    'li',
    { class: 'value-row', 'data-testid': `${kind}-value` },
    h('div', { class: 'value-text' }, `"${row.value}"`),
    status,
    select,
  );
  onRefresh(item, () => {
    const mine = entryFor(kind, row.value);
    const unknown = mine === undefined && row.builtIn === null;
    item.classList.toggle('unknown', unknown);
    status.textContent = `${plural(row.count, 'row')} · ${
      unknown ? 'not mapped: read as open' : mine !== undefined ? 'mapped by you' : 'built in'
    }`;
  });
  return item;
}

/** The user's entries for values this sheet does not have, each with a remove button. */
function otherEntries(kind: ValueKind, listed: readonly ValueRow[]): Child {
  const here = new Set(listed.map((r) => normalizeText(r.value)));
  const others = Object.entries(entries(kind)).filter(([v]) => !here.has(normalizeText(v)));
  if (others.length === 0) return null;
  return h(
    'div',
    { class: 'other-entries' },
    h('p', { class: 'hint' }, 'Your entries for values not in this sheet:'),
    h(
      'ul',
      { class: 'plain-list' },
      ...others.map(([v, meaning]) =>
        h(
          'li',
          { class: 'other-entry' },
          h('span', {}, `"${v}" → ${meaning}`),
          removeButton(`Remove the entry for "${v}"`, () => {
            setEntry(kind, v, '');
            ui.restructure('fields', `${kind}-values`);
          }),
        ),
      ),
    ),
  );
}

/** The list of one kind's values, or a line saying there are none. */
export function valueList(
  kind: ValueKind,
  listed: readonly ValueRow[],
  column: string | null,
  max: number,
): Child[] {
  const name = kind === 'stage' ? 'Stage and lead status' : 'Priority';
  if (!column) {
    return [
      h('p', { class: 'empty' }, `No ${name.toLowerCase()} column in this sheet.`),
      otherEntries(kind, listed),
    ];
  }
  const parts: Child[] = [];
  if (listed.length === 0)
    parts.push(h('p', { class: 'empty' }, `${column}: every cell is blank.`));
  else {
    parts.push(
      h(
        'ul',
        {
          class: 'values',
          'aria-label': `${name} values`,
          tabindex: -1,
          'data-focus': `${kind}-values`,
        },
        ...listed.map((r) => valueRow(kind, r)),
      ),
    );
  }
  if (listed.length >= max)
    parts.push(h('p', { class: 'hint' }, `The ${max} most frequent values.`));
  parts.push(otherEntries(kind, listed));
  return parts;
}
