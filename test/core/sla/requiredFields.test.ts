import { describe, expect, it } from 'vitest';
import { resolveFields } from '../../../src/core/read/fieldMap.ts';
import { type LeadRecord, readLeadSheet } from '../../../src/core/read/leadRecords.ts';
import { defaultSettings, type RequiredFields } from '../../../src/core/settings/index.ts';
import {
  compileRequired,
  missingRequired,
  missingText,
  requiredFieldIssues,
  stageReached,
} from '../../../src/core/sla/requiredFields.ts';
import { fromWall, intlZoneClock } from '../../../src/core/time/zone.ts';
import { rowOf } from '../../fixtures/leads.ts';

const paris = intlZoneClock('Europe/Paris');
const NOW = fromWall(paris, { year: 2026, month: 11, day: 23, hour: 10, minute: 0 });

/** A HubSpot-shaped export: its labels, not ours. */
const HUBSPOT = [
  'Record ID',
  'Email',
  'Company Name',
  'Phone Number',
  'Contact owner',
  'Lifecycle Stage',
  'Became a Marketing Qualified Lead Date',
  'Owner Assigned Date',
  'Number of Employees',
  'Original Source',
];

const NEEDS: RequiredFields = {
  lead: ['Email'],
  mql: ['Company'],
  handoff: ['Phone', 'Company size', 'Owner'],
};

function read(header: readonly string[], rows: unknown[][]) {
  const sheet = readLeadSheet(header, rows, {
    clockStart: 'auto',
    defaultPriority: 'Warm',
    localeOrder: 'dmy',
    clock: paris,
    nowMs: NOW,
  });
  return { sheet, records: sheet.records as LeadRecord[] };
}

const full = {
  'Record ID': '1',
  Email: 'ana@example.com',
  'Company Name': 'Acme',
  'Phone Number': '+33 1 23 45 67 89',
  'Contact owner': 'Bea',
  'Number of Employees': 120,
  'Original Source': 'Webinar',
};

describe('the column each required name stands for', () => {
  it("finds fields through the field map (CRM labels) and attributes under their CRMs' labels", () => {
    const columns = resolveFields(HUBSPOT).columns;
    const check = compileRequired(NEEDS, HUBSPOT, columns);
    expect(check.columns.map((c) => [c.name, HUBSPOT[c.column]])).toEqual([
      ['Email', 'Email'],
      ['Company', 'Company Name'],
      ['Phone', 'Phone Number'],
      ['Company size', 'Number of Employees'],
      ['Owner', 'Contact owner'],
    ]);
    expect(check.unknown).toEqual([]);
  });

  it('lists the names the sheet has no column for', () => {
    const header = ['Email', 'Owner'];
    const check = compileRequired(NEEDS, header, resolveFields(header).columns);
    expect(check.unknown).toEqual([
      { stage: 'mql', name: 'Company' },
      { stage: 'handoff', name: 'Phone' },
      { stage: 'handoff', name: 'Company size' },
    ]);
  });
});

describe('the stage a lead has reached', () => {
  it('from its stage, its MQL date, its clock', () => {
    const { records } = read(HUBSPOT, [
      rowOf(HUBSPOT, { Email: 'a@x.io', 'Lifecycle Stage': 'lead' }),
      rowOf(HUBSPOT, { Email: 'b@x.io', 'Became a Marketing Qualified Lead Date': '2026-11-20' }),
      rowOf(HUBSPOT, { Email: 'c@x.io', 'Lifecycle Stage': 'marketingqualifiedlead' }),
      rowOf(HUBSPOT, { Email: 'd@x.io', 'Owner Assigned Date': '2026-11-20 10:00' }),
      rowOf(HUBSPOT, { Email: 'e@x.io', 'Lifecycle Stage': 'customer' }),
    ]);
    expect(records.map(stageReached)).toEqual(['lead', 'mql', 'mql', 'handoff', 'handoff']);
  });
});

describe('the required values a lead lacks', () => {
  const columns = resolveFields(HUBSPOT).columns;
  const check = compileRequired(NEEDS, HUBSPOT, columns);

  it('add up stage by stage: a hand-off needs what an MQL and a lead need', () => {
    const handedOff = { 'Owner Assigned Date': '2026-11-20 10:00' };
    const rows = [
      rowOf(HUBSPOT, { ...full, ...handedOff }),
      rowOf(HUBSPOT, { ...full, ...handedOff, 'Phone Number': ' ', 'Company Name': '' }),
      rowOf(HUBSPOT, { ...full, 'Lifecycle Stage': 'lead', 'Phone Number': '', Email: '' }),
      rowOf(HUBSPOT, { ...full, 'Lifecycle Stage': 'mql', 'Number of Employees': '' }),
    ];
    const { records } = read(HUBSPOT, rows);
    const missing = records.map((r, i) => missingRequired(check, r, rows[i]!));
    expect(missing).toEqual([
      [],
      [
        { name: 'Company', stage: 'mql' },
        { name: 'Phone', stage: 'handoff' },
      ],
      // a lead is not asked for what only an MQL or a hand-off must have
      [{ name: 'Email', stage: 'lead' }],
      [],
    ]);
    expect(missingText(missing[1]!)).toBe(
      'Company: blank, required at MQL; Phone: blank, required at hand-off',
    );
  });

  it('asks each column once, however many stages name it', () => {
    const twice = compileRequired(
      { lead: ['Email'], mql: ['email'], handoff: [] },
      HUBSPOT,
      columns,
    );
    const row = rowOf(HUBSPOT, { 'Lifecycle Stage': 'mql', 'Record ID': '9' });
    const { records } = read(HUBSPOT, [row]);
    expect(missingRequired(twice, records[0]!, row)).toEqual([{ name: 'Email', stage: 'lead' }]);
  });
});

describe('required names the leads sheet lacks, as the sidebar and the server say them', () => {
  const withNeeds = (needs: Partial<RequiredFields>, fields = {}) => {
    const s = defaultSettings();
    s.agreement.requiredFields = { ...s.agreement.requiredFields, ...needs };
    s.mapping.fields = fields;
    return s;
  };

  it('accepts what the sheet has, under any of its names', () => {
    expect(requiredFieldIssues(withNeeds(NEEDS), HUBSPOT)).toEqual([]);
  });

  it('names the column that is not there and what to do, at its path', () => {
    const issues = requiredFieldIssues(withNeeds({ handoff: ['Owner', 'Budget'] }), HUBSPOT);
    expect(issues).toEqual([
      {
        path: 'agreement.requiredFields.handoff.1',
        message: 'The leads sheet has no column "Budget": name a header of its row 1, or remove it',
      },
    ]);
  });

  it('sends a field the user set to none back to Fields', () => {
    const issues = requiredFieldIssues(withNeeds({ handoff: ['Phone'] }, { phone: '' }), HUBSPOT);
    expect(issues).toEqual([
      {
        path: 'agreement.requiredFields.handoff.0',
        message:
          'The leads sheet has no column for Phone: choose its column in Fields, or remove it',
      },
    ]);
  });

  it('without a leads sheet, knows the fields and the usual attributes only', () => {
    const s = withNeeds({ mql: ['Email', 'Job title'], handoff: ['Phone', 'Budget'] });
    expect(requiredFieldIssues(s, null)).toEqual([
      {
        path: 'agreement.requiredFields.handoff.1',
        message:
          '"Budget" is not a field the add-in knows, and no leads sheet was found to look for it: name a field such as Phone or Email, or remove it',
      },
    ]);
  });
});
