/**
 * Plan tab: the revenue plan the review measures against (goal, deal, marketing share, the five
 * stage rates, capacity, monthly MQL target) and the monthly cost of each lead source, with a
 * live line computed by the same pure functions as the custom formulas.
 */

import { headerKey } from '../../src/core/common/headers.ts';
import { repsNeeded, weekly } from '../../src/core/plan/capacity.ts';
import { planMqlFromRevenue, planYearlyMql } from '../../src/core/plan/plan.ts';
import type { Settings, SettingsIssue } from '../../src/core/settings/index.ts';
import { type Child, h } from '../dom.ts';
import { fmtNumber, readNumberText, showNumber } from '../format.ts';
import {
  button,
  describedError,
  numberAt,
  onRefresh,
  removeButton,
  sectionTitle,
} from '../formFields.ts';
import { addCheck, state, ui } from '../state.ts';

const STAGES = [
  'Contact → lead',
  'Lead → MQL',
  'MQL → SQL',
  'SQL → opportunity',
  'Opportunity → customer',
] as const;
const COSTS = 'plan.costPerSource';
const MAX_SOURCE = 80;

// ---------------------------------------------------------------------------------------------
// The plan line

/** Is any plan field (cost rows aside) invalid? */
function planInvalid(): boolean {
  return state.issues.some(
    (i) =>
      i.path.startsWith('plan.') &&
      !i.path.startsWith(`${COSTS}.`) &&
      !i.path.startsWith('plan.costRows.'),
  );
}

function planLine(): HTMLElement {
  const main = h('p', { class: 'preview-main', 'data-testid': 'plan-line' });
  const detail = h('p', { class: 'preview-detail' });
  const box = h(
    'section',
    { class: 'preview', 'aria-live': 'polite', 'aria-label': 'Plan' },
    main,
    detail,
  );
  onRefresh(box, () => {
    const p = state.draft.plan;
    box.classList.toggle('stale', planInvalid());
    if (planInvalid()) {
      detail.textContent = 'Fix the highlighted fields to update the plan.';
      return;
    }
    const mql = planYearlyMql(p);
    if (mql === null) {
      main.textContent = 'No revenue goal and no monthly target: nothing to plan.';
      detail.textContent = '';
      return;
    }
    const perWeek = weekly(mql, p.workingWeeks);
    const reps = repsNeeded(mql, p.workingWeeks, p.mqlPerRepPerWeek);
    main.textContent = `Plan: ${fmtNumber(mql)} MQL a year → ${fmtNumber(perWeek, 1)} a week → ${fmtNumber(reps, 2)} reps`;
    const from = p.monthlyMqlTarget === null ? 'from the revenue goal' : 'your monthly target';
    detail.textContent = `${fmtNumber(mql / 12, 1)} MQL a month (${from}); ${repsNeeded(mql, p.workingWeeks, p.mqlPerRepPerWeek, 'up')} reps, rounded up.`;
  });
  return box;
}

// ---------------------------------------------------------------------------------------------
// Cost per source: edited as rows (a name may be blank or repeated while typing), stored as a
// record. The rows are rebuilt whenever the draft itself is replaced (load, discard).

interface CostRow {
  name: string;
  /** NaN when blank or not a number (the schema then says so). */
  cost: number;
}
let rows: CostRow[] = [];
let rowsOf: Settings | null = null;

function costRows(): CostRow[] {
  if (rowsOf !== state.draft) {
    rows = Object.entries(state.draft.plan.costPerSource).map(([name, cost]) => ({ name, cost }));
    rowsOf = state.draft;
  }
  return rows;
}

/** Writes the rows into the draft: the first row of each name counts, blank names do not. */
function storeRows(): void {
  const seen = new Set<string>();
  const entries: Array<[string, number]> = [];
  for (const r of costRows()) {
    const name = r.name.trim();
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    entries.push([name, r.cost]);
  }
  // fromEntries defines own properties: a source called "__proto__" stays a source.
  state.draft.plan.costPerSource = Object.fromEntries(entries);
}

const rowPath = (i: number, field: 'name' | 'cost') => `plan.costRows.${i}.${field}`;

addCheck({
  // Schema issues on `plan.costPerSource.<name>` go to that row's cost box.
  move: (issue) => {
    if (!issue.path.startsWith(`${COSTS}.`)) return issue;
    const name = issue.path.slice(COSTS.length + 1);
    const i = costRows().findIndex((r) => r.name.trim() === name);
    if (i < 0) return issue;
    // A name too long is said in words by the check below.
    return name.length > MAX_SOURCE ? null : { path: rowPath(i, 'cost'), message: issue.message };
  },
  extra: () => {
    const out: SettingsIssue[] = [];
    const keys = new Set<string>();
    costRows().forEach((r, i) => {
      const name = r.name.trim();
      if (name === '') {
        if (!Number.isNaN(r.cost))
          out.push({ path: rowPath(i, 'name'), message: 'Name the source' });
        return;
      }
      if (name.length > MAX_SOURCE) {
        out.push({ path: rowPath(i, 'name'), message: `At most ${MAX_SOURCE} characters` });
      }
      if (keys.has(headerKey(name)))
        out.push({ path: rowPath(i, 'name'), message: 'Listed twice' });
      keys.add(headerKey(name));
    });
    return out;
  },
});

