import { describe, expect, it } from 'vitest';
import { type LeadRecord, readLeadSheet } from '../../../src/core/read/leadRecords.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { channelOf, type ReturnRules, returnedLead } from '../../../src/core/sla/returnPath.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';
import { rowOf } from '../../fixtures/leads.ts';

const paris = intlZoneClock('Europe/Paris');
const HEADER = ['Lead ID', 'Stage', 'Lead status', 'Attempts', 'Rejected reason'];
const rules: ReturnRules = {
  returnPath: defaultSettings().agreement.returnPath,
  maxAttempts: 5,
};

function record(cells: Record<string, unknown>): LeadRecord {
  const sheet = readLeadSheet(HEADER, [rowOf(HEADER, { 'Lead ID': 'L1', ...cells })], {
    clockStart: 'auto',
    defaultPriority: 'Warm',
    localeOrder: 'dmy',
    clock: paris,
    nowMs: Date.UTC(2026, 10, 23),
  });
  return sheet.records[0]!;
}

describe('where a returned lead goes', () => {
  it('a lead still open with its attempts used up goes back for no answer, into that track', () => {
    expect(returnedLead(record({ Stage: 'SQL', Attempts: 5 }), rules)).toEqual({
      kind: 'noAnswer',
      reason: 'No answer after 5 attempts',
      track: 'Re-engagement nurture',
      agreed: true,
    });
    // the activity log's count when the sheet has none
    expect(returnedLead(record({ Stage: 'SQL' }), rules, 6)?.reason).toBe(
      'No answer after 6 attempts',
    );
  });

  it('an open lead with attempts left, or worked further, is not returned', () => {
    expect(returnedLead(record({ Stage: 'SQL', Attempts: 4 }), rules)).toBeNull();
    expect(returnedLead(record({ Stage: 'Opportunity', Attempts: 9 }), rules)).toBeNull();
    expect(returnedLead(record({ Stage: 'Customer' }), rules)).toBeNull();
  });

  it('a Recycled lead enters the track of its agreed reason, as the agreement words it', () => {
    const r = record({ Stage: 'Recycled', 'Rejected reason': 'bad timing - call in Q3' });
    expect(returnedLead(r, rules)).toEqual({
      kind: 'returned',
      reason: 'Bad timing',
      track: 'Long-term nurture',
      agreed: true,
    });
  });

  it("reads the reason from the status value itself (HubSpot's Bad Timing)", () => {
    const r = record({ 'Lead status': 'Bad Timing' });
    expect(r.stage).toBe('Recycled');
    expect(returnedLead(r, rules, r.attempts, ['Bad Timing'])?.track).toBe('Long-term nurture');
  });

  it('says when a reason is not one the agreement lists, or none is given', () => {
    expect(returnedLead(record({ Stage: 'Recycled', 'Rejected reason': 'Moved' }), rules)).toEqual({
      kind: 'returned',
      reason: 'Moved',
      track: null,
      agreed: false,
    });
    expect(returnedLead(record({ Stage: 'Recycled' }), rules)).toEqual({
      kind: 'returned',
      reason: '',
      track: null,
      agreed: false,
    });
    expect(returnedLead(record({ Stage: 'Recycled', Attempts: 5 }), rules)?.track).toBe(
      'Re-engagement nurture',
    );
  });
});

describe('the agreed channel of an activity', () => {
  const channels = ['Phone', 'E-mail', 'Video call'];

  it.each([
    ['Call', 'Phone'],
    ['Outbound call', 'Phone'],
    ['Log a Call', 'Phone'],
    ['Email', 'E-mail'],
    ['E-mail sent', 'E-mail'],
    ['Meeting', 'Video call'],
    ['Zoom call', 'Video call'],
    ['Google Meet', 'Video call'],
  ])('%s is %s', (type, channel) => {
    expect(channelOf(type, channels)).toBe(channel);
  });

  it('files a LinkedIn InMail under LinkedIn, never under e-mail', () => {
    expect(channelOf('LinkedIn InMail', ['Phone', 'E-mail', 'LinkedIn'])).toBe('LinkedIn');
    expect(channelOf('InMail', channels)).toBeNull();
  });

  it('is none of them for another kind, or a blank type', () => {
    expect(channelOf('Task', channels)).toBeNull();
    expect(channelOf('SMS', channels)).toBeNull();
    expect(channelOf('  ', channels)).toBeNull();
  });

  it('takes a channel named like the type first, whatever the list order', () => {
    expect(channelOf('Call', ['Video call', 'Phone'])).toBe('Phone');
    expect(channelOf('Meeting', ['Phone', 'Meeting', 'Video call'])).toBe('Meeting');
    expect(channelOf('SMS', ['Phone', 'Text message'])).toBe('Text message');
  });
});
