import { describe, expect, it } from 'vitest';
import {
  isAway,
  ownersMissingFromTeam,
  readEmail,
  readTeam,
  TEAM_HEADER_LIST,
  type TeamReadOptions,
} from '../../../src/core/team/team.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';
import { paris } from '../../fixtures/dates.ts';

const OPTIONS: TeamReadOptions = {
  clock: intlZoneClock('Europe/Paris'),
  zoneId: (z: string) => (z === 'Mars/Olympus' ? null : z),
  clockOf: intlZoneClock,
};

type Row = Partial<Record<(typeof TEAM_HEADER_LIST)[number], unknown>>;
const row = (r: Row) => TEAM_HEADER_LIST.map((h) => r[h as keyof Row] ?? '');
const ann: Row = {
  Owner: 'Ann',
  Email: 'Ann@Example.com',
  'Manager email': 'mia@example.com',
  Notify: 'yes',
};

describe('reading SLA Team', () => {
  it('reads a row: addresses lower-cased, Notify as yes or no, owners by key', () => {
    const team = readTeam(TEAM_HEADER_LIST, [row(ann)], OPTIONS);
    expect(team.problems).toEqual([]);
    expect(team.missingHeaders).toEqual([]);
    expect(team.members).toEqual([
      {
        row: 2,
        owner: 'Ann',
        key: 'ann',
        email: 'ann@example.com',
        managerEmail: 'mia@example.com',
        notify: true,
        timeZone: '',
        away: null,
      },
    ]);
  });

  it('finds the headers by name, in any order and case; names the ones missing', () => {
    const header = ['notify', ' OWNER ', 'Phone', 'EMAIL'];
    const team = readTeam(header, [['oui', 'Bob', 'x', 'bob@example.com']], OPTIONS);
    expect(team.members.map((m) => [m.owner, m.email, m.notify])).toEqual([
      ['Bob', 'bob@example.com', true],
    ]);
    expect(team.missingHeaders).toEqual(['Manager email', 'Time zone', 'Away from', 'Away until']);
    expect(readTeam(['Email'], [['a@example.com']], OPTIONS)).toMatchObject({
      members: [],
      missingHeaders: expect.arrayContaining(['Owner']),
    });
  });

  it('names and skips a row with an invalid e-mail, an unknown zone or a reversed absence', () => {
    const team = readTeam(
      TEAM_HEADER_LIST,
      [
        row({ ...ann, Owner: 'Dee', Email: 'dee@' }),
        row({ ...ann, Owner: 'Eve', 'Manager email': 'boss at example.com' }),
        row({ ...ann, Owner: 'Fay', 'Time zone': 'Mars/Olympus' }),
        row({
          ...ann,
          Owner: 'Gus',
          'Away from': paris('2026-11-25T00:00'),
          'Away until': paris('2026-11-20T00:00'),
        }),
        row({ ...ann, Owner: 'Hal', 'Away from': 'next week' }),
        row(ann),
      ],
      OPTIONS,
    );
    expect(team.members.map((m) => m.owner)).toEqual(['Ann']);
    expect(team.problems.map((p) => [p.row, p.skipped, p.message])).toEqual([
      [
        2,
        true,
        'SLA Team row 2 (Dee): "dee@" is not an e-mail address: fix it in SLA Team; this row is skipped.',
      ],
      [
        3,
        true,
        'SLA Team row 3 (Eve): Manager email "boss at example.com" is not an e-mail address: fix it in SLA Team; this row is skipped.',
      ],
      [
        4,
        true,
        'SLA Team row 4 (Fay): time zone "Mars/Olympus" is unknown (use an IANA name such as Europe/Paris): fix it in SLA Team; this row is skipped.',
      ],
      [
        5,
        true,
        'SLA Team row 5 (Gus): the away range ends before it starts: fix it in SLA Team; this row is skipped.',
      ],
      [
        6,
        true,
        'SLA Team row 6 (Hal): Away from "next week" is not a date: fix it in SLA Team; this row is skipped.',
      ],
    ]);
  });

  it('keeps the first row of an owner listed twice, and says so', () => {
    const team = readTeam(TEAM_HEADER_LIST, [row(ann), row({ ...ann, Owner: ' ANN ' })], OPTIONS);
    expect(team.members).toHaveLength(1);
    expect(team.problems[0]!.message).toBe(
      'SLA Team row 3 (ANN): is listed again (row 2 is used): fix it in SLA Team; this row is skipped.',
    );
  });

  it('keeps a row whose Notify cannot be read, without e-mails to the owner', () => {
    const team = readTeam(
      TEAM_HEADER_LIST,
      [row({ ...ann, Notify: 'maybe' }), row({ ...ann, Owner: 'Cat', Email: '' })],
      OPTIONS,
    );
    expect(team.members.map((m) => [m.owner, m.notify])).toEqual([
      ['Ann', false],
      ['Cat', false],
    ]);
    expect(team.problems.map((p) => [p.skipped, p.message])).toEqual([
      [false, 'SLA Team row 2 (Ann): Notify "maybe" is not yes or no.'],
      [false, 'SLA Team row 3 (Cat): Notify is yes but Email is blank: no e-mail.'],
    ]);
  });

  it('counts whole away days on the owner’s clock, the last day included', () => {
    const team = readTeam(
      TEAM_HEADER_LIST,
      [
        row({
          ...ann,
          'Time zone': 'America/New_York',
          'Away from': paris('2026-11-23T00:00'),
          'Away until': paris('2026-11-24T00:00'),
        }),
      ],
      OPTIONS,
    );
    const m = team.members[0]!;
    // Monday 23 to Tuesday 24 November in New York: [05:00 UTC on the 23rd, 05:00 UTC on the 25th)
    expect(m.away).toEqual({
      from: Date.parse('2026-11-23T05:00:00Z'),
      until: Date.parse('2026-11-25T05:00:00Z'),
    });
    expect(isAway(m, Date.parse('2026-11-23T04:59:00Z'))).toBe(false);
    expect(isAway(m, Date.parse('2026-11-25T04:59:00Z'))).toBe(true);
    expect(isAway(m, Date.parse('2026-11-25T05:00:00Z'))).toBe(false);
  });

  it('reads an open-ended absence and an exact time', () => {
    const team = readTeam(
      TEAM_HEADER_LIST,
      [
        row({ ...ann, 'Away from': paris('2026-11-23T14:30') }),
        row({ ...ann, Owner: 'Bob', 'Away until': '2026-11-30' }),
      ],
      OPTIONS,
    );
    expect(team.members[0]!.away).toEqual({
      from: paris('2026-11-23T14:30').getTime(),
      until: Infinity,
    });
    expect(team.members[1]!.away).toEqual({
      from: -Infinity,
      until: paris('2026-12-01T00:00').getTime(),
    });
  });
});

