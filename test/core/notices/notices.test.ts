import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  type MailContext,
  oneLine,
  renderMail,
} from '../../../src/core/notices/mail.ts';
import { markSent, type NoticeMemory } from '../../../src/core/notices/memory.ts';
import {
  type NoticeInput,
  type NoticeLead,
  planNotices,
} from '../../../src/core/notices/notices.ts';
import type { TeamMember } from '../../../src/core/team/team.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-23T15:00:00Z');

function member(owner: string, extra: Partial<TeamMember> = {}): TeamMember {
  return {
    row: 2,
    owner,
    key: owner.toLowerCase(),
    email: `${owner.toLowerCase()}@example.com`,
    managerEmail: 'boss@example.com',
    notify: true,
    timeZone: '',
    away: null,
    ...extra,
  };
}

let rowNumber = 2;
function lead(id: string, owner: string, status: NoticeLead['status'], hoursLate = 0): NoticeLead {
  return {
    row: rowNumber++,
    key: `id:${id}`,
    owner,
    name: `Name ${id}`,
    company: 'Acme',
    priority: 'Hot',
    status,
    detail: status === 'Overdue' ? `Overdue · ${hoursLate} h late` : `${status} · 10 min left`,
    deadlineMs: NOW - hoursLate * HOUR + (status === 'Overdue' ? 0 : 600_000),
  };
}

function input(
  leads: NoticeLead[],
  team: TeamMember[],
  memory: NoticeMemory = new Map(),
): NoticeInput {
  return {
    leads,
    team: new Map(team.map((m) => [m.key, m])),
    memory,
    nowMs: NOW,
    escalateAfterHours: 4,
    // wall time stands for business time here
    lateness: (l) => Math.max(0, NOW - l.deadlineMs),
  };
}

const ids = (p: ReturnType<typeof planNotices>) =>
  p.mails.map((m) => [m.to, m.items.map((i) => `${i.lead.key.slice(3)}:${i.kind}`).join(' ')]);

describe('planning the notices', () => {
  it('one mail per owner listing their new at-risk and overdue leads, one per manager, most urgent first', () => {
    const plan = planNotices(
      input(
        [
          lead('A1', 'Ann', 'At risk'),
          lead('A2', 'Ann', 'Overdue', 1),
          lead('A3', 'Ann', 'Due'),
          lead('B1', 'Bob', 'Overdue', 5),
          lead('B2', 'Bob', 'Overdue', 6),
        ],
        [member('Ann'), member('Bob')],
      ),
    );
    expect(ids(plan)).toEqual([
      ['boss@example.com', 'B2:escalated B1:escalated'],
      ['bob@example.com', 'B2:overdue B1:overdue'],
      ['ann@example.com', 'A2:overdue A1:atRisk'],
    ]);
    expect(plan.heldBack).toBe(0);
  });

  it('never plans a notice the memory says was sent for the same deadline', () => {
    const first = input([lead('A2', 'Ann', 'Overdue', 5)], [member('Ann')]);
    const plan = planNotices(first);
    for (const m of plan.mails)
      for (const i of m.items) markSent(plan.memory, i.hash, i.deadlineMin, i.kind);
    expect(planNotices({ ...first, memory: plan.memory }).mails).toEqual([]);
  });

  it('an at-risk notice already sent is followed by the overdue one, not by the at-risk again', () => {
    const atRisk = lead('A1', 'Ann', 'At risk');
    const plan = planNotices(input([atRisk], [member('Ann')]));
    const memory = plan.memory;
    for (const i of plan.mails[0]!.items) markSent(memory, i.hash, i.deadlineMin, i.kind);
    expect(planNotices(input([atRisk], [member('Ann')], memory)).mails).toEqual([]);
    const overdue = { ...atRisk, status: 'Overdue' as const, detail: 'Overdue · 1 min late' };
    expect(ids(planNotices(input([overdue], [member('Ann')], memory)))).toEqual([
      ['ann@example.com', 'A1:overdue'],
    ]);
  });

  it('escalates after the delay only: exactly 4 business hours late is not more than 4', () => {
    const plan = planNotices(
      input(
        [lead('B1', 'Bob', 'Overdue', 4), lead('B2', 'Bob', 'Overdue', 4.01)],
        [member('Bob', { notify: false })],
      ),
    );
    expect(ids(plan)).toEqual([['boss@example.com', 'B2:escalated']]);
  });

  it("sends an away owner's open leads to the manager at once, to reassign, and not to the owner", () => {
    const away = member('Cy', { away: { from: NOW - HOUR, until: NOW + HOUR } });
    const plan = planNotices(
      input([lead('C1', 'Cy', 'Due'), lead('C2', 'Cy', 'Overdue', 1)], [away]),
    );
    expect(ids(plan)).toEqual([['boss@example.com', 'C2:escalated C1:escalated']]);
    expect(plan.mails[0]!.items.every((i) => i.reassign)).toBe(true);
  });

  it('names the owners missing from SLA Team and those without a manager', () => {
    const plan = planNotices(
      input(
        [
          lead('X1', 'Xavier', 'Overdue', 9),
          lead('X2', 'Xavier', 'Due'),
          lead('E1', 'Eve', 'Overdue', 9),
        ],
        [member('Eve', { managerEmail: '', notify: false })],
      ),
    );
    expect(plan.mails).toEqual([]);
    expect(plan.notes).toEqual([
      'No e-mail for at-risk or overdue leads whose owner is not in SLA Team: Xavier (1). Add them to SLA Team.',
      'Not escalated: no Manager email in SLA Team for Eve.',
    ]);
  });

  it('holds back, least urgent first, what the memory cannot hold', () => {
    const leads = [
      lead('A1', 'Ann', 'At risk'),
      lead('A2', 'Ann', 'Overdue', 1),
      lead('B1', 'Bob', 'Overdue', 9),
    ];
    const plan = planNotices({ ...input(leads, [member('Ann'), member('Bob')]), maxBytes: 45 });
    // B1's escalation and overdue notice share one entry; A2's takes the rest; A1 waits
    expect(ids(plan)).toEqual([
      ['boss@example.com', 'B1:escalated'],
      ['bob@example.com', 'B1:overdue'],
      ['ann@example.com', 'A2:overdue'],
    ]);
    expect(plan.heldBack).toBe(1);
    expect(plan.notes.at(-1)).toMatch(/^1 notice held back: the memory of sent notices is full/);
  });

  it('forgets the leads that are no longer open', () => {
    const memory: NoticeMemory = new Map();
    const a = planNotices(input([lead('A2', 'Ann', 'Overdue', 1)], [member('Ann')]));
    for (const i of a.mails[0]!.items) markSent(memory, i.hash, i.deadlineMin, i.kind);
    expect(memory.size).toBe(1);
    expect(planNotices(input([], [member('Ann')], memory)).memory.size).toBe(0);
  });
});

