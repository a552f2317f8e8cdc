/** Scoring tab: the live preview, the criteria, the MQL and hand-off thresholds, decay, grades. */
import type { ScoringSettings } from '../../src/core/settings/index.ts';
import { type Child, h } from '../dom.ts';
import { checkField, numberAt, sectionTitle, selectAt, textAt } from '../formFields.ts';
import { previewBox } from '../livePreview.ts';
import { state, ui } from '../state.ts';
import { columnFlag, criteriaList } from './criteria.ts';

const MQL_MODES = [
  ['total', 'its score reaches a threshold'],
  ['separate', 'fit and interest each reach theirs'],
] as const;

function mqlFields(s: ScoringSettings): Child[] {
  return [
    selectAt(
      s,
      'mqlMode',
      { label: 'A lead becomes an MQL when', path: 'scoring.mqlMode', focus: 'mql-mode' },
      MQL_MODES,
      () => ui.restructure('scoring', 'mql-mode'),
    ),
    s.mqlMode === 'total'
      ? numberAt(s, 'mqlThreshold', {
          label: 'MQL threshold (score)',
          path: 'scoring.mqlThreshold',
        })
      : h(
          'div',
          { class: 'row' },
          numberAt(s, 'mqlFitThreshold', {
            label: 'Fit at least',
            path: 'scoring.mqlFitThreshold',
          }),
          numberAt(s, 'mqlInterestThreshold', {
            label: 'Interest at least',
            path: 'scoring.mqlInterestThreshold',
          }),
        ),
    numberAt(s, 'handoffThreshold', {
      label: 'Hand off to sales at score',
      path: 'scoring.handoffThreshold',
      hint: 'Or when a "hand off on match" criterion matches.',
    }),
    h(
      'div',
      { class: 'row' },
      numberAt(s, 'fitCap', {
        label: 'Fit cap',
        path: 'scoring.fitCap',
        blank: 'null',
        placeholder: 'none',
      }),
      numberAt(s, 'interestCap', {
        label: 'Interest cap',
        path: 'scoring.interestCap',
        blank: 'null',
        placeholder: 'none',
      }),
    ),
  ];
}

function decayFields(s: ScoringSettings): Child[] {
  const toggle = checkField(
    { label: 'Interest decays without activity', path: 'scoring.decay', focus: 'decay-on' },
    () => s.decay !== null,
    (on) => {
      s.decay = on ? { column: 'Last activity at', afterDays: 30, percent: 25 } : null;
    },
    () => ui.restructure('scoring', 'decay-on'),
  );
  const decay = s.decay;
  if (!decay) return [toggle];
  return [
    toggle,
    h(
      'div',
      { class: 'sub' },
      textAt(decay, 'column', {
        label: 'Last activity column',
        path: 'scoring.decay.column',
        list: 'leads-headers',
      }),
      h(
        'div',
        { class: 'row' },
        numberAt(decay, 'afterDays', {
          label: 'After',
          path: 'scoring.decay.afterDays',
          suffix: 'days',
        }),
        numberAt(decay, 'percent', { label: 'Lose', path: 'scoring.decay.percent', suffix: '%' }),
      ),
      columnFlag(() => decay.column),
    ),
  ];
}

function gradeFields(s: ScoringSettings): Child[] {
  return [
    h('h3', {}, 'Fit grades'),
    h(
      'div',
      { class: 'row three' },
      ...(['A', 'B', 'C'] as const).map((g) =>
        numberAt(s.grades, g, { label: `${g} from`, path: `scoring.grades.${g}` }),
      ),
    ),
    h('p', { class: 'hint' }, 'Below C is grade D.'),
  ];
}

export function renderScoring(): Child[] {
  const s = state.draft.scoring;
  const datalist = h(
    'datalist',
    { id: 'leads-headers' },
    ...(state.server?.leadsHeaders ?? []).map((name) => h('option', { value: name })),
  );
  return [
    datalist,
    previewBox,
    ...criteriaList('fit'),
    ...criteriaList('interest'),
    ...sectionTitle('Thresholds'),
    ...mqlFields(s),
    ...decayFields(s),
    ...gradeFields(s),
  ];
}
