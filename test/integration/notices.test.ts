import { describe, expect, it } from 'vitest';
import { createRuntime, type Runtime, type SentMail } from '../../runtime/index.ts';
import { paris } from '../fixtures/dates.ts';
import { rowOf } from '../fixtures/leads.ts';
import { runLog } from '../fixtures/properties.ts';
import { TEAM_HEADER } from '../fixtures/team.ts';
import { byLeadId, workbookSheet } from './leadsHelpers.ts';

const HOUR = 3_600_000;
const HEADER = [
  'Lead ID',
  'Name',
  'Company',
  'Owner',
  'Priority',
  'Stage',
  'Handed off at',
  'First contact at',
];

const TEAM = [
  TEAM_HEADER,
  ['Ann', 'ann@example.com', 'mia@example.com', 'yes', 'Europe/Paris', '', ''],
  ['Bob', 'bob@example.com', 'mia@example.com', 'yes', '', '', ''],
  [
    'Cy',
    'cy@example.com',
    'max@example.com',
    'yes',
    '',
    paris('2026-11-23T00:00'),
    paris('2026-11-27T00:00'),
  ],
  ['Dee', 'dee@', 'max@example.com', 'yes', '', '', ''],
  ['Eve', 'eve@example.com', 'max@example.com', 'no', '', '', ''],
  ['Fay', 'fay@example.com', 'max@example.com', 'yes', 'Mars/Olympus', '', ''],
  [
    'Gus',
    'gus@example.com',
    'max@example.com',
    'yes',
    '',
    paris('2026-11-25T00:00'),
    paris('2026-11-20T00:00'),
  ],
];

type Lead = Record<string, unknown>;
const lead = (
  id: string,
  owner: string,
  priority: string,
  handedOff: string,
  extra: Lead = {},
) => ({
  'Lead ID': id,
  Name: `Name ${id}`,
  Company: `Co ${id}`,
  Owner: owner,
  Priority: priority,
  Stage: 'MQL',
  'Handed off at': paris(handedOff),
  ...extra,
});

/** Monday 23 November 2026, Paris: a day of hand-offs. */
const LEADS: Lead[] = [
  lead('A1', 'Ann', 'Hot', '2026-11-23T09:10'), // deadline 10:10
  lead('A2', 'Ann', 'Warm', '2026-11-23T09:00'), // deadline 17:00, at risk 15:00
  lead('B1', 'Bob', 'Hot', '2026-11-23T09:30'), // deadline 10:30, escalated after 14:30
  lead('B2', 'Bob', 'Hot', '2026-11-23T11:00'), // contacted 11:20: never announced
  lead('C1', 'Cy', 'Cold', '2026-11-23T09:00'), // Cy is away: to Max at once, to reassign
  lead('D1', 'Dee', 'Hot', '2026-11-23T09:00'), // Dee's row is skipped: nobody told
  lead('E1', 'Eve', 'Hot', '2026-11-23T09:00'), // Eve is not notified, her manager is
  lead('X1', 'Xavier', 'Hot', '2026-11-23T09:00'), // not in SLA Team
];

function dayRuntime(leads: Lead[] = LEADS, team: unknown[][] = TEAM): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.addSheet('Leads', [HEADER, ...leads.map((l) => rowOf(HEADER, l))]);
  rt.addSheet('SLA Team', team);
  rt.load();
  rt.setNow(paris('2026-11-23T08:00'));
  rt.call('startMonitoring');
  return rt;
}

/** Runs the hourly timer from `from` for `hours` ticks; returns the mails of each tick. */
function tick(rt: Runtime, at: Date): SentMail[] {
  const before = rt.mails.length;
  rt.fireTimeTriggers(at);
  return rt.mails.slice(before);
}

/** Lead IDs a mail lists (its plain-text lines). */
function leadsIn(mail: SentMail): string[] {
  return [...mail.body.matchAll(/Name (\w+)/g)].map((m) => m[1]!);
}

function cell(rt: Runtime, header: string, id: string): string {
  const head = HEADER.indexOf(header);
  const s = rt.spreadsheet.getSheetByName('Leads')!;
  const row = s
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === id);
  return `${String.fromCharCode(65 + head)}${row + 1}`;
}

