import { describe, expect, it } from 'vitest';
import {
  legacyHash,
  markSent,
  memoryKey,
  type NoticeMemory,
} from '../../../src/core/notices/memory.ts';
import {
  type NoticeInput,
  type NoticeLead,
  type NoticePlan,
  openLeads,
  planNotices,
} from '../../../src/core/notices/notices.ts';
import { FIELD_IDS, type FieldId } from '../../../src/core/read/fieldIds.ts';
import type { LeadRecord } from '../../../src/core/read/leadRecords.ts';
import type { LeadOutput } from '../../../src/core/sla/leadCheck.ts';
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
    identity: `id:${id}`,
    owner,
    name: `Name ${id}`,
    company: 'Acme',
    email: `${id.toLowerCase()}@acme.io`,
    phone: '',
    priority: 'Hot',
    status,
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
    businessMs: (_l, from, to) => Math.max(0, to - from),
  };
}

const ids = (p: NoticePlan) =>
  p.mails.map((m) => [
    m.to,
    [...m.own, ...m.escalated].map((i) => `${i.lead.identity.slice(3)}:${i.kind}`).join(' '),
  ]);

/** What the shell does after each send: every notice of the mail is remembered. */
function sendAll(plan: NoticePlan): NoticeMemory {
  for (const m of plan.mails)
    for (const i of [...m.own, ...m.escalated]) markSent(plan.memory, i.key, i.kind);
  return plan.memory;
}

