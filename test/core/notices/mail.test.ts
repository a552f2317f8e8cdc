import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../../src/core/common/propertyBytes.ts';
import {
  businessSpan,
  escapeHtml,
  MAIL_MAX_BYTES,
  MAX_LISTED,
  type MailContext,
  mailBytes,
  oneLine,
  renderMail,
} from '../../../src/core/notices/mail.ts';
import { memoryKey } from '../../../src/core/notices/memory.ts';
import type { NoticeItem, NoticeLead, PlannedMail } from '../../../src/core/notices/notices.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T15:00:00Z'); // Monday 16:00 in Paris

const ctx: MailContext = {
  spreadsheetName: 'Pipe <line>\nQ4',
  sheetLink: 'https://docs.example/d/1/edit#gid=7',
  rowLink: (row) => `https://docs.example/d/1/edit#gid=7&range=A${row}`,
  clockOf: (owner) => intlZoneClock(owner === 'Nia' ? 'America/New_York' : 'Europe/Paris'),
  dayHoursOf: () => 9,
  escalateAfterHours: 4,
  nowMs: NOW,
};

function item(
  n: number,
  extra: Partial<NoticeLead> = {},
  more: Partial<NoticeItem> = {},
): NoticeItem {
  const lead: NoticeLead = {
    row: n + 1,
    identity: `id:L${n}`,
    owner: 'Ann',
    name: `Lead ${n}`,
    company: 'Acme',
    email: `lead${n}@acme.io`,
    phone: '',
    priority: 'Hot',
    status: 'Overdue',
    deadlineMs: NOW - (n + 1) * HOUR,
    ...extra,
  };
  return {
    lead,
    kind: 'overdue',
    key: memoryKey(lead.identity, lead.deadlineMs),
    businessMs: (n + 1) * HOUR,
    reassign: false,
    ...more,
  };
}

const mailOf = (own: NoticeItem[], escalated: NoticeItem[] = []): PlannedMail => ({
  to: 'ann@example.com',
  owners: [...new Set(own.map((i) => i.lead.owner))],
  own,
  escalated,
});