describe('notices: a day of timer runs', () => {
  it('mails each owner once per run, escalates once, never twice, only to SLA Team', () => {
    const rt = dayRuntime();
    const all: SentMail[] = [];
    for (let h = 8; h <= 20; h++) {
      if (h === 11) {
        rt.setNow(paris('2026-11-23T11:20'));
        rt.edit('Leads', cell(rt, 'First contact at', 'B2'), [[paris('2026-11-23T11:20')]]);
      }
      all.push(...tick(rt, paris(`2026-11-23T${String(h).padStart(2, '0')}:05`)));
    }
    const timeline = all.map((m) => [
      `${String(m.at.getUTCHours() + 1).padStart(2, '0')}:05`,
      m.to,
      leadsIn(m).join(' '),
      m.subject.replace(/ \(Untitled spreadsheet\)$/, ''),
    ]);
    expect(timeline).toEqual([
      // Cy is away: C1 goes to Max at once, to be reassigned; Cy hears nothing
      ['08:05', 'max@example.com', 'C1', 'SLA escalation: 1 lead to reassign (owner away)'],
      // A1 (Hot, deadline 10:10) is at risk at the 10:05 run, overdue at 11:05
      ['10:05', 'ann@example.com', 'A1', 'SLA: 1 lead at risk'],
      // B1 (deadline 10:30) was at risk between two runs: told once, overdue; the freshest
      // overdue lead first (it can still be won)
      ['11:05', 'bob@example.com', 'B1', 'SLA: 1 lead overdue'],
      ['11:05', 'ann@example.com', 'A1', 'SLA: 1 lead overdue'],
      // Eve is not notified; her manager hears of E1 (deadline 10:00) once 4 business hours late
      ['14:05', 'max@example.com', 'E1', 'SLA escalation: 1 lead overdue over 4 business h'],
      // one e-mail to Mia for both of her owners' leads, one to Ann for A2 (Warm, deadline 17:00)
      ['15:05', 'mia@example.com', 'B1 A1', 'SLA escalation: 2 leads overdue over 4 business h'],
      ['15:05', 'ann@example.com', 'A2', 'SLA: 1 lead at risk'],
      ['17:05', 'ann@example.com', 'A2', 'SLA: 1 lead overdue'],
    ]);
    // every address is in SLA Team; B2 (contacted in time), D1 (Dee's row is skipped) and X1
    // (Xavier is not in SLA Team) are never announced
    const team = new Set(TEAM.slice(1).flatMap((r) => [String(r[1]), String(r[2])]));
    for (const m of all) expect(team.has(m.to), m.to).toBe(true);
    expect(String(byLeadId(rt).get('C1'))).toMatch(/· owner away: reassign$/);
    const notes = runLog(rt, 'check')[0]!.notes!.join('\n');
    expect(notes).toMatch(/SLA Team row 5 \(Dee\): "dee@" is not an e-mail address/);
    expect(notes).toMatch(/SLA Team row 7 \(Fay\): time zone "Mars\/Olympus" is unknown/);
    expect(notes).toMatch(/SLA Team row 8 \(Gus\): the away range ends before it starts/);
    expect(notes).toMatch(/not in SLA Team: Dee \(1\), Xavier \(1\)/);
    // the next morning nothing is announced again; A2 is escalated once 4 business hours late
    // (Monday 17:00-18:00, Tuesday 09:00-12:00)
    const next: SentMail[] = [];
    for (const h of ['09', '10', '11', '12']) next.push(...tick(rt, paris(`2026-11-24T${h}:05`)));
    expect(next.map((m) => [m.at.getTime(), m.to, leadsIn(m).join(' ')])).toEqual([
      [paris('2026-11-24T12:05').getTime(), 'mia@example.com', 'A2'],
    ]);
    // the monthly review counts them per owner
    rt.call('runMonthlyReview', '2026-11');
    const review = workbookSheet(rt, 'SLA Review 2026-11').values;
    const head = review.findIndex((r) => r?.[0] === 'Owner');
    const columns = review[head]!;
    const owners = new Map(
      review
        .slice(head + 1)
        .filter((r) => r?.[0])
        .map((r) => [
          String(r![0]),
          [
            r![columns.indexOf('Escalated to manager')],
            r![columns.indexOf('To reassign (owner away)')],
          ],
        ]),
    );
    expect(owners.get('Ann')).toEqual([2, 0]);
    expect(owners.get('Bob')).toEqual([1, 0]);
    expect(owners.get('Cy')).toEqual([1, 1]);
    expect(owners.get('Eve')).toEqual([1, 0]);
    expect(owners.get('Xavier')).toEqual([0, 0]);
  });

  it('escapes user text in the HTML body and links each lead to its row', () => {
    const evil = lead('Z1', 'Ann', 'Hot', '2026-11-23T09:00', {
      Name: '<img src=x onerror=alert(1)>',
      Company: 'Fish & "Chips"',
    });
    const rt = dayRuntime([evil]);
    const mails = tick(rt, paris('2026-11-23T10:30'));
    expect(mails).toHaveLength(1);
    const html = mails[0]!.htmlBody!;
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Fish &amp; &quot;Chips&quot;');
    const gid = rt.spreadsheet.getSheetByName('Leads')!.getSheetId();
    expect(html).toContain(`#gid=${gid}&amp;range=A2`);
    expect(mails[0]!.body).toContain(`#gid=${gid}&range=A2`);
  });

  it('sends the most urgent first within the daily quota, and the rest next run, once', () => {
    const rt = dayRuntime();
    rt.setMailQuota(1);
    const first = tick(rt, paris('2026-11-23T15:05'));
    expect(first).toHaveLength(1);
    expect(first[0]!.subject).toMatch(/^SLA escalation/);
    const notes = runLog(rt, 'check')[0]!.notes!.join('\n');
    expect(notes).toMatch(/not sent: the daily e-mail quota is used up \(retried next run\)/);
    expect(runLog(rt, 'check')[0]!.error).toBeUndefined();
    rt.setMailQuota(0);
    expect(tick(rt, paris('2026-11-23T16:05'))).toHaveLength(0);
    rt.setMailQuota(100);
    const rest = tick(rt, paris('2026-11-23T17:05'));
    const recipients = [...first, ...rest].map((m) => m.to).sort();
    expect(recipients).toEqual([
      'ann@example.com',
      'bob@example.com',
      'max@example.com',
      'mia@example.com',
    ]);
    expect(tick(rt, paris('2026-11-23T18:05'))).toHaveLength(0);
  });

  it('a mail that fails is logged and the run goes on; it is sent next run', () => {
    const team = TEAM.map((r) => r.slice());
    const rt = dayRuntime(LEADS.slice(0, 2), team.slice(0, 2));
    const mailApp = (rt.context() as unknown as { MailApp: { sendEmail: () => void } }).MailApp;
    const send = mailApp.sendEmail;
    mailApp.sendEmail = () => {
      throw new Error('Service unavailable');
    };
    expect(tick(rt, paris('2026-11-23T10:30'))).toHaveLength(0);
    expect(runLog(rt, 'check')[0]!.notes!.join('\n')).toMatch(/failed \(Service unavailable\)/);
    expect(String(byLeadId(rt).get('A1'))).toMatch(/^Overdue/);
    mailApp.sendEmail = send;
    expect(tick(rt, paris('2026-11-23T11:30'))).toHaveLength(1);
  });
});

