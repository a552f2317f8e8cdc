/** Hand-off tab, second half: how sales makes contact, and where a returned lead goes. */
import { FIRST_CONTACT_RULES, type FirstContactRule } from '../../src/core/common/choices.ts';
import type { AgreementSettings } from '../../src/core/settings/index.ts';
import { type Child, h, uid } from '../dom.ts';
import {
  button,
  describedError,
  errorSlot,
  registerSlot,
  removeButton,
  sectionTitle,
  selectAt,
  textAt,
} from '../formFields.ts';
import { state, ui } from '../state.ts';
import { textList } from '../textList.ts';

const CONTACT_RULES: Readonly<Record<FirstContactRule, string>> = {
  attempt: 'First attempt (call, e-mail…)',
  conversation: 'First conversation',
};

export function contactFields(): Child[] {
  return [
    ...sectionTitle(
      'How sales makes contact',
      'The channels sales commits to, in the SLA Agreement.',
    ),
    textList({
      items: state.draft.agreement.contactChannels,
      path: 'agreement.contactChannels',
      tab: 'handoff',
      itemLabel: 'Channel',
      listLabel: 'Contact channels',
      addLabel: '+ Add channel',
      placeholder: 'e.g. Phone',
    }),
    selectAt(
      state.draft.handoff,
      'firstContact',
      {
        label: 'What counts as the first contact',
        path: 'handoff.firstContact',
        hint: 'An attempt: a call, an e-mail sent or a meeting, answered or not. A conversation: the lead was reached (a call connected, a meeting held, a reply).',
      },
      FIRST_CONTACT_RULES.map((r) => [r, CONTACT_RULES[r]] as const),
    ),
  ];
}

type Reasons = AgreementSettings['returnPath']['reasons'];

/** An input that writes its value into `obj[key]` as it is typed. */
function reasonInput(
  reason: Reasons[number],
  key: 'reason' | 'track',
  attrs: Record<string, string>,
): HTMLInputElement {
  const input = h('input', {
    ...attrs,
    type: 'text',
    id: uid('in'),
    value: reason[key],
    autocomplete: 'off',
    oninput: () => {
      reason[key] = input.value;
      ui.changed();
    },
  });
  return input;
}

function reasonRow(reasons: Reasons, i: number): HTMLElement {
  const x = reasons[i]!;
  const base = `agreement.returnPath.reasons.${i}`;
  const reason = reasonInput(x, 'reason', {
    placeholder: 'Reason',
    'aria-label': `Return reason ${i + 1}`,
    'data-focus': `reason-${i}`,
  });
  const track = reasonInput(x, 'track', {
    placeholder: 'Nurture track',
    'aria-label': `Nurture track of reason ${i + 1}`,
  });
  const remove = removeButton(`Remove reason ${x.reason.trim() || i + 1}`, () => {
    reasons.splice(i, 1);
    ui.restructure(
      'handoff',
      reasons.length ? `reason-${Math.min(i, reasons.length - 1)}` : 'add-reason',
    );
  });
  return h(
    'li',
    { class: 'reason' },
    h('div', { class: 'span-row' }, reason, remove),
    describedError(`${base}.reason`, reason),
    h(
      'div',
      { class: 'span-row' },
      h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
      track,
    ),
    describedError(`${base}.track`, track),
  );
}

export function returnPathFields(): Child[] {
  const path = state.draft.agreement.returnPath;
  const listError = errorSlot(uid('reasons-err'));
  registerSlot('agreement.returnPath.reasons', null, listError);
  return [
    ...sectionTitle(
      'Return to marketing',
      'Where a lead sales gives back goes: its nurture track. The reason is read from the Rejected reason column.',
    ),
    textAt(path, 'noAnswerTrack', {
      label: 'Nurture track after the attempts, with no answer',
      path: 'agreement.returnPath.noAnswerTrack',
    }),
    h('h3', {}, 'Other reasons sales may return a lead for'),
    path.reasons.length
      ? h(
          'ul',
          { class: 'reasons', 'aria-label': 'Return reasons' },
          ...path.reasons.map((_, i) => reasonRow(path.reasons, i)),
        )
      : h('p', { class: 'empty' }, 'None: sales works a lead or rejects it.'),
    listError,
    button(
      '+ Add reason',
      () => {
        path.reasons.push({ reason: '', track: '' });
        ui.restructure('handoff', `reason-${path.reasons.length - 1}`);
      },
      { 'data-focus': 'add-reason' },
    ),
  ];
}