function costRow(row: CostRow, i: number): HTMLElement {
  const name = h('input', {
    type: 'text',
    id: `cost-name-${i}`,
    value: row.name,
    list: 'leads-sources',
    placeholder: 'Source',
    'aria-label': `Source ${i + 1} name`,
    'data-focus': `cost-name-${i}`,
    autocomplete: 'off',
    oninput: () => {
      row.name = name.value;
      storeRows();
      ui.changed();
    },
  });
  const cost = h('input', {
    type: 'text',
    inputmode: 'decimal',
    class: 'num',
    id: `cost-value-${i}`,
    value: showNumber(row.cost),
    placeholder: '0',
    'aria-label': `Source ${i + 1} monthly cost`,
    'data-focus': `cost-value-${i}`,
    autocomplete: 'off',
    oninput: () => {
      const n = readNumberText(cost.value);
      row.cost = n === undefined ? Number.NaN : n;
      storeRows();
      ui.changed();
    },
  });
  const remove = removeButton(`Remove source ${row.name.trim() || i + 1}`, () => {
    rows.splice(i, 1);
    storeRows();
    ui.restructure(
      'plan',
      rows.length ? `cost-name-${Math.min(i, rows.length - 1)}` : 'add-source',
    );
  });
  return h(
    'li',
    { class: 'cost' },
    h('div', { class: 'span-row' }, name, cost, remove),
    describedError(rowPath(i, 'name'), name),
    describedError(rowPath(i, 'cost'), cost),
  );
}

function costFields(): Child[] {
  const list = costRows();
  const sources = state.server?.leadsSources ?? [];
  const addSource = () => {
    // Suggest the most frequent Leads source not listed yet.
    const listed = new Set(list.map((r) => headerKey(r.name)));
    const next = sources.find((s) => !listed.has(headerKey(s))) ?? '';
    list.push({ name: next, cost: Number.NaN });
    storeRows();
    const i = list.length - 1;
    ui.restructure('plan', next ? `cost-value-${i}` : `cost-name-${i}`);
  };
  return [
    ...sectionTitle(
      'Cost per source',
      'What each lead source costs a month, for the cost per lead and per customer in the review.',
    ),
    h('datalist', { id: 'leads-sources' }, ...sources.map((s) => h('option', { value: s }))),
    list.length
      ? h(
          'div',
          { class: 'cost-head', 'aria-hidden': 'true' },
          h('span', {}, 'Source'),
          h('span', {}, 'Monthly cost'),
        )
      : null,
    list.length
      ? h('ul', { class: 'costs', 'aria-label': 'Cost per source' }, ...list.map(costRow))
      : h(
          'p',
          { class: 'empty' },
          sources.length
            ? `In Leads: ${sources.slice(0, 6).join(', ')}${sources.length > 6 ? '…' : ''}.`
            : 'No source yet.',
        ),
    button('+ Add source', addSource, { 'data-focus': 'add-source' }),
  ];
}

// ---------------------------------------------------------------------------------------------
// The tab

export function renderPlan(): Child[] {
  const p = state.draft.plan;
  const rate = (i: number) =>
    numberAt(p.stageRates, String(i) as '0', {
      label: STAGES[i]!,
      path: `plan.stageRates.${i}`,
      scale: 100,
      suffix: '%',
      class: 'inline',
    });
  const target = numberAt(p, 'monthlyMqlTarget', {
    label: 'Monthly MQL target',
    path: 'plan.monthlyMqlTarget',
    blank: 'null',
    hint: "Blank: the plan's yearly MQL spread by month.",
  });
  const targetBox = target.querySelector('input');
  if (targetBox) {
    onRefresh(targetBox, () => {
      const mql = planInvalid() ? null : planMqlFromRevenue(state.draft.plan);
      targetBox.placeholder = mql === null ? 'none' : `${fmtNumber(mql / 12, 1)} from the plan`;
    });
  }
  return [
    planLine(),
    ...sectionTitle('Revenue', 'The plan runs backwards from the revenue goal.'),
    h(
      'div',
      { class: 'row' },
      numberAt(p, 'revenueGoal', {
        label: 'Revenue goal a year',
        path: 'plan.revenueGoal',
        blank: 'null',
        placeholder: 'none',
      }),
      numberAt(p, 'averageDeal', { label: 'Average deal', path: 'plan.averageDeal' }),
    ),
    numberAt(p, 'marketingShare', {
      label: 'Share of revenue from marketing',
      path: 'plan.marketingShare',
      scale: 100,
      suffix: '%',
      class: 'inline',
    }),
    ...sectionTitle('Conversion rates', 'Share of each stage that reaches the next.'),
    ...STAGES.map((_, i) => rate(i)),
    ...sectionTitle('Capacity'),
    h(
      'div',
      { class: 'row' },
      numberAt(p, 'workingWeeks', { label: 'Working weeks', path: 'plan.workingWeeks' }),
      numberAt(p, 'mqlPerRepPerWeek', {
        label: 'MQL per rep a week',
        path: 'plan.mqlPerRepPerWeek',
      }),
    ),
    target,
    ...costFields(),
  ];
}
