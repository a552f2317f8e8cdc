/**
 * The agreement's four parts end to end, through dist/Code.js: saved from the sidebar (refused
 * with a message that says what to fix, nothing saved lost), written into the SLA Agreement
 * sheet, and the required data checked on every lead.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../src/core/settings/index.ts';
import type { SidebarSaveResult } from '../../src/sidebarContract.ts';
import { paris } from '../fixtures/dates.ts';
import { storeSettings } from '../fixtures/properties.ts';
import { byLeadId, type LeadsRuntime, leadsRuntime, workbookSheet } from './leadsHelpers.ts';

const HEADER = [
  'Lead ID',
  'Email',
  'Phone Number',
  'Contact owner',
  'Number of Employees',
  'Stage',
  'Priority',
  'Handed off at',
  'Source',
];

const HANDED_OFF = paris('2026-11-23T09:30');

let env: LeadsRuntime;

beforeEach(() => {
  env = leadsRuntime([
    HEADER,
    [
      'L-1',
      'ana@example.com',
      '+33 1 23 45 67 89',
      'Bea',
      120,
      'SQL',
      'Warm',
      HANDED_OFF,
      'Webinar',
    ],
    ['L-2', 'bo@example.com', '', 'Bea', 80, 'SQL', 'Warm', HANDED_OFF, 'Webinar'],
    ['L-3', '', '', '', '', 'MQL', '', '', 'Website'],
  ]);
  env.rt.call('setUpWorkbook');
});

const save = (s: Settings) => env.rt.call('sidebarSave', JSON.stringify(s)) as SidebarSaveResult;
const stored = () => JSON.parse(env.rt.documentProperties.getProperty('sla.settings') ?? '{}');

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    // an Error of the script's realm: not an instance of this one's
    return error !== null && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error);
  }
  throw new Error('expected an error');
}

function agreementText(): string[] {
  return workbookSheet(env.rt, 'SLA Agreement').values.flat().map(String);
}

function teamSettings(): Settings {
  const s = defaultSettings();
  s.agreement.requiredFields = {
    lead: [],
    mql: ['Email'],
    handoff: ['Phone', 'Company size', 'Owner'],
  };
  s.agreement.roles[0]!.who = 'Camille (marketing ops)';
  s.agreement.contactChannels = ['Phone', 'E-mail', 'LinkedIn'];
  s.agreement.returnPath.noAnswerTrack = 'Quarterly newsletter';
  return s;
}

describe('the agreement saved from the sidebar', () => {
  it('is stored and written into the SLA Agreement sheet, every part of it', () => {
    const s = teamSettings();
    // a save makes the settings the team's own (agreed), the rest as sent
    expect(save(s).settings).toEqual({ ...s, agreed: true });
    const text = agreementText();
    expect(text).toContain('Phone, Company size, Owner');
    expect(text).toContain('Camille (marketing ops)');
    expect(text.some((c) => c.startsWith('Phone, E-mail or LinkedIn. '))).toBe(true);
    expect(text.some((c) => c.includes('the nurture track "Quarterly newsletter"'))).toBe(true);
    expect(text).toContain('"Bad timing" → Long-term nurture');
  });

  it('refuses a required field the leads sheet has no column for, and keeps what was saved', () => {
    const first = teamSettings();
    save(first);
    const agreementBefore = agreementText();
    const next = teamSettings();
    next.agreement.requiredFields.handoff.push('Budget');
    next.scoring.mqlThreshold = 40;
    expect(errorOf(() => save(next))).toBe(
      'sidebarSave: required at hand-off: The leads sheet has no column "Budget": name a header of its row 1, or remove it',
    );
    expect(stored()).toEqual({ ...first, agreed: true });
    expect(agreementText()).toEqual(agreementBefore);
  });

  it('refuses an empty role, naming the fix, and keeps what was saved', () => {
    const first = teamSettings();
    save(first);
    const next = teamSettings();
    next.agreement.roles[1]!.role = ' ';
    expect(errorOf(() => save(next))).toBe(
      'sidebarSave: invalid settings: agreement.roles.1.role: Name the role (e.g. Marketing ops), or remove the row',
    );
    expect(stored()).toEqual({ ...first, agreed: true });
  });
});

describe('the lead check with required data', () => {
  it('shows Check data naming the missing field, its deadline still written', () => {
    storeSettings(env.rt, teamSettings());
    env.rt.call('checkLeadsNow');
    const status = byLeadId(env.rt);
    expect(status.get('L-1')).toBe('Due · 7 h 30 min left');
    expect(status.get('L-2')).toBe(
      'Check data · Phone: blank, required at hand-off · SLA: Due · 7 h 30 min left',
    );
    expect(status.get('L-3')).toBe('Check data · Email: blank, required at MQL · SLA: Waiting');
    const deadline = byLeadId(env.rt, 'SLA deadline');
    expect(deadline.get('L-2')).toEqual(deadline.get('L-1'));
    expect(deadline.get('L-2')).toBeInstanceOf(Date);
  });
});
