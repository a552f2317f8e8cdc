/**
 * The notices at volume and under failure, on generated sheets: every notice once, mails that
 * fit, a run cut off mid-way resumed without repeats.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime, type Runtime, type SentMail } from '../../runtime/index.ts';
import { paris } from '../fixtures/dates.ts';
import { runLog } from '../fixtures/properties.ts';
import { TEAM_HEADER } from '../fixtures/team.ts';

const HEADER = [
  'Lead ID',
  'Name',
  'Company',
  'Email',
  'Phone',
  'Owner',
  'Priority',
  'Stage',
  'Handed off at',
];
const OWNERS = Array.from({ length: 10 }, (_, i) => `Rep ${i + 1}`);
const managerOf = (i: number) => `manager${(i % 2) + 1}@example.com`;

function team(notify = 'yes'): unknown[][] {
  return [
    TEAM_HEADER,
    ...OWNERS.map((o, i) => [o, `rep${i + 1}@example.com`, managerOf(i), notify, '', '', '']),
  ];
}

/** `count` Hot leads spread over the owners, handed off on the hour from 08:00 (Paris). */
function leads(count: number, hours = 6): unknown[][] {
  return Array.from({ length: count }, (_, i) => [
    `L-${i + 1}`,
    `Lead ${i + 1}`,
    'Acme',
    `lead${i + 1}@acme.io`,
    `+33 1 00 00 ${String(i % 100).padStart(2, '0')} 00`,
    OWNERS[i % OWNERS.length],
    'Hot',
    'MQL',
    paris(`2026-11-23T${String(8 + (i % hours)).padStart(2, '0')}:00`),
  ]);
}

function runtime(rows: unknown[][], teamRows = team()): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.addSheet('Leads', [HEADER, ...rows]);
  rt.addSheet('SLA Team', teamRows);
  rt.load();
  rt.setNow(paris('2026-11-23T07:00'));
  rt.call('startMonitoring');
  return rt;
}

/** One timer run; the mails it sent (a run cut off mid-way throws: caught, as Apps Script logs it). */
function tick(rt: Runtime, at: Date): SentMail[] {
  const before = rt.mails.length;
  try {
    rt.fireTimeTriggers(at);
  } catch {
    // the execution failed; what it sent is in rt.mails
  }
  return rt.mails.slice(before);
}

/** The leads a mail names (its plain-text lines) and the counts its sections say. */
function named(mail: SentMail): string[] {
  return [...mail.body.matchAll(/^- (Lead \d+) /gm)].map((m) => m[1]!);
}
function counted(mail: SentMail, section: RegExp): number {
  const m = new RegExp(`${section.source} \\(([\\d,]+) leads?\\):`).exec(mail.body);
  return m ? Number(m[1]!.replaceAll(',', '')) : 0;
}
const bytes = (m: SentMail) =>
  Buffer.byteLength(m.subject) + Buffer.byteLength(m.body) + Buffer.byteLength(m.htmlBody ?? '');

