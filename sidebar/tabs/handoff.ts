/**
 * Hand-off tab: first-contact deadlines by priority, at-risk share, attempts, how sales makes
 * contact, and where a returned lead goes.
 */
import { PRIORITIES } from '../../src/core/common/choices.ts';
import { type Child, h } from '../dom.ts';
import { numberAt, sectionTitle, selectAt } from '../formFields.ts';
import { state } from '../state.ts';
import { contactFields, returnPathFields } from './returnPath.ts';

export function renderHandoff(): Child[] {
  const o = state.draft.handoff;
  return [
    ...sectionTitle(
      'First contact deadline',
      'Business hours from hand-off to first contact, by priority.',
    ),
    h(
      'div',
      { class: 'row three' },
      ...PRIORITIES.map((p) =>
        numberAt(o.deadlineHours, p, { label: p, path: `handoff.deadlineHours.${p}`, suffix: 'h' }),
      ),
    ),
    selectAt(
      o,
      'defaultPriority',
      { label: 'Priority when the cell is blank', path: 'handoff.defaultPriority' },
      PRIORITIES.map((p) => [p, p] as const),
    ),
    numberAt(o, 'atRiskShare', {
      label: 'At risk when this much of the window is left',
      path: 'handoff.atRiskShare',
      scale: 100,
      suffix: '%',
      hint: 'The status turns amber for the last part of the deadline.',
    }),
    ...sectionTitle('Attempts', 'Then the lead goes back to marketing (Recycle).'),
    h(
      'div',
      { class: 'row' },
      numberAt(o, 'maxAttempts', { label: 'Attempts', path: 'handoff.maxAttempts' }),
      numberAt(o, 'attemptSpacingBusinessDays', {
        label: 'Spaced by',
        path: 'handoff.attemptSpacingBusinessDays',
        suffix: 'days',
      }),
    ),
    h('p', { class: 'hint' }, 'Spacing is in business days.'),
    ...contactFields(),
    ...returnPathFields(),
  ];
}