describe('e-mail addresses', () => {
  it('accepts one plain address, refuses lists, names and blanks', () => {
    expect(readEmail(' Ann.Lee+sla@Example.co.uk ')).toBe('ann.lee+sla@example.co.uk');
    for (const bad of [
      '',
      'ann',
      'ann@example',
      'a@b.c',
      'Ann <ann@example.com>',
      'a@example.com, b@example.com',
      'a@@example.com',
      42,
    ]) {
      expect(readEmail(bad), String(bad)).toBeNull();
    }
  });
});

describe('owners missing from SLA Team', () => {
  it('lists the owners of Leads SLA Team does not name, case and accents ignored', () => {
    const team = readTeam(
      TEAM_HEADER_LIST,
      [row({ ...ann, Owner: 'Chloé' }), row({ ...ann, Owner: 'Dee', Email: 'dee@' })],
      OPTIONS,
    );
    expect(ownersMissingFromTeam(['chloe', 'Zed', '', 'zed', 'Dee', 'Yann'], team)).toEqual([
      'Zed',
      'Yann',
    ]);
  });
});

describe('time zones of the team', () => {
  it('keeps a zone as the platform spells it', () => {
    const team = readTeam(TEAM_HEADER_LIST, [row({ ...ann, 'Time zone': 'america/new_york' })], {
      ...OPTIONS,
      zoneId: (z) => (z.toLowerCase() === 'america/new_york' ? 'America/New_York' : null),
    });
    expect(team.members[0]!.timeZone).toBe('America/New_York');
  });
});
