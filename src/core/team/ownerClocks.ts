import { utf8Bytes } from '../common/propertyBytes.ts';
import type { BusinessCalendar } from '../sla/calendar.ts';
import type { OwnerLookup, OwnerSla } from '../sla/ownerSla.ts';
import { isAway, ownerKey, type Team } from './team.ts';

/**
 * What the lead check needs of SLA Team, small enough for a document property: each owner's
 * time zone (their deadlines are counted on their own clock) and away range. The timer's check
 * reads SLA Team and stores this digest; the edit trigger reads the digest instead of the sheet.
 */

export interface OwnerDigest {
  /** IANA zone, when the owner has one. */
  zone?: string;
  /** [from, until) instants; null for an open end. */
  away?: [number | null, number | null];
}

/** By owner key. */
export type TeamDigest = Record<string, OwnerDigest>;

/** A digest stays in one property value (Apps Script: 9 KB). */
export const DIGEST_MAX_BYTES = 8000;

/**
 * The digest of the usable rows of SLA Team (owners with neither a zone nor an absence are left
 * out; past `maxBytes`, the rows further down: the edit trigger then uses the calendar's clock
 * for them until the next check, which reads the sheet itself).
 */
export function teamDigest(team: Team, maxBytes = DIGEST_MAX_BYTES): TeamDigest {
  const digest: TeamDigest = {};
  let bytes = 2;
  for (const m of team.members) {
    const d: OwnerDigest = {};
    if (m.timeZone) d.zone = m.timeZone;
    if (m.away) {
      const end = (ms: number) => (Number.isFinite(ms) ? ms : null);
      d.away = [end(m.away.from), end(m.away.until)];
    }
    if (!d.zone && !d.away) continue;
    bytes += utf8Bytes(JSON.stringify({ [m.key]: d })) - 1;
    if (bytes > maxBytes) break;
    digest[m.key] = d;
  }
  return digest;
}

/** Reads a stored digest; anything unexpected reads as empty (the calendar's clock for all). */
export function decodeDigest(json: string | null): TeamDigest {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const digest: TeamDigest = {};
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      const v = value as { zone?: unknown; away?: unknown } | null;
      if (v === null || typeof v !== 'object') continue;
      const d: OwnerDigest = {};
      if (typeof v.zone === 'string' && v.zone) d.zone = v.zone;
      if (Array.isArray(v.away) && v.away.length === 2) {
        const end = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
        d.away = [end(v.away[0]), end(v.away[1])];
      }
      digest[key] = d;
    }
    return digest;
  } catch {
    return {};
  }
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
    const d = digest[ownerKey(owner)];
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
