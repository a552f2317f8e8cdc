/**
 * Field builders. Each field has a label, an optional hint and an error slot registered under
 * the settings path the schema reports issues at; `showFieldIssues` fills the slots. User text
 * only goes into `value` or text nodes.
 */
import type { SettingsIssue } from '../src/core/settings/index.ts';
import { type Attrs, type Child, h, uid } from './dom.ts';
import { readNumberText, showNumber } from './format.ts';
import { ui } from './state.ts';

interface Slot {
  input: HTMLElement | null;
  error: HTMLElement;
  /** The box shows a fraction as a percentage: drop the schema's "write 50 % as 0.5". */
  percent?: boolean;
}
/** Error slots by dotted settings path (rebuilt with the panels). */
const slots = new Map<string, Slot>();
/** Per-element refreshers run after every change (criterion summaries, counters…). */
let refreshers: Array<{ el: Element; run: () => void }> = [];

export function onRefresh(el: Element, run: () => void): void {
  refreshers.push({ el, run });
}

export function runRefreshers(): void {
  for (const r of refreshers) r.run();
}

/** Forgets the slots and refreshers of elements no longer in the page. */
export function pruneDetached(): void {
  for (const [path, slot] of slots) if (!slot.error.isConnected) slots.delete(path);
  refreshers = refreshers.filter((r) => r.el.isConnected);
}

export function registerSlot(
  path: string,
  input: HTMLElement | null,
  error: HTMLElement,
  percent = false,
): void {
  slots.set(path, percent ? { input, error, percent } : { input, error });
}

export function errorSlot(id: string = uid('err')): HTMLElement {
  return h('div', { class: 'error-text', id, hidden: true });
}

