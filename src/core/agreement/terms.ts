import type { Settings } from '../settings/index.ts';
import { REQUIRED_STAGES, type RequiredStage } from '../sla/requiredFields.ts';
import type { Rows } from './agreementRows.ts';

/** The Agreement's terms: the shared definitions, the data each stage requires, who does what. */

export function definitionsSection(r: Rows, d: Settings['definitions']): void {
  r.add('section', '1. Shared definitions');
  r.add('item', 'Contact', d.contact);
  r.add('item', 'Lead', d.lead);
  r.add('item', 'MQL (marketing-qualified lead)', d.mql);
  r.add('item', 'SQL (sales-qualified lead)', d.sql);
  r.add('item', 'Opportunity', d.opportunity);
  r.add('item', 'Customer', d.customer);
  r.add('blank');
}

const STAGE_TITLES: Readonly<Record<RequiredStage, string>> = {
  lead: 'Lead',
  mql: 'MQL',
  handoff: 'Hand-off to sales',
};

export function dataSection(r: Rows, required: Settings['agreement']['requiredFields']): void {
  r.add('section', '2. Data each stage requires');
  if (REQUIRED_STAGES.every((s) => required[s].length === 0)) {
    r.add(
      'item',
      'Required fields',
      'None agreed yet: name the fields a lead must carry at each stage in the SLA settings (Terms), e.g. Email at MQL; Phone and Owner at the hand-off.',
    );
    r.add('blank');
    return;
  }
  for (const stage of REQUIRED_STAGES) {
    const names = required[stage];
    r.add('item', STAGE_TITLES[stage], names.length ? names.join(', ') : 'Nothing more required.');
  }
  r.add(
    'note',
    '',
    'Each stage also requires the fields of the stages before it: the fields of the hand-off are what marketing shares with sales. A lead that reaches a stage without one of them reads "Check data" in its SLA status, naming the field, until it is filled in; its deadline runs all the same.',
  );
  r.add('blank');
}

export function rolesSection(r: Rows, roles: Settings['agreement']['roles']): void {
  r.add('section', '3. Who does what');
  if (roles.length === 0) {
    r.add('item', 'Roles', 'No role named yet: name them in the SLA settings (Terms).');
    r.add('blank');
    return;
  }
  r.add('header', 'Role', 'What they do', 'Person or team');
  for (const role of roles) r.add('item', role.role, role.does, role.who.trim() || 'to be named');
  r.add('blank');
}
