import { utf8Bytes, utf8Chunks, VALUE_BUDGET } from '../common/propertyBytes.ts';
import type { BusinessCalendar } from '../sla/calendar.ts';
import type { OwnerLookup, OwnerSla } from '../sla/ownerSla.ts';
import { isAway, ownerKey, type Team } from './team.ts';

/**
 * What the lead check needs of SLA Team: each owner's time zone (their deadlines are counted on
 * their own clock) and away range. The check reads SLA Team and uses the whole digest; it stores
 * the digest in document properties for the edit trigger, which reads it instead of the sheet.
 * By owner key in a Map: an owner may be named `constructor` or `__proto__`.
 */

export interface OwnerDigest {
  /** IANA zone, when the owner has one. */
  zone?: string;
  /** [from, until) instants; null for an open end. */
  away?: [number | null, number | null];
}

/** By owner key. */
export type TeamDigest = Map<string, OwnerDigest>;

/** The stored digest spans at most this many property values: about 3,000 owners. */
export const DIGEST_MAX_CHUNKS = 8;

/** The digest of the usable rows of SLA Team (owners with neither a zone nor an absence left out). */
export function teamDigest(team: Team): TeamDigest {
  const digest: TeamDigest = new Map();
  const end = (ms: number) => (Number.isFinite(ms) ? ms : null);
  for (const m of team.members) {
    const d: OwnerDigest = {};
    if (m.timeZone) d.zone = m.timeZone;
    if (m.away) d.away = [end(m.away.from), end(m.away.until)];
    if (d.zone || d.away) digest.set(m.key, d);
  }
  return digest;
}

/** One stored owner: `[key, zone index or -1, away from, away until]`. */
type StoredOwner = [string, number, number | null, number | null];

export interface EncodedDigest {
  /** The JSON text cut into property values (each at most VALUE_BUDGET UTF-8 bytes). */
  chunks: string[];
  /** Owners left out past `maxChunks` values (their edits use the calendar's clock). */
  dropped: number;
}

/**
 * The digest as property values: zones listed once, owners after, within `maxChunks` values of
 * VALUE_BUDGET bytes (the owners further down SLA Team are left out past that, and counted).
 */
export function encodeDigest(digest: TeamDigest, maxChunks = DIGEST_MAX_CHUNKS): EncodedDigest {
  if (digest.size === 0) return { chunks: [], dropped: 0 };
  const zones = new Map<string, number>();
  const owners: StoredOwner[] = [];
  const budget = maxChunks * VALUE_BUDGET - 64;
  let bytes = 24;
  let dropped = 0;
  for (const [key, d] of digest) {
    const newZone = d.zone !== undefined && !zones.has(d.zone);
    const zoneBytes = newZone ? utf8Bytes(JSON.stringify(d.zone)) + 1 : 0;
    const zone = d.zone === undefined ? -1 : (zones.get(d.zone) ?? zones.size);
    const owner: StoredOwner = [key, zone, ...(d.away ?? [null, null])];
    const ownerBytes = utf8Bytes(JSON.stringify(owner)) + 1;
    if (bytes + zoneBytes + ownerBytes > budget) {
      dropped++;
      continue;
    }
    if (newZone) zones.set(d.zone!, zone);
    bytes += zoneBytes + ownerBytes;
    owners.push(owner);
  }
  const text = JSON.stringify({ zones: [...zones.keys()], owners });
  return { chunks: utf8Chunks(text, VALUE_BUDGET), dropped };
}

/** Reads stored values back; anything unexpected reads as empty (the calendar's clock for all). */
export function decodeDigest(chunks: readonly string[]): TeamDigest {
  const digest: TeamDigest = new Map();
  let parsed: { zones?: unknown; owners?: unknown };
  try {
    parsed = JSON.parse(chunks.join('')) as { zones?: unknown; owners?: unknown };
  } catch {
    return digest;
  }
  const zones = Array.isArray(parsed?.zones) ? parsed.zones : [];
  if (!Array.isArray(parsed?.owners)) return digest;
  const instant = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  for (const o of parsed.owners as unknown[]) {
    if (!Array.isArray(o) || typeof o[0] !== 'string') continue;
    const d: OwnerDigest = {};
    const zone: unknown = zones[Number(o[1])];
    if (typeof zone === 'string' && zone) d.zone = zone;
    const away: [number | null, number | null] = [instant(o[2]), instant(o[3])];
    if (away[0] !== null || away[1] !== null) d.away = away;
    if (d.zone || d.away) digest.set(o[0], d);
  }
  return digest;
}

/**
 * The owner lookup for a check at `nowMs`: the calendar on the owner's clock (built once per
 * zone by `calendarOf`) and whether they are away. Owners the digest does not name get null.
 */
export function ownerLookup(
  digest: TeamDigest,
  nowMs: number,
  calendarOf: (zone: string) => BusinessCalendar,
): OwnerLookup {
  const calendars = new Map<string, BusinessCalendar>();
  const cache = new Map<string, OwnerSla | null>();
  return (owner) => {
    let sla = cache.get(owner);
    if (sla !== undefined) return sla;
    const d = digest.get(ownerKey(owner));
    sla = null;
    if (d) {
      let calendar: BusinessCalendar | null = null;
      if (d.zone) {
        calendar = calendars.get(d.zone) ?? calendarOf(d.zone);
        calendars.set(d.zone, calendar);
      }
      const range = d.away ? { from: d.away[0] ?? -Infinity, until: d.away[1] ?? Infinity } : null;
      const away = isAway({ away: range }, nowMs);
      sla = { calendar, away };
    }
    cache.set(owner, sla);
    return sla;
  };
}