/** An error slot under `path` for a control, wired with aria-describedby. */
export function describedError(path: string, input: HTMLElement, percent = false): HTMLElement {
  const error = errorSlot(`${input.id || uid('in')}-err`);
  input.setAttribute('aria-describedby', error.id);
  registerSlot(path, input, error, percent);
  return error;
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

/** Shows each issue next to its field; returns those with no field on screen. */
export function showFieldIssues(issues: readonly SettingsIssue[]): string[] {
  const messages = new Map<Slot, string[]>();
  const general: string[] = [];
  for (const issue of issues) {
    const slot = slotFor(issue.path);
    if (!slot) {
      general.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
      continue;
    }
    const message = slot.percent
      ? issue.message.replace(/ \(write 50 % as 0\.5\)$/, '')
      : issue.message;
    const list = messages.get(slot) ?? [];
    if (!list.includes(message)) list.push(message);
    messages.set(slot, list);
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
  return general;
}

export interface FieldOptions {
  label: string;
  /** The settings path the schema reports this field's issues under. */
  path: string;
  hint?: string;
  focus?: string;
  class?: string;
}

function wrap(
  opts: FieldOptions,
  control: HTMLElement,
  id: string,
  after?: Child,
  percent = false,
): HTMLElement {
  const errId = `${id}-err`;
  const hintId = opts.hint ? `${id}-hint` : undefined;
  control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
  const error = errorSlot(errId);
  registerSlot(opts.path, control, error, percent);
  return h(
    'div',
    { class: `field ${opts.class ?? ''}` },
    h('label', { for: id }, opts.label),
    after ? h('div', { class: 'with-suffix' }, control, after) : control,
    opts.hint ? h('div', { class: 'hint', id: hintId }, opts.hint) : null,
    error,
  );
}

/**
 * An input with a fresh id: `edit` copies its value into the draft on each input (`change`
 * for check boxes), then the shell revalidates (or `structural` rebuilds the panel).
 */
function control(
  opts: FieldOptions,
  attrs: Attrs,
  edit: () => void,
  structural?: () => void,
): HTMLInputElement {
  const event = attrs.type === 'checkbox' ? 'onchange' : 'oninput';
  return h('input', {
    ...attrs,
    id: uid('f'),
    'data-focus': opts.focus,
    autocomplete: 'off',
    [event]: () => {
      edit();
      if (structural) structural();
      else ui.changed();
    },
  });
}

export function textField(
  opts: FieldOptions & { list?: string; placeholder?: string },
  get: () => string,
  set: (v: string) => void,
): HTMLElement {
  const input = control(
    opts,
    {
      type: 'text',
      value: get(),
      list: opts.list,
      placeholder: opts.placeholder,
      spellcheck: 'false',
    },
    () => set(input.value),
  );
  return wrap(opts, input, input.id);
}

type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];

/** A text box bound to `obj[key]`. */
export function textAt<T extends object>(
  obj: T,
  key: KeysOf<T, string>,
  opts: FieldOptions & { list?: string; placeholder?: string },
): HTMLElement {
  const rec = obj as Record<PropertyKey, unknown>;
  return textField(
    opts,
    () => String(rec[key] ?? ''),
    (v) => {
      rec[key] = v;
    },
  );
}

export function textArea(
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
      ui.changed();
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

export type NumberOptions = FieldOptions & {
  /**
   * What an empty box means: `undefined` (optional field, the key is removed), `null`
   * (nullable: "none") or `nan` (required, the default: the schema then says "must be a number").
   */
  blank?: 'undefined' | 'null' | 'nan';
  /** 100 shows fractions as percentages (0.25 → 25). */
  scale?: number;
  suffix?: string;
  placeholder?: string;
};

/** A number box; `1 000` and `2,5` are read as numbers. */
export function numberField(
  opts: NumberOptions,
  get: () => number | null | undefined,
  set: (v: number | null | undefined) => void,
): HTMLElement {
  const scale = opts.scale ?? 1;
  const blank = opts.blank ?? 'nan';
  const input = control(
    opts,
    {
      type: 'text',
      inputmode: 'decimal',
      class: 'num',
      value: showNumber(get(), scale),
      placeholder: opts.placeholder,
    },
    () => {
      const n = readNumberText(input.value);
      if (n === undefined) set(blank === 'null' ? null : blank === 'nan' ? Number.NaN : undefined);
      else set(Number.isNaN(n) ? Number.NaN : n / scale);
    },
  );
  const suffix = opts.suffix ? h('span', { class: 'suffix' }, opts.suffix) : null;
  return wrap(opts, input, input.id, suffix, scale === 100);
}

/** A number box bound to `obj[key]` (a blank optional field removes the key). */
export function numberAt<T extends object>(
  obj: T,
  key: KeysOf<T, number | null | undefined>,
  opts: NumberOptions,
): HTMLElement {
  const rec = obj as Record<PropertyKey, unknown>;
  return numberField(
    opts,
    () => rec[key] as number | null | undefined,
    (v) => {
      if (v === undefined) delete rec[key];
      else rec[key] = v;
    },
  );
}

export function selectField<T extends string | number>(
  opts: FieldOptions,
  options: ReadonlyArray<readonly [T, string]>,
  get: () => T,
  set: (v: T) => void,
  structural?: () => void,
): HTMLElement {
  const id = uid('f');
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
        else ui.changed();
      },
    },
    ...options.map(([v, label]) => h('option', { value: String(v) }, label)),
  );
  select.value = String(get());
  return wrap(opts, select, id);
}

/** A drop-down bound to `obj[key]`. */
export function selectAt<T extends object, K extends keyof T & string>(
  obj: T,
  key: K,
  opts: FieldOptions,
  options: ReadonlyArray<readonly [T[K] & (string | number), string]>,
  structural?: () => void,
): HTMLElement {
  return selectField(
    opts,
    options,
    () => obj[key] as T[K] & (string | number),
    (v) => {
      obj[key] = v;
    },
    structural,
  );
}

export function checkField(
  opts: FieldOptions,
  get: () => boolean,
  set: (v: boolean) => void,
  structural?: () => void,
): HTMLElement {
  const box = control(
    opts,
    { type: 'checkbox', checked: get() },
    () => set(box.checked),
    structural,
  );
  const error = describedError(opts.path, box);
  return h(
    'div',
    { class: `field check ${opts.class ?? ''}` },
    h('label', { for: box.id }, box, h('span', {}, opts.label)),
    opts.hint ? h('div', { class: 'hint' }, opts.hint) : null,
    error,
  );
}

export function button(
  label: string,
  onclick: () => void,
  attrs: Record<string, string | undefined> = {},
): HTMLButtonElement {
  return h('button', { type: 'button', class: 'secondary', ...attrs, onclick }, label);
}

/** A round "×" button. */
export function removeButton(label: string, onclick: () => void): HTMLButtonElement {
  return h('button', { type: 'button', class: 'icon', 'aria-label': label, onclick }, '×');
}

export function sectionTitle(text: string, hint?: string): Child[] {
  return [h('h2', {}, text), hint ? h('p', { class: 'hint section-hint' }, hint) : null];
}
