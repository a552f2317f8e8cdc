/** Terms tab, part 2: the data each stage requires (fields of the field map or Leads headers). */
import { FIELD_LABELS } from '../../src/core/read/fieldIds.ts';
import { resolveFields } from '../../src/core/read/fieldMap.ts';
import { SCORING_ATTRIBUTE_HEADERS } from '../../src/core/read/leadColumns.ts';
import {
  REQUIRED_STAGE_NAMES,
  REQUIRED_STAGES,
  type RequiredStage,
  requiredFieldIssues,
} from '../../src/core/sla/requiredFields.ts';
import { type Child, h } from '../dom.ts';
import { sectionTitle } from '../formFields.ts';
import { addCheck, state } from '../state.ts';
import { textList } from '../textList.ts';

/** Row 1 of the leads sheet as the server read it, or null when there is no leads sheet. */
function leadsHeader(): string[] | null {
  const server = state.server;
  return server?.leadsSheetFound ? server.leadsHeaders : null;
}

// A required field must name a column of the leads sheet: the server refuses to save one that
// does not, with the same message (requiredFieldIssues).
addCheck({ extra: (s) => requiredFieldIssues(s, leadsHeader()) });

/** What a box may name: the fields the sheet has, and its other headers (or the usual names). */
function suggestions(): string[] {
  const header = leadsHeader();
  if (!header) return [...Object.values(FIELD_LABELS), ...SCORING_ATTRIBUTE_HEADERS];
  const found = resolveFields(header, state.draft.mapping.fields).found;
  const used = new Set(found.map((f) => f.header));
  return [...found.map((f) => FIELD_LABELS[f.field]), ...header.filter((x) => !used.has(x))];
}

const STAGE_TITLES: Readonly<Record<RequiredStage, string>> = {
  lead: 'Every lead',
  mql: 'Once an MQL',
  handoff: 'At the hand-off: what marketing shares with sales',
};

function stageList(stage: RequiredStage): Child[] {
  const name = REQUIRED_STAGE_NAMES[stage];
  const title = name.charAt(0).toUpperCase() + name.slice(1);
  return [
    h('h3', {}, STAGE_TITLES[stage]),
    textList({
      items: state.draft.agreement.requiredFields[stage],
      path: `agreement.requiredFields.${stage}`,
      tab: 'definitions',
      itemLabel: `${title} field`,
      listLabel: `Fields required at ${name}`,
      addLabel: '+ Add field',
      addName: `Add a field required at ${name}`,
      placeholder: 'Field or column, e.g. Phone',
      suggestions: 'required-suggestions',
      empty: 'Nothing required.',
    }),
  ];
}

export function requiredDataFields(): Child[] {
  return [
    ...sectionTitle(
      'Data each stage requires',
      'A lead that reaches a stage without one of these values shows "Check data" in its SLA status, naming the field. Each stage also requires the fields of the stages before it.',
    ),
    h(
      'datalist',
      { id: 'required-suggestions' },
      ...suggestions().map((v) => h('option', { value: v })),
    ),
    ...REQUIRED_STAGES.flatMap(stageList),
  ];
}
