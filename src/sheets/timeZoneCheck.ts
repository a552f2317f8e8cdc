/**
 * Does Apps Script itself know a time zone? `Utilities.formatDate` reads an ID it does not know
 * as GMT without a word, so the long zone name (`zzzz`) tells: an ID whose name is GMT's in
 * January and in July is unknown, unless it is one of the zones on GMT all year.
 */
import {
  GMT_ALL_YEAR,
  UNKNOWN_ZONE_MESSAGE,
  ZONE_PROBES,
  zoneSpellings,
} from '../core/time/timeZoneName.ts';

export type ZoneCheck = { ok: true; zone: string } | { ok: false; message: string };

const known = new Map<string, boolean>();
let gmtNames: string[] | null = null;

function longNames(zone: string): string[] {
  return ZONE_PROBES.map((ms) => Utilities.formatDate(new Date(ms), zone, 'zzzz'));
}

/** Whether Utilities.formatDate knows `zone` as spelled (once per zone per execution). */
export function platformKnowsZone(zone: string): boolean {
  let answer = known.get(zone);
  if (answer === undefined) {
    // GMT's own names, in whatever language Utilities writes them
    gmtNames ??= longNames('GMT');
    const reference = gmtNames;
    answer = longNames(zone).some((n, i) => n !== reference[i]) || GMT_ALL_YEAR.has(zone);
    known.set(zone, answer);
  }
  return answer;
}

/**
 * A time zone as the settings keep it: blank stays blank (the spreadsheet's zone), a zone is
 * spelled the way the platform knows it (`europe/paris` → `Europe/Paris`), anything else is
 * refused with the message the sidebar shows.
 */
export function checkTimeZone(typed: string): ZoneCheck {
  if (typed.trim() === '') return { ok: true, zone: '' };
  const zone = zoneSpellings(typed).find(platformKnowsZone);
  return zone ? { ok: true, zone } : { ok: false, message: UNKNOWN_ZONE_MESSAGE };
}
