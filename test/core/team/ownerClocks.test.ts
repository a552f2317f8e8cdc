import { describe, expect, it } from 'vitest';
import { utf8Bytes, VALUE_BUDGET } from '../../../src/core/common/propertyBytes.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { createCalendar } from '../../../src/core/sla/calendar.ts';
import {
  DIGEST_MAX_CHUNKS,
  decodeDigest,
  encodeDigest,
  ownerLookup,
  teamDigest,
} from '../../../src/core/team/ownerClocks.ts';
import { readTeam, TEAM_HEADER_LIST } from '../../../src/core/team/team.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';

const clock = intlZoneClock('Europe/Paris');
const options = { clock, zoneId: (z: string) => z, clockOf: intlZoneClock };
const teamOf = (rows: unknown[][]) => readTeam(TEAM_HEADER_LIST, rows, options);
const row = (owner: string, zone = '', from: unknown = '') => [owner, '', '', 'no', zone, from, ''];

describe("the owners' clocks", () => {
  const team = teamOf([
    row('Ann', 'America/New_York'),
    row('Bob', '', new Date('2026-11-22T23:00:00Z')),
    row('Cat'),
    row('constructor', 'Asia/Tokyo'),
    row('__proto__', 'Asia/Tokyo'),
  ]);

  it('digest the zones and absences only, by owner key, property-like names included', () => {
    const digest = teamDigest(team);
    expect([...digest]).toEqual([
      ['ann', { zone: 'America/New_York' }],
      ['bob', { away: [Date.parse('2026-11-22T23:00:00Z'), null] }],
      ['constructor', { zone: 'Asia/Tokyo' }],
      ['__proto__', { zone: 'Asia/Tokyo' }],
    ]);
  });

  it('read back what they stored; anything else reads as empty', () => {
    const digest = teamDigest(team);
    expect(decodeDigest(encodeDigest(digest).chunks)).toEqual(digest);
    expect(decodeDigest(['{"zones":["X"],"owners":[[1,0],["y",0,"a",5],["z",7]]}'])).toEqual(
      new Map([['y', { zone: 'X', away: [null, 5] }]]),
    );
    expect(decodeDigest(['oops'])).toEqual(new Map());
    expect(decodeDigest([])).toEqual(new Map());
  });

  it('keep 500 owners of one zone in a few property values', () => {
    const big = teamOf(
      Array.from({ length: 500 }, (_, i) => row(`Représentant ${i + 1}`, 'America/Los_Angeles')),
    );
    const { chunks, dropped } = encodeDigest(teamDigest(big));
    expect(dropped).toBe(0);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThanOrEqual(DIGEST_MAX_CHUNKS);
    for (const c of chunks) expect(utf8Bytes(c)).toBeLessThanOrEqual(VALUE_BUDGET);
    const back = decodeDigest(chunks);
    expect(back.size).toBe(500);
    expect(back.get('representant 500')).toEqual({ zone: 'America/Los_Angeles' });
  });

  it('stay within their bound, and count the owners left out', () => {
    const many = teamDigest(
      teamOf(Array.from({ length: 2000 }, (_, i) => row(`Rep ${i}`, 'Europe/Berlin'))),
    );
    const { chunks, dropped } = encodeDigest(many, 1);
    expect(chunks).toHaveLength(1);
    expect(dropped).toBeGreaterThan(0);
    expect(decodeDigest(chunks).size + dropped).toBe(2000);
  });

  it('give each owner a calendar on their own clock, built once per zone, and whether they are away', () => {
    let built = 0;
    const lookup = ownerLookup(teamDigest(team), Date.parse('2026-11-23T10:00:00Z'), (zone) => {
      built++;
      return createCalendar(defaultSettings().calendar, intlZoneClock(zone));
    });
    expect(lookup('ANN')!.calendar!.clock.zone).toBe('America/New_York');
    expect(lookup('Ann')!.away).toBe(false);
    expect(lookup('Bob')).toEqual({ calendar: null, away: true });
    expect(lookup('Cat')).toBeNull();
    expect(lookup('constructor')!.calendar!.clock.zone).toBe('Asia/Tokyo');
    expect(lookup('__proto__')!.calendar!.clock.zone).toBe('Asia/Tokyo');
    expect(built).toBe(2);
  });
});