describe("notices on the owner's clock across a DST change", () => {
  it('a New York owner: deadline, at-risk, overdue and escalation at their hours', () => {
    // Europe left summer time on 25 October, New York on 1 November 2026.
    const team = [
      TEAM_HEADER,
      ['Nia', 'nia@example.com', 'mo@example.com', 'yes', 'America/New_York', '', ''],
    ];
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    // Friday 30 October, 16:00 in New York (EDT, UTC-4) = 20:00 UTC; Warm: 8 business hours
    rt.addSheet('Leads', [
      HEADER,
      rowOf(HEADER, {
        'Lead ID': 'N1',
        Name: 'Name N1',
        Owner: 'Nia',
        Priority: 'Warm',
        Stage: 'MQL',
        'Handed off at': new Date('2026-10-30T20:00:00Z'),
      }),
    ]);
    rt.addSheet('SLA Team', team);
    rt.load();
    rt.setNow(new Date('2026-10-30T20:30:00Z'));
    rt.call('startMonitoring');
    const sent: Array<{ at: string; to: string; subject: string }> = [];
    for (
      let t = Date.parse('2026-10-30T21:00:00Z');
      t <= Date.parse('2026-11-03T21:00:00Z');
      t += HOUR
    ) {
      for (const m of tick(rt, new Date(t)))
        sent.push({ at: new Date(t).toISOString(), to: m.to, subject: m.subject });
    }
    // 2 h on Friday (16-18 EDT), 6 h on Monday from 09:00 EST (UTC-5): 15:00 EST = 20:00 UTC
    expect((byLeadId(rt, 'SLA deadline').get('N1') as Date).toISOString()).toBe(
      '2026-11-02T20:00:00.000Z',
    );
    expect(sent).toEqual([
      // at risk for the last 2 business hours: from 13:00 EST = 18:00 UTC
      {
        at: '2026-11-02T18:00:00.000Z',
        to: 'nia@example.com',
        subject: expect.stringMatching(/at risk/),
      },
      {
        at: '2026-11-02T21:00:00.000Z',
        to: 'nia@example.com',
        subject: expect.stringMatching(/overdue/),
      },
      // 4 business hours late at 15:00 UTC (Monday 15-18 and Tuesday 09-10 EST): more than 4 at
      // the next run
      {
        at: '2026-11-03T16:00:00.000Z',
        to: 'mo@example.com',
        subject: expect.stringMatching(/^SLA escalation/),
      },
    ]);
  });
});