describe('the e-mail', () => {
  const ctx: MailContext = {
    spreadsheetName: 'Pipe <line>\nQ4',
    rowLink: (row) => `https://docs.example/d/1/edit#gid=7&range=A${row}`,
    formatDeadline: () => 'Mon 23 Nov 2026, 16:00 (Europe/Paris)',
    escalateAfterHours: 4,
  };

  it('escapes user text in HTML, keeps the subject on one line, links each lead to its row', () => {
    const evil = {
      ...lead('Z', 'Ann', 'Overdue', 2),
      name: '<script>x</script>',
      company: 'A & "B"',
      row: 12,
    };
    const plan = planNotices(input([evil], [member('Ann')]));
    const mail = renderMail(plan.mails[0]!, ctx);
    expect(mail.subject).toBe('SLA: 1 lead overdue (Pipe <line> Q4)');
    expect(mail.htmlBody).not.toContain('<script>');
    expect(mail.htmlBody).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.htmlBody).toContain('A &amp; &quot;B&quot;');
    expect(mail.htmlBody).toContain('Pipe &lt;line&gt;');
    expect(mail.htmlBody).toContain(
      '<a href="https://docs.example/d/1/edit#gid=7&amp;range=A12">row 12</a>',
    );
    expect(mail.body).toContain(
      'deadline Mon 23 Nov 2026, 16:00 (Europe/Paris), 2 h late. Row 12: https://docs.example/d/1/edit#gid=7&range=A12',
    );
  });

  it('says once that an away owner’s lead is to be reassigned', () => {
    const away = member('Cy', { away: { from: -Infinity, until: Infinity } });
    const l = { ...lead('C1', 'Cy', 'Due'), detail: 'Due · 10 min left · owner away: reassign' };
    const mail = renderMail(planNotices(input([l], [away])).mails[0]!, ctx);
    expect(mail.subject).toBe('SLA escalation: 1 lead to reassign (owner away) (Pipe <line> Q4)');
    expect(mail.body.match(/owner away: reassign/g)).toHaveLength(1);
  });

  it('escapes and flattens text', () => {
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
    expect(oneLine('a\r\nb\u2028c\td', 120)).toBe('a b c d');
    expect(oneLine('x'.repeat(10), 5)).toBe('xxxx…');
  });
});
