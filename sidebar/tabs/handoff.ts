/** Hand-off tab: first-contact deadlines by priority, what counts as contact, at-risk share, attempts. */
import { PRIORITIES } from '../../src/core/common/choices.ts';
import { type Child, h } from '../dom.ts';
import { numberAt, sectionTitle, selectAt } from '../formFields.ts';
import { state } from '../state.ts';

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
    selectAt(
      o,
      'firstContact',
      {
        label: 'What counts as the first contact',
        path: 'handoff.firstContact',
        hint: 'An attempt: a call, an e-mail sent or a meeting, answered or not. A conversation: the lead was reached (a call connected, a meeting held, a reply).',
      },
      [
        ['attempt', 'The first attempt (call, e-mail, meeting)'],
        ['conversation', 'The first conversation (the lead reached)'],
      ],
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
  ];
}