describe('owners named like the properties of an object', () => {
  it('__proto__ and constructor are told, escalated and counted in the review like anyone', () => {
    const team = [
      TEAM_HEADER,
      ['__proto__', 'proto@example.com', 'mia@example.com', 'yes', 'America/New_York', '', ''],
      ['constructor', 'ctor@example.com', 'mia@example.com', 'yes', '', '', ''],
    ];
    const rt = dayRuntime(
      [
        lead('P1', '__proto__', 'Hot', '2026-11-23T15:00'), // 09:00 in New York: deadline 16:00 Paris
        lead('K1', 'constructor', 'Hot', '2026-11-23T09:00'),
      ],
      team,
    );
    const all: SentMail[] = [];
    for (const at of ['2026-11-23T10:05', '2026-11-23T16:05', '2026-11-24T10:05'])
      all.push(...tick(rt, paris(at)));
    expect(all.map((m) => [m.to, leadsIn(m).join(' ')])).toEqual([
      ['ctor@example.com', 'K1'], // 10:05, deadline 10:00
      ['mia@example.com', 'K1'], // 16:05, 6 business hours late
      ['proto@example.com', 'P1'], // 16:05, deadline 16:00 Paris (10:00 in New York)
      ['mia@example.com', 'P1'], // the next day
    ]);
    // the New York owner's deadline is on their clock
    expect((byLeadId(rt, 'SLA deadline').get('P1') as Date).toISOString()).toBe(
      '2026-11-23T15:00:00.000Z',
    );
    rt.call('runMonthlyReview', '2026-11');
    const review = workbookSheet(rt, 'SLA Review 2026-11').values;
    const head = review.findIndex((r) => r?.[0] === 'Owner');
    const col = review[head]!.indexOf('Escalated to manager');
    const escalated = new Map(
      review
        .slice(head + 1)
        .filter((r) => r?.[0])
        .map((r) => [String(r![0]), r![col]]),
    );
    expect(escalated.get('__proto__')).toBe(1);
    expect(escalated.get('constructor')).toBe(1);
  });
});

describe('the notices state sheet', () => {
  it('keeps user text as text: an owner named like a formula is counted, never run', () => {
    const evil = '=IMPORTXML("http://x","//a")';
    const team = [TEAM_HEADER, [evil, 'e@example.com', 'mia@example.com', 'no', '', '', '']];
    const rt = dayRuntime([lead('Z1', evil, 'Hot', '2026-11-23T09:00')], team);
    tick(rt, paris('2026-11-23T15:05'));
    expect(rt.mails.map((m) => m.to)).toEqual(['mia@example.com']);
    expect(rt.formulaWrites.filter((w) => w.sheet === 'SLA Notices')).toEqual([]);
    const state = rt.spreadsheet.getSheetByName('SLA Notices')!.getDataRange().getValues();
    expect(state[1]!.slice(0, 3)).toEqual(['id:Z1', '2026-11-23T09:00', 'escalated']);
    expect(state[1]!.slice(4)).toEqual(['2026-11', evil, 1, 0]);
  });
});

describe('a workbook notified by an earlier version', () => {
  it('carries its memory and escalation counts over from the document properties, then drops them', () => {
    const hash = (text: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
      }
      return (h >>> 0).toString(36);
    };
    const rt = dayRuntime(LEADS.slice(0, 2), TEAM.slice(0, 2));
    // A1 (deadline 10:10) was announced overdue by the earlier version
    const minute = Math.floor(paris('2026-11-23T10:10').getTime() / 60_000);
    rt.documentProperties.setProperty('sla.notices.0', `${hash('id:A1')}:${minute.toString(36)}:2`);
    rt.documentProperties.setProperty('sla.escalations', '{"2026-11":{"Ann":[3,1]}}');
    const mails = tick(rt, paris('2026-11-23T11:05'));
    expect(mails.flatMap(leadsIn)).not.toContain('A1');
    expect(rt.documentProperties.getProperty('sla.notices.0')).toBeNull();
    expect(rt.documentProperties.getProperty('sla.escalations')).toBeNull();
    // nothing announced again later either
    expect(tick(rt, paris('2026-11-23T12:05')).flatMap(leadsIn)).not.toContain('A1');
    rt.call('runMonthlyReview', '2026-11');
    const review = workbookSheet(rt, 'SLA Review 2026-11').values;
    const head = review.findIndex((r) => r?.[0] === 'Owner');
    const col = review[head]!.indexOf('Escalated to manager');
    expect(review.slice(head + 1).find((r) => r?.[0] === 'Ann')![col]).toBe(3);
  });
});
