/**
 * The team section (shown in the Monitor tab): the escalation delay, SLA Team as the server read
 * it (its unusable rows named), and the owners of Leads that SLA Team does not list.
 */
import { errorText } from '../../src/core/common/errors.ts';
import type { TeamMemberView, TeamView } from '../../src/sidebarContract.ts';
import { type Child, h } from '../dom.ts';
import { button, numberAt, sectionTitle } from '../formFields.ts';
import { server } from '../server.ts';
import { state, ui } from '../state.ts';

/** The panel this section is drawn in. */
const PANEL = 'monitoring';

let team: TeamView | null = null;
let loading = false;
let failure = '';

function load(focusKey?: string): void {
  if (loading) return;
  loading = true;
  failure = '';
  server
    .sidebarTeam()
    .then((view) => {
      team = view;
    })
    .catch((error: unknown) => {
      failure = `Could not read SLA Team: ${errorText(error)}`;
    })
    .finally(() => {
      loading = false;
      ui.renderPanel(PANEL, focusKey);
    });
}

function memberLine(m: TeamMemberView): HTMLElement {
  const reach = [
    m.email ? `${m.email}${m.notify ? '' : ' (not notified)'}` : 'no e-mail',
    m.managerEmail ? `manager ${m.managerEmail}` : 'no manager: not escalated',
    m.timeZone,
    m.away,
  ].filter(Boolean);
  return h(
    'li',
    { class: m.awayNow ? 'member away' : 'member' },
    h('span', { class: 'member-name' }, m.owner),
    h('span', { class: 'member-detail' }, reach.join(' · ')),
  );
}

function teamList(view: TeamView): Child[] {
  const items: Child[] = [];
  if (view.members.length)
    items.push(h('ul', { class: 'team', 'data-testid': 'team' }, ...view.members.map(memberLine)));
  else if (view.found) items.push(h('p', { class: 'empty' }, 'SLA Team lists nobody yet.'));
  for (const p of view.problems) items.push(h('p', { class: 'warning-banner', role: 'alert' }, p));
  if (view.missingOwners.length) {
    items.push(
      h(
        'p',
        { class: 'warning-banner', 'data-testid': 'missing-owners' },
        `Owners in Leads missing from SLA Team (they get no e-mail): ${view.missingOwners.join(', ')}.`,
      ),
    );
  }
  return items;
}

export function renderTeam(): Child[] {
  if (!team && !loading && !failure) load();
  const m = state.draft.monitoring;
  return [
    ...sectionTitle(
      'Team and alerts',
      'Each owner with Notify = yes in the SLA Team sheet gets one e-mail per run listing their leads newly at risk or overdue; their manager hears of the leads still overdue after:',
    ),
    numberAt(m, 'escalateAfterHours', {
      label: 'Escalate to the manager after',
      path: 'monitoring.escalateAfterHours',
      suffix: 'business h',
      hint: 'Leads of an owner who is away go to the manager at once, to be reassigned.',
    }),
    h(
      'div',
      { class: 'heading-row' },
      h('h2', {}, 'SLA Team'),
      button(loading ? 'Reading…' : 'Refresh', () => load('refresh-team'), {
        class: 'link',
        'aria-label': 'Refresh SLA Team',
        'data-focus': 'refresh-team',
      }),
    ),
    failure ? h('p', { class: 'error-text', role: 'alert' }, failure) : null,
    ...(team ? teamList(team) : [h('p', { class: 'empty' }, 'Reading SLA Team…')]),
  ];
}
