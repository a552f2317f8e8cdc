/**
 * An editable list of short texts (the fields a stage requires, the contact channels): one box a
 * text with × to remove it, and a button to add one. Issues at `<path>.<i>` show under box i,
 * issues of the whole list under the list.
 */
import { h, uid } from './dom.ts';
import { button, describedError, errorSlot, registerSlot, removeButton } from './formFields.ts';
import { type TabId, ui } from './state.ts';

export interface TextListOptions {
  /** The list in the draft, edited in place. */
  items: string[];
  /** Its settings path. */
  path: string;
  /** The tab that shows it: rebuilt when a box is added or removed. */
  tab: TabId;
  /** What one item is, for its box's name: `Hand-off field` → "Hand-off field 2". */
  itemLabel: string;
  /** The list's accessible name. */
  listLabel: string;
  addLabel: string;
  /** The add button's accessible name, when its label alone does not say which list. */
  addName?: string;
  placeholder?: string;
  /** The id of a datalist of suggestions. */
  suggestions?: string;
  /** Shown when the list is empty. */
  empty?: string;
}

function itemRow(o: TextListOptions, key: string, i: number): HTMLElement {
  const input = h('input', {
    type: 'text',
    id: uid('in'),
    value: o.items[i] ?? '',
    placeholder: o.placeholder,
    list: o.suggestions,
    'aria-label': `${o.itemLabel} ${i + 1}`,
    'data-focus': `${key}-${i}`,
    autocomplete: 'off',
    spellcheck: 'false',
    oninput: () => {
      o.items[i] = input.value;
      ui.changed();
    },
  });
  const name = (o.items[i] ?? '').trim() || String(i + 1);
  const remove = removeButton(`Remove ${o.itemLabel.toLowerCase()} ${name}`, () => {
    o.items.splice(i, 1);
    const next = o.items.length ? `${key}-${Math.min(i, o.items.length - 1)}` : `${key}-add`;
    ui.restructure(o.tab, next);
  });
  return h(
    'li',
    { class: 'text-item' },
    h('div', { class: 'span-row' }, input, remove),
    describedError(`${o.path}.${i}`, input),
  );
}

export function textList(o: TextListOptions): HTMLElement {
  const key = o.path.replace(/\./g, '-');
  const listError = errorSlot(uid('list-err'));
  registerSlot(o.path, null, listError);
  const rows = o.items.map((_, i) => itemRow(o, key, i));
  return h(
    'div',
    { class: 'text-list' },
    rows.length
      ? h('ul', { class: 'texts', 'aria-label': o.listLabel }, ...rows)
      : o.empty
        ? h('p', { class: 'empty' }, o.empty)
        : null,
    listError,
    button(
      o.addLabel,
      () => {
        o.items.push('');
        ui.restructure(o.tab, `${key}-${o.items.length - 1}`);
      },
      { 'data-focus': `${key}-add`, 'aria-label': o.addName },
    ),
  );
}
