/** Terms tab: what both teams mean by each funnel word, the data each stage requires, the roles. */
import type { Definitions } from '../../src/core/settings/index.ts';
import type { Child } from '../dom.ts';
import { sectionTitle, textArea } from '../formFields.ts';
import { state } from '../state.ts';
import { requiredDataFields } from './requiredData.ts';
import { roleFields } from './roles.ts';

const LABELS: Array<[keyof Definitions, string]> = [
  ['contact', 'Contact'],
  ['lead', 'Lead'],
  ['mql', 'MQL (marketing-qualified lead)'],
  ['sql', 'SQL (sales-qualified lead)'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
];

const HINT = 'What both teams mean by each word. They appear in the SLA Agreement sheet.';

function definitionField(key: keyof Definitions, label: string): HTMLElement {
  const d = state.draft.definitions;
  const set = (v: string) => {
    d[key] = v;
  };
  return textArea({ label, path: `definitions.${key}`, max: 1000, rows: 3 }, () => d[key], set);
}

export function renderDefinitions(): Child[] {
  const fields = LABELS.map(([key, label]) => definitionField(key, label));
  return [
    ...sectionTitle('Shared definitions', HINT),
    ...fields,
    ...requiredDataFields(),
    ...roleFields(),
  ];
}
