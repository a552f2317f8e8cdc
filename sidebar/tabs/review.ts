/** The Monitoring tab's "Monthly review": pick the month, make its review sheet. */

import { errorText } from '../../src/core/common/errors.ts';
import { type Child, h, uid } from '../dom.ts';
import { button } from '../formFields.ts';
import { server } from '../server.ts';
import { state, ui } from '../state.ts';

let making = false;
/** The month typed (`YYYY-MM`); blank is last month. */
let month = '';
let outcome = '';
let months: string[] = [];

function makeReview(): void {
  if (making) return;
  making = true;
  outcome = month ? `Making the review of ${month}…` : 'Making the review of last month…';
  months = [];
  ui.renderPanel('monitoring', 'make-review');
  server
    .sidebarReview(month)
    .then((result) => {
      making = false;
      outcome = result.message;
      months = result.monthsWithLeads;
      if (state.server) state.server.runLog = result.runLog;
      ui.renderPanel('monitoring', 'make-review');
    })
    .catch((error: unknown) => {
      making = false;
      outcome = `The review could not be made: ${errorText(error)}`;
      ui.renderPanel('monitoring', 'make-review');
    });
}

/** A month with leads, one click to review it. */
function monthChoice(choice: string): HTMLElement {
  const key = choice.slice(0, 7);
  return button(
    choice,
    () => {
      month = key;
      makeReview();
    },
    { class: 'link', 'data-month': key },
  );
}

export function renderReview(): Child[] {
  const id = uid('review-month');
  const input = h('input', {
    type: 'month',
    id,
    value: month,
    placeholder: 'YYYY-MM',
    'data-focus': 'review-month',
    oninput: () => {
      month = input.value.trim();
    },
  });
  return [
    h('h2', {}, 'Monthly review'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, 'Month to review'),
      input,
      h(
        'div',
        { class: 'hint' },
        'Blank: last month. The review sheet of that month is written anew.',
      ),
    ),
    button(making ? 'Making the review…' : 'Make the review', makeReview, {
      'data-focus': 'make-review',
      disabled: making ? 'true' : undefined,
    }),
    outcome
      ? h('p', { class: 'hint', role: 'status', 'data-testid': 'review-outcome' }, outcome)
      : null,
    months.length
      ? h('div', { class: 'review-months' }, ...months.slice(0, 6).map(monthChoice))
      : null,
  ];
}
