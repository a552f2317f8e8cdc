/** Terms tab, part 3: who does what (a role, the person or team, what they do). */
import type { Role } from '../../src/core/settings/index.ts';
import { type Child, h, uid } from '../dom.ts';
import {
  button,
  errorSlot,
  registerSlot,
  removeButton,
  sectionTitle,
  textArea,
  textAt,
} from '../formFields.ts';
import { state, ui } from '../state.ts';

function roleCard(roles: Role[], i: number): HTMLElement {
  const role = roles[i]!;
  const base = `agreement.roles.${i}`;
  const name = role.role.trim() || `role ${i + 1}`;
  const remove = removeButton(`Remove ${name}`, () => {
    roles.splice(i, 1);
    ui.restructure(
      'definitions',
      roles.length ? `role-${Math.min(i, roles.length - 1)}` : 'add-role',
    );
  });
  return h(
    'li',
    { class: 'role', 'aria-label': `Role ${i + 1}` },
    h(
      'div',
      { class: 'role-head' },
      textAt(role, 'role', { label: 'Role', path: `${base}.role`, focus: `role-${i}` }),
      remove,
    ),
    textAt(role, 'who', {
      label: 'Person or team',
      path: `${base}.who`,
      placeholder: 'to be named',
    }),
    textArea(
      { label: 'What they do', path: `${base}.does`, max: 500, rows: 2 },
      () => role.does,
      (v) => {
        role.does = v;
      },
    ),
  );
}

export function roleFields(): Child[] {
  const roles = state.draft.agreement.roles;
  const listError = errorSlot(uid('roles-err'));
  registerSlot('agreement.roles', null, listError);
  return [
    ...sectionTitle(
      'Who does what',
      'Who routes leads, keeps the scoring, makes first contact, runs the monthly meeting and re-evaluates rejected leads. Shown in the SLA Agreement.',
    ),
    roles.length
      ? h(
          'ul',
          { class: 'roles', 'aria-label': 'Roles' },
          ...roles.map((_, i) => roleCard(roles, i)),
        )
      : h('p', { class: 'empty' }, 'No role yet.'),
    listError,
    button(
      '+ Add role',
      () => {
        roles.push({ role: '', who: '', does: '' });
        ui.restructure('definitions', `role-${roles.length - 1}`);
      },
      { 'data-focus': 'add-role' },
    ),
  ];
}
