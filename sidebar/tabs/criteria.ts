/** The fit and interest criteria lists of the Scoring tab: collapsible cards. */

import { OPERATORS, type Operator } from '../../src/core/common/choices.ts';
import { headerKey } from '../../src/core/common/headers.ts';
import { pluralWord } from '../../src/core/common/plural.ts';
import type { Criterion } from '../../src/core/settings/index.ts';
import { type Child, h, uid } from '../dom.ts';
import { showNumber, signed } from '../format.ts';
import {
  button,
  checkField,
  errorSlot,
  numberAt,
  onRefresh,
  registerSlot,
  sectionTitle,
  selectAt,
  selectField,
  textArea,
  textAt,
  textField,
} from '../formFields.ts';
import { state, ui } from '../state.ts';

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

const KINDS = [
  ['fit', 'Fit'],
  ['interest', 'Interest'],
] as const;

/** Ids of the open cards. */
const expanded = new Set<string>();

let nextCriterion = 0;
function newCriterionId(): string {
  nextCriterion++;
  const used = new Set(state.draft.scoring.criteria.map((c) => c.id));
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
      return `${col} is within the last ${showNumber(c.days)} ${pluralWord(c.days ?? 0, 'day')}`;
    default:
      return `${col} ${op}`;
  }
}

/** Is the column in Leads (or can we not tell)? */
export function columnKnown(column: string): boolean {
  if (!state.server?.leadsSheetFound) return true;
  return column.trim() === '' || state.headerKeys.has(headerKey(column));
}

/** A "column not found" flag, refreshed as the column is typed. */
export function columnFlag(column: () => string): HTMLElement {
  const flag = h('div', { class: 'crit-flag', hidden: true });
  onRefresh(flag, () => {
    const unknown = !columnKnown(column());
    flag.hidden = !unknown;
    flag.textContent = unknown ? `⚠ column not found in Leads: "${column()}"` : '';
  });
  return flag;
}

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

/** The fields that depend on the operator. */
function operandFields(c: Criterion, base: string): Child[] {
  const op = c.operator;
  if (op === 'equals' || op === 'contains') {
    const hint =
      op === 'equals' ? 'Case and accents ignored; "yes" matches ticked boxes.' : undefined;
    return [
      textField(
        { label: 'Value', path: `${base}.value`, hint },
        () => c.value ?? '',
        (v) => {
          c.value = v;
        },
      ),
    ];
  }
  if (op === 'oneOf') {
    return [
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
    ];
  }
  if (op === 'atLeast' || op === 'between' || op === 'atMost') {
    return [
      h(
        'div',
        { class: 'row' },
        op === 'atMost'
          ? null
          : numberAt(c, 'min', { label: 'Minimum', path: `${base}.min`, blank: 'undefined' }),
        op === 'atLeast'
          ? null
          : numberAt(c, 'max', { label: 'Maximum', path: `${base}.max`, blank: 'undefined' }),
      ),
    ];
  }
  if (op === 'withinDays') {
    return [
      numberAt(c, 'days', {
        label: 'Days',
        path: `${base}.days`,
        blank: 'undefined',
        suffix: 'days',
      }),
    ];
  }
  return [];
}

function cardActions(c: Criterion, sameKind: Criterion[]): HTMLElement {
  const pos = sameKind.indexOf(c);
  const move = (delta: number) => {
    const other = sameKind[pos + delta];
    if (!other) return;
    const list = state.draft.scoring.criteria;
    const i = list.indexOf(c);
    const j = list.indexOf(other);
    list[i] = other;
    list[j] = c;
    ui.restructure('scoring', `${delta < 0 ? 'up' : 'down'}-${c.id}`);
  };
  const remove = () => {
    const list = state.draft.scoring.criteria;
    list.splice(list.indexOf(c), 1);
    expanded.delete(c.id);
    ui.restructure('scoring', `add-${c.kind}`);
  };
  return h(
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
    button('Delete', remove, { class: 'secondary danger', 'aria-label': `Delete "${c.label}"` }),
  );
}

function cardBody(c: Criterion, base: string, sameKind: Criterion[]): Child[] {
  return [
    textAt(c, 'label', { label: 'Label', path: `${base}.label`, focus: `label-${c.id}` }),
    h(
      'div',
      { class: 'row' },
      selectAt(
        c,
        'kind',
        { label: 'Kind', path: `${base}.kind`, focus: `kind-${c.id}` },
        KINDS,
        () => ui.restructure('scoring', `kind-${c.id}`),
      ),
      numberAt(c, 'points', { label: 'Points', path: `${base}.points`, class: 'narrow' }),
    ),
    textAt(c, 'column', {
      label: 'Leads column',
      path: `${base}.column`,
      list: 'leads-headers',
      placeholder: 'e.g. Job title',
    }),
    selectField(
      { label: 'Matches when the cell', path: `${base}.operator`, focus: `op-${c.id}` },
      OPERATORS.map((o) => [o, OPERATOR_LABELS[o]] as const),
      () => c.operator,
      (v) => fitOperator(c, v),
      () => ui.restructure('scoring', `op-${c.id}`),
    ),
    ...operandFields(c, base),
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
    cardActions(c, sameKind),
  ];
}

function criterionCard(c: Criterion, index: number, sameKind: Criterion[]): HTMLElement {
  const base = `scoring.criteria.${index}`;
  const isOpen = expanded.has(c.id);
  const bodyId = uid('crit');
  const title = h('span', { class: 'crit-label' });
  const points = h('span', { class: 'crit-points' });
  const summary = h('div', { class: 'crit-summary' });
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
        ui.restructure('scoring', `toggle-${c.id}`);
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
    card.classList.toggle(
      'has-error',
      state.issues.some((i) => i.path.startsWith(`${base}.`)),
    );
  });
  card.append(
    toggle,
    summary,
    columnFlag(() => c.column),
  );
  if (isOpen)
    card.append(h('div', { class: 'crit-body', id: bodyId }, ...cardBody(c, base, sameKind)));
  card.append(cardError);
  return card;
}

/** One kind's heading, cards and "+ Add" button. */
export function criteriaList(kind: 'fit' | 'interest'): Child[] {
  const all = state.draft.scoring.criteria;
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
      state.draft.scoring.criteria.push(c);
      expanded.add(c.id);
      ui.restructure('scoring', `label-${c.id}`);
      document
        .querySelector<HTMLInputElement>(`[data-focus="${CSS.escape(`label-${c.id}`)}"]`)
        ?.select();
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