describe('notices at volume', () => {
  it('6,000 overdue leads over six hourly runs: each lead once to its owner and its manager, every mail under 100 KB', () => {
    const rt = runtime(leads(6000));
    const all: SentMail[] = [];
    for (let h = 9; h <= 14; h++)
      all.push(...tick(rt, paris(`2026-11-23T${String(h).padStart(2, '0')}:05`)));
    // one mail per address per run, none over 100 KB
    for (let h = 9; h <= 14; h++) {
      const run = all.filter(
        (m) => m.at.getTime() === paris(`2026-11-23T${String(h).padStart(2, '0')}:05`).getTime(),
      );
      expect(new Set(run.map((m) => m.to)).size).toBe(run.length);
    }
    for (const m of all) expect(bytes(m)).toBeLessThan(100_000);
    // no lead named twice to the same address
    const byAddress = new Map<string, string[]>();
    for (const m of all) byAddress.set(m.to, [...(byAddress.get(m.to) ?? []), ...named(m)]);
    for (const [to, names] of byAddress) expect(new Set(names).size, to).toBe(names.length);
    // the counts add up exactly: each owner's 600 leads overdue once; the managers get the
    // leads more than 4 business hours late by 14:05: those handed off at 08:00 and 09:00 (the
    // clock starts at 09:00, business hours: deadline 10:00), 2,000
    for (let i = 0; i < OWNERS.length; i++) {
      const mails = all.filter((m) => m.to === `rep${i + 1}@example.com`);
      expect(mails.reduce((n, m) => n + counted(m, /Overdue: first contact needed now/), 0)).toBe(
        600,
      );
    }
    const escalated = all
      .filter((m) => m.to.startsWith('manager'))
      .reduce((n, m) => n + counted(m, /Escalated to you: overdue by more than 4 business h/), 0);
    expect(escalated).toBe(2000);
    // six more runs, the next morning: nothing is announced again
    const again: SentMail[] = [];
    for (const h of ['09', '10', '11']) again.push(...tick(rt, paris(`2026-11-24T${h}:05`)));
    expect(again.filter((m) => !m.to.startsWith('manager'))).toEqual([]);
    expect(rt.spreadsheet.getSheetByName('SLA Notices')!.isSheetHidden()).toBe(true);
  }, 120_000);

  it('two Lead IDs the old 32-bit hash confused, and two leads sharing an e-mail, announced once each', () => {
    // the clock starts at 09:00 (business hours): deadlines 10:00, and 10:30 for Lead 4
    const rows = [
      [
        'L-2552',
        'Lead 1',
        'Acme',
        'a@acme.io',
        '',
        'Rep 1',
        'Hot',
        'MQL',
        paris('2026-11-23T08:00'),
      ],
      [
        'L-169220',
        'Lead 2',
        'Acme',
        'b@acme.io',
        '',
        'Rep 1',
        'Hot',
        'MQL',
        paris('2026-11-23T08:30'),
      ],
      ['', 'Lead 3', 'Acme', 'same@acme.io', '', 'Rep 1', 'Hot', 'MQL', paris('2026-11-23T08:00')],
      ['', 'Lead 4', 'Acme', 'same@acme.io', '', 'Rep 1', 'Hot', 'MQL', paris('2026-11-23T09:30')],
    ];
    const rt = runtime(rows);
    const all: SentMail[] = [];
    for (let h = 9; h <= 23; h++)
      all.push(...tick(rt, paris(`2026-11-23T${String(h).padStart(2, '0')}:05`)));
    const owner = all.filter((m) => m.to === 'rep1@example.com');
    const manager = all.filter((m) => m.to === managerOf(0));
    expect(owner.flatMap(named).sort()).toEqual(['Lead 1', 'Lead 2', 'Lead 3', 'Lead 4']);
    expect(manager.flatMap(named).sort()).toEqual(['Lead 1', 'Lead 2', 'Lead 3', 'Lead 4']);
    // Leads 1-3 at 10:05, Lead 4 at 11:05; escalated at 14:05 and 15:05
    expect(owner).toHaveLength(2);
    expect(manager).toHaveLength(2);
  });
});

describe('notices when a run fails after sending', () => {
  /** Ten owners with one lead each, handed off at 08:00: overdue from 10:00 (business hours). */
  const rows = () => leads(10, 1);

  function everyMailOnce(all: SentMail[]): void {
    const seen = all.map((m) => `${m.to}: ${named(m).join(' ')}`);
    expect(new Set(seen).size).toBe(seen.length);
    for (let i = 0; i < OWNERS.length; i++)
      expect(all.filter((m) => m.to === `rep${i + 1}@example.com`).flatMap(named)).toEqual([
        `Lead ${i + 1}`,
      ]);
  }

  it('cut off by the time limit at its second e-mail: the next runs resume and send nothing twice', () => {
    const rt = runtime(rows());
    rt.failCall('MailApp.sendEmail', { after: 1, kill: true });
    const first = tick(rt, paris('2026-11-23T10:05'));
    expect(first).toHaveLength(1);
    const all = [
      ...first,
      ...tick(rt, paris('2026-11-23T11:05')),
      ...tick(rt, paris('2026-11-23T12:05')),
    ];
    everyMailOnce(all);
    expect(all.filter((m) => m.to.startsWith('rep'))).toHaveLength(10);
  });

  it('its record write refused once after the first e-mail: written again, nothing sent twice', () => {
    const rt = runtime(rows());
    rt.failCall('Range.setValues', { armedBy: 'MailApp.sendEmail' });
    const all = [
      ...tick(rt, paris('2026-11-23T10:05')),
      ...tick(rt, paris('2026-11-23T11:05')),
      ...tick(rt, paris('2026-11-23T12:05')),
    ];
    everyMailOnce(all);
    expect(
      runLog(rt, 'check').some((e) => (e.notes ?? []).some((n) => /could not be recorded/.test(n))),
    ).toBe(false);
  });

  it('its record refused twice: sending stops, the run log says so, the next run goes on', () => {
    const rt = runtime(rows());
    rt.failCall('Range.setValues', { armedBy: 'MailApp.sendEmail' });
    rt.failCall('Range.setValues', { armedBy: 'MailApp.sendEmail' });
    const first = tick(rt, paris('2026-11-23T10:05'));
    expect(first).toHaveLength(1);
    const notes = runLog(rt, 'check')[0]!.notes!.join('\n');
    expect(notes).toMatch(/was sent but could not be recorded .*: no more e-mails this run/);
    const rest = [...tick(rt, paris('2026-11-23T11:05')), ...tick(rt, paris('2026-11-23T12:05'))];
    // only the one unrecorded e-mail may go again
    const owners = [...first, ...rest].filter((m) => m.to.startsWith('rep'));
    expect(new Set(owners.map((m) => m.to)).size).toBe(10);
    expect(owners.length).toBeLessThanOrEqual(11);
  });
});
