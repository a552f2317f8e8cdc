import { describe, expect, it } from 'vitest';
import {
  isGeneratedSheetName,
  isOurSheetName,
  likeliestLeadsSheet,
  namedLeadsSheet,
} from '../../../src/core/read/leadsSheetChoice.ts';

describe('which sheet holds the leads', () => {
  it('takes the sheet the settings name, or says it is gone', () => {
    expect(namedLeadsSheet(['Sheet1', 'Export'], 'export')).toEqual({ ok: true, name: 'Export' });
    expect(namedLeadsSheet(['Sheet1'], 'Export')).toMatchObject({ ok: false });
  });

  it('takes Leads by its name, in any case', () => {
    expect(namedLeadsSheet(['Planning', ' leads '], '')).toEqual({ ok: true, name: ' leads ' });
    expect(namedLeadsSheet(['Planning'], '')).toBeNull();
  });

  it('else finds the sheet whose row 1 names the most lead fields, and says so', () => {
    const choice = likeliestLeadsSheet([
      { name: 'Notes', header: ['Topic', 'Owner'] },
      {
        name: 'hubspot-export',
        header: ['Record ID', 'Contact owner', 'Lead Status', 'Create Date'],
      },
    ]);
    expect(choice).toMatchObject({ ok: true, name: 'hubspot-export' });
  });

  it('never reads one of our generated sheets as leads, nor one written beside a user sheet', () => {
    for (const name of [
      'Planning',
      'SLA Team',
      'SLA Settings',
      'SLA Review 2026-10',
      'SLA History (SLA Sheets)',
      'SLA Agreement (SLA Sheets 2)',
      'SLA Notices',
      '_meta',
    ]) {
      expect(isGeneratedSheetName(name), name).toBe(true);
    }
    expect(isGeneratedSheetName('Leads')).toBe(false);
  });

  it('names our sheets apart from hidden state sheets: the settings may name `_leads`, not ours', () => {
    expect(isOurSheetName(' sla team ')).toBe(true);
    expect(isOurSheetName('SLA Notices')).toBe(true);
    expect(isOurSheetName('_leads')).toBe(false);
    expect(isOurSheetName('Leads')).toBe(false);
  });

  it('says why no sheet was found', () => {
    expect(likeliestLeadsSheet([{ name: 'Sheet1', header: ['a', 'b'] }])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no "Leads" sheet and no sheet whose row 1 names lead fields/),
    });
  });
});