describe('the e-mail a rep acts on', () => {
  it('escapes user text, keeps the subject on one line, links the lead to its row', () => {
    const evil = item(2, { name: '<script>x</script>', company: 'A & "B"', row: 12 });
    const mail = renderMail(mailOf([evil]), ctx);
    expect(mail.subject).toBe('SLA: 1 lead overdue (Pipe <line> Q4)');
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).toContain(
      '<a href="https://docs.example/d/1/edit#gid=7&amp;range=A12">&lt;script&gt;x&lt;/script&gt;</a><br>A &amp; &quot;B&quot;',
    );
    expect(mail.htmlBody).toContain('Pipe &lt;line&gt;');
    expect(mail.body).toContain('Row 12: https://docs.example/d/1/edit#gid=7&range=A12');
  });

  it('gives the phone and e-mail as links, checked; the full name; the owner once', () => {
    const a = item(1, { phone: '+33 (1) 23 45 67 89', name: 'Marie-Sophie Durand' });
    const b = item(2, { phone: 'ask the switchboard', email: 'not an address' });
    const mail = renderMail(mailOf([a, b]), ctx);
    expect(mail.htmlBody).toContain('<a href="tel:+33123456789">+33 (1) 23 45 67 89</a>');
    expect(mail.htmlBody).toContain('<a href="mailto:lead1@acme.io">lead1@acme.io</a>');
    expect(mail.htmlBody).toContain('<td>ask the switchboard</td>');
    expect(mail.htmlBody).not.toContain('mailto:not');
    expect(mail.body).toContain(
      '- Marie-Sophie Durand (Acme), Hot: 2 business hours late, deadline Mon 23 Nov, 14:00 (Europe/Paris). phone +33 (1) 23 45 67 89, e-mail lead1@acme.io. Row 2:',
    );
    // the owner is named in the opening line, not on each lead
    expect(mail.body.match(/Ann\b/g)).toHaveLength(1);
    expect(mail.body.split('\n')[0]).toBe('Leads of Ann need a first contact (Pipe <line> Q4).');
  });

  it('says lateness as a person reads it: minutes, business hours, business days', () => {
    expect(businessSpan(25 * 60_000, 9)).toBe('25 min');
    expect(businessSpan(HOUR, 9)).toBe('1 business hour');
    expect(businessSpan(8.9 * HOUR, 9)).toBe('8 business hours');
    expect(businessSpan(371 * HOUR, 9)).toBe('41 business days');
    expect(businessSpan(18 * HOUR, 9)).toBe('2 business days');
    const late = renderMail(mailOf([item(17)]), ctx);
    expect(late.body).toContain('2 business days late');
    const soon = item(
      0,
      { status: 'At risk', deadlineMs: NOW + HOUR },
      { kind: 'atRisk', businessMs: 45 * 60_000 },
    );
    expect(renderMail(mailOf([soon]), ctx).body).toContain('due in 45 min');
  });

  it("shows the deadline on the owner's clock, the year only when it is not this one", () => {
    const nia = item(0, { owner: 'Nia', deadlineMs: Date.parse('2026-11-23T15:10:00Z') });
    expect(renderMail(mailOf([nia]), ctx).body).toContain(
      'deadline Mon 23 Nov, 10:10 (America/New_York).',
    );
    const old = item(0, { deadlineMs: Date.parse('2025-12-31T09:00:00Z') });
    expect(renderMail(mailOf([old]), ctx).body).toContain(
      'deadline Wed 31 Dec 2025, 10:00 (Europe/Paris)',
    );
  });

  it('lists a bounded number of leads, most urgent first, then "and N more" with the sheet; counts exact', () => {
    const own = Array.from({ length: 6000 }, (_, n) => item(n));
    const mail = renderMail(mailOf(own), ctx);
    expect(mail.subject).toBe('SLA: 6,000 leads overdue (Pipe <line> Q4)');
    expect(mail.body).toContain('Overdue: first contact needed now (6,000 leads):');
    const listed = mail.body.match(/^- /gm)!.length;
    expect(listed).toBeLessThanOrEqual(MAX_LISTED);
    expect(mail.body).toContain(
      `… and ${(6000 - listed).toLocaleString('en-US')} more: https://docs.example/d/1/edit#gid=7`,
    );
    // the freshest overdue lead first
    expect(mail.body.indexOf('Lead 0 ')).toBeLessThan(mail.body.indexOf('Lead 1 '));
    expect(mailBytes(mail)).toBeLessThan(MAIL_MAX_BYTES);
  });

  it('stays under 100 KB whatever the cells hold: fewer leads listed, none dropped from the counts', () => {
    const wide = '"<&>'.repeat(200);
    const own = Array.from({ length: 300 }, (_, n) => item(n, { name: wide, company: wide }));
    const esc = Array.from({ length: 300 }, (_, n) =>
      item(n + 300, { owner: n % 2 ? 'Bob' : 'Cy', name: wide }, { kind: 'escalated' }),
    );
    const mail = renderMail(mailOf(own, esc), ctx);
    expect(utf8Bytes(mail.htmlBody) + utf8Bytes(mail.body) + utf8Bytes(mail.subject)).toBeLessThan(
      100_000,
    );
    expect(mail.subject).toBe(
      'SLA: 300 leads overdue; escalation: 300 leads overdue over 4 business h (Pipe <line> Q4)',
    );
    const more = [...mail.body.matchAll(/… and (\d+) more/g)].map((m) => Number(m[1]));
    const listed = mail.body.match(/^- /gm)!.length;
    expect(listed + more.reduce((a, b) => a + b, 0)).toBe(600);
  });

  it("groups a manager's escalations under each owner's name", () => {
    const esc = [
      item(1, { owner: 'Bob' }, { kind: 'escalated' }),
      item(2, { owner: 'Cy' }, { kind: 'escalated' }),
      item(3, { owner: 'Bob' }, { kind: 'escalated', reassign: true }),
    ];
    const mail = renderMail({ to: 'boss@example.com', owners: [], own: [], escalated: esc }, ctx);
    expect(mail.subject).toBe(
      'SLA escalation: 2 leads overdue over 4 business h, 1 lead to reassign (owner away) (Pipe <line> Q4)',
    );
    expect(mail.body).toContain(
      'Escalated to you: overdue by more than 4 business h (2 leads):\nBob:\n- Lead 1',
    );
    expect(mail.body).toContain('\nCy:\n- Lead 2');
    // a manager is told whose leads they are, even when they are one owner's
    expect(mail.body).toContain('To reassign: their owner is away (1 lead):\nBob:\n- Lead 3');
  });

  it('escapes and flattens text', () => {
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
    expect(oneLine('a\r\nb\u2028c\td', 120)).toBe('a b c d');
    expect(oneLine('x'.repeat(10), 5)).toBe('xxxx…');
  });
});