describe('planning the notices', () => {
  it('one mail per address: the owner’s new leads, the manager’s escalations; the freshest overdue first', () => {
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
      ['boss@example.com', 'B1:escalated B2:escalated'],
      ['ann@example.com', 'A2:overdue A1:atRisk'],
      ['bob@example.com', 'B1:overdue B2:overdue'],
    ]);
    expect(plan.waiting).toBe(0);
  });

  it('a manager who owns leads too gets one mail with both parts', () => {
    const mia = member('Mia', { email: 'boss@example.com' });
    const plan = planNotices(
      input(
        [lead('M1', 'Mia', 'Overdue', 1), lead('B1', 'Bob', 'Overdue', 5)],
        [mia, member('Bob')],
      ),
    );
    const boss = plan.mails.filter((m) => m.to === 'boss@example.com');
    expect(boss).toHaveLength(1);
    expect(boss[0]!.own.map((i) => i.lead.identity)).toEqual(['id:M1']);
    expect(boss[0]!.escalated.map((i) => i.lead.identity)).toEqual(['id:B1']);
    expect(boss[0]!.owners).toEqual(['Mia']);
  });

  it('never plans a notice the memory says was sent for the same deadline', () => {
    const first = input([lead('A2', 'Ann', 'Overdue', 5)], [member('Ann')]);
    const memory = sendAll(planNotices(first));
    expect(planNotices({ ...first, memory }).mails).toEqual([]);
  });

  it('keeps apart two leads whose short hashes collide, and two sharing an e-mail', () => {
    // L-2552 and L-169220 share one 32-bit FNV-1a hash: the memory keys are the full identities
    const twins = [lead('L-2552', 'Ann', 'Overdue', 1), lead('L-169220', 'Ann', 'Overdue', 1)];
    const plan = planNotices(input(twins, [member('Ann')]));
    expect(plan.mails[0]!.own).toHaveLength(2);
    const memory = sendAll(plan);
    expect(memory.size).toBe(2);
    expect(planNotices(input(twins, [member('Ann')], memory)).mails).toEqual([]);
  });

  it('an at-risk notice already sent is followed by the overdue one, not by the at-risk again', () => {
    const atRisk = lead('A1', 'Ann', 'At risk');
    const memory = sendAll(planNotices(input([atRisk], [member('Ann')])));
    expect(planNotices(input([atRisk], [member('Ann')], memory)).mails).toEqual([]);
    const overdue = { ...atRisk, status: 'Overdue' as const };
    expect(ids(planNotices(input([overdue], [member('Ann')], memory)))).toEqual([
      ['ann@example.com', 'A1:overdue'],
    ]);
  });

  it('a new deadline is a new entry: announced again', () => {
    const l = lead('A1', 'Ann', 'Overdue', 1);
    const memory = sendAll(planNotices(input([l], [member('Ann')])));
    const again = { ...l, deadlineMs: l.deadlineMs - HOUR };
    expect(ids(planNotices(input([again], [member('Ann')], memory)))).toEqual([
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
    expect(plan.mails[0]!.escalated.every((i) => i.reassign)).toBe(true);
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

  it('when the memory is full, the freshest overdue leads go first, the rest wait and are counted', () => {
    const leads = [
      lead('A1', 'Ann', 'At risk'),
      lead('A2', 'Ann', 'Overdue', 1),
      lead('A3', 'Ann', 'Overdue', 2),
      lead('A4', 'Ann', 'Overdue', 3),
    ];
    const plan = planNotices({ ...input(leads, [member('Ann')]), capacity: 2 });
    expect(ids(plan)).toEqual([['ann@example.com', 'A2:overdue A3:overdue']]);
    expect(plan.waiting).toBe(2);
    expect(plan.notes.at(-1)).toMatch(
      /^The notices of 2 leads wait: the memory of sent notices holds 2 open leads already\. The freshest overdue leads went first/,
    );
    // once A2 is contacted, A4 waits no more... the freshest of those waiting goes next
    const memory = sendAll(plan);
    const next = planNotices({
      ...input([leads[0]!, leads[2]!, leads[3]!], [member('Ann')], memory),
      capacity: 2,
    });
    expect(ids(next)).toEqual([['ann@example.com', 'A4:overdue']]);
  });

  it('forgets the leads that are no longer open', () => {
    const memory = sendAll(planNotices(input([lead('A2', 'Ann', 'Overdue', 1)], [member('Ann')])));
    expect(memory.size).toBe(1);
    expect(planNotices(input([], [member('Ann')], memory)).memory.size).toBe(0);
  });

  it('carries over what the hashed memory of earlier versions says was sent', () => {
    const l = lead('A2', 'Ann', 'Overdue', 1);
    const minute = Math.floor(l.deadlineMs / 60_000);
    const withLegacy = (hash: string, at = minute) =>
      planNotices({ ...input([l], [member('Ann')]), legacy: new Map([[hash, [at, 2]]]) });
    // another lead's hash, or another deadline: no effect
    expect(withLegacy(legacyHash('id:A3')).mails).toHaveLength(1);
    expect(withLegacy(legacyHash('id:A2'), minute - 60).mails).toHaveLength(1);
    const plan = withLegacy(legacyHash('id:A2'));
    expect(plan.mails).toEqual([]);
    expect(plan.memory.get(memoryKey('id:A2', l.deadlineMs))).toBe(2);
  });
});

describe('the open leads of a check', () => {
  const columns = Object.fromEntries(FIELD_IDS.map((f) => [f, -1])) as Record<FieldId, number>;
  const record = (i: number, extra: Partial<LeadRecord>): LeadRecord =>
    ({
      index: i,
      leadId: '',
      name: 'Ann',
      company: '',
      email: '',
      owner: 'Bo',
      priority: 'Hot',
      clockStartAt: 0,
      ...extra,
    }) as LeadRecord;
  const output = (status: string): LeadOutput => ({
    score: 0,
    qualification: '',
    deadline: new Date(NOW),
    status,
    nextAttempt: '',
    color: null,
  });

  it('tells apart two leads without Lead ID sharing an e-mail, and skips quiet and closed ones', () => {
    const leads = openLeads(
      [
        record(0, { email: 'Same@acme.io' }),
        record(1, { email: 'same@acme.io' }),
        record(2, { leadId: 'L3' }),
        record(3, { leadId: 'L4' }),
      ],
      [
        output('Overdue · 1 h late'),
        output('Overdue · 2 h late'),
        { ...output('Overdue'), quiet: true },
        output('Met · on time'),
      ],
      [[], [], [], []],
      columns,
    );
    expect(leads.map((l) => l.identity)).toEqual(['email:same@acme.io', 'email:same@acme.io#2']);
  });

  it('reads the phone, and the last name when the name column holds the first name only', () => {
    const cols = { ...columns, name: 0, lastName: 1, phone: 2 };
    const [l] = openLeads(
      [record(0, { leadId: 'L1', name: 'Ann' })],
      [output('At risk · 10 min left')],
      [['Ann', 'Lee', ' +33 1 23 45 67 89 ']],
      cols,
    );
    expect(l).toMatchObject({ name: 'Ann Lee', phone: '+33 1 23 45 67 89', status: 'At risk' });
  });
});
