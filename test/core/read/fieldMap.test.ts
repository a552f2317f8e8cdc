import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerKey } from '../../../src/core/common/headers.ts';
import { FIELD_IDS, FIELD_LABELS } from '../../../src/core/read/fieldIds.ts';
import {
  clockField,
  dropField,
  fieldNameKeys,
  findAttributeColumn,
  resolveFields,
} from '../../../src/core/read/fieldMap.ts';
import { FIELD_SYNONYMS } from '../../../src/core/read/fieldSynonyms.ts';

describe('the field map', () => {
  it('finds canonical headers first, in any case and spacing', () => {
    const r = resolveFields(['  lead_ID ', 'Owner', 'Lead Owner']);
    expect(r.columns.leadId).toBe(0);
    expect(r.columns.owner).toBe(1);
    expect(r.found.find((f) => f.field === 'owner')!.via).toBe('canonical');
  });

  it('reports a second column claiming a field instead of using it silently', () => {
    const r = resolveFields(['Owner', 'Lead Owner']);
    expect(r.conflicts).toEqual([{ field: 'owner', used: 'Owner', ignored: ['Lead Owner'] }]);
  });

  it('reads CRM labels: HubSpot, Salesforce, Zoho, Pipedrive, Close', () => {
    const hub = resolveFields([
      'Record ID',
      'Contact owner',
      'Lifecycle Stage',
      'Lead Status',
      'Create Date',
    ]);
    expect(hub.columns).toMatchObject({
      leadId: 0,
      owner: 1,
      stage: 2,
      leadStatus: 3,
      createdAt: 4,
    });
    const zoho = resolveFields(['LEADID', 'Lead Owner', 'Created Time']);
    expect(zoho.columns).toMatchObject({ leadId: 0, owner: 1, createdAt: 2 });
    const pipe = resolveFields(['Deal - ID', 'Deal - Owner', 'Deal - Stage', 'Deal - Won time']);
    expect(pipe.columns).toMatchObject({ leadId: 0, owner: 1, stage: 2, wonAt: 3 });
    const close = resolveFields(['id', 'status_label', 'date_created', 'first_communication_date']);
    expect(close.columns).toMatchObject({
      leadId: 0,
      leadStatus: 1,
      createdAt: 2,
      firstContactAt: 3,
    });
  });

  it("takes the user's choice first, and none means none", () => {
    const r = resolveFields(['Owner', 'Rep'], { owner: 'Rep', stage: '' });
    expect(r.columns.owner).toBe(1);
    expect(r.found.find((f) => f.field === 'owner')!.via).toBe('user');
    const none = resolveFields(['Owner'], { owner: '' });
    expect(none.columns.owner).toBe(-1);
  });

  it('falls back to the usual lookup when the chosen column is gone, and says so', () => {
    const r = resolveFields(['Owner'], { owner: 'Rep' });
    expect(r.columns.owner).toBe(0);
    expect(r.staleChoices).toEqual([{ field: 'owner', header: 'Rep' }]);
  });

  it('lets one column feed one field only', () => {
    const r = resolveFields(['Status'], { stage: 'Status' });
    expect(r.columns.stage).toBe(0);
    expect(r.columns.leadStatus).toBe(-1);
  });

  it('lists every header under one field only', () => {
    const owner = new Map<string, string>();
    for (const field of FIELD_IDS) {
      for (const key of fieldNameKeys()[field]) {
        expect(owner.get(key) ?? field, `${key} in ${owner.get(key)} and ${field}`).toBe(field);
        owner.set(key, field);
      }
    }
    expect(Object.keys(FIELD_SYNONYMS).every((f) => f in FIELD_LABELS)).toBe(true);
  });

  it('starts the clock at the first of hand-off, MQL, creation that the sheet has', () => {
    const cols = resolveFields(['Created at', 'MQL at']).columns;
    expect(clockField(cols, 'auto')).toBe('mqlAt');
    expect(clockField(cols, 'createdAt')).toBe('createdAt');
    expect(clockField(cols, 'handedOffAt')).toBeNull();
    expect(clockField(resolveFields(['Name']).columns, 'auto')).toBeNull();
  });

  it('finds scoring attributes under their CRM labels', () => {
    const header = ['Number of Employees', 'Country/Region', 'Job Title'];
    expect(findAttributeColumn(header, 'Company size')).toBe(0);
    expect(findAttributeColumn(header, 'Country')).toBe(1);
    expect(findAttributeColumn(header, 'job title')).toBe(2);
    expect(findAttributeColumn(header, 'Industry')).toBe(-1);
    expect(headerKey('Job title')).toBe('jobtitle');
  });
});

describe('the field map (properties)', () => {
  const synonyms = FIELD_IDS.flatMap((f) => (FIELD_SYNONYMS[f] ?? []).map((h) => [f, h] as const));
  /** How people retype a header: case, spaces, underscores, dashes. */
  const retype = (h: string, kind: number): string =>
    [h.toUpperCase(), h.toLowerCase(), ` ${h} `, h.replace(/ /g, '_'), h.replace(/ /g, '  ')][
      kind
    ]!;

  it('finds a CRM label however it is typed, in any column, among user columns', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...synonyms),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.constantFrom('Notes', 'My column', 'Région', 'x'), { maxLength: 5 }),
        fc.nat(),
        ([field, header], kind, others, at) => {
          const row: string[] = [...others];
          const column = at % (row.length + 1);
          row.splice(column, 0, retype(header, kind));
          expect(resolveFields(row).columns[field]).toBe(column);
        },
      ),
    );
  });

  it('never places one column in two fields', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(synonyms.map(([, h]) => h)), (header) => {
        const cols = Object.values(resolveFields(header).columns).filter((c) => c >= 0);
        expect(new Set(cols).size).toBe(cols.length);
      }),
    );
  });

  it('matches a header row once and gives each caller its own copy', () => {
    const header = ['Lead Owner', 'Created Time', 'Rating'];
    const a = resolveFields(header);
    dropField(a, 'priority', '"Active"');
    const b = resolveFields(header);
    expect(a.columns.priority).toBe(-1);
    expect(b.columns.priority).toBe(2);
    expect(b.dropped).toEqual([]);
  });
});
