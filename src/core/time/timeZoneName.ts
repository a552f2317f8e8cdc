/**
 * Time-zone IDs as people type them and as the platform reads them. Intl ignores case
 * (`europe/paris` is Paris) while Apps Script's `Utilities.formatDate`, like Java, knows an ID
 * only in its exact spelling and silently reads any other as GMT. The sidebar rewrites a zone
 * in Intl's spelling; the server tries the spellings below against Utilities itself
 * (sheets/timeZoneCheck.ts), without Intl, which Apps Script does not document.
 */

/** What the sidebar and the server say about a zone the platform does not know. */
export const UNKNOWN_ZONE_MESSAGE =
  'Unknown time zone: use an IANA name such as Europe/Paris, or leave blank';

/** Mid-January and mid-July: a zone with daylight saving time shows it in one of the two. */
export const ZONE_PROBES: readonly number[] = [
  Date.UTC(2026, 0, 15, 12),
  Date.UTC(2026, 6, 15, 12),
];

/**
 * The zones whose long name is Greenwich Mean Time all year: by its long name alone such a zone
 * cannot be told from an unknown ID (which Utilities reads as GMT), so they are listed.
 */
export const GMT_ALL_YEAR: ReadonlySet<string> = new Set([
  'GMT',
  'GMT0',
  'GMT+0',
  'GMT-0',
  'Greenwich',
  'Etc/GMT',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Etc/Greenwich',
  'Iceland',
  'Africa/Abidjan',
  'Africa/Accra',
  'Africa/Bamako',
  'Africa/Banjul',
  'Africa/Bissau',
  'Africa/Conakry',
  'Africa/Dakar',
  'Africa/Freetown',
  'Africa/Lome',
  'Africa/Monrovia',
  'Africa/Nouakchott',
  'Africa/Ouagadougou',
  'Africa/Sao_Tome',
  'Africa/Timbuktu',
  'America/Danmarkshavn',
  'Atlantic/Reykjavik',
  'Atlantic/St_Helena',
]);

/**
 * Spellings worth trying for a typed zone ID, as typed first: IANA names capitalise each word
 * (`america/new_york` → `America/New_York`), short ones are capitals (`utc` → `UTC`).
 */
export function zoneSpellings(typed: string): string[] {
  const id = typed.trim();
  const titled = id
    .toLowerCase()
    .replace(/(^|[/_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  const spellings = [id, titled];
  if (!id.includes('/')) spellings.push(id.toUpperCase());
  return [...new Set(spellings)].filter((s) => s !== '');
}

/**
 * The IANA spelling of a zone ID that Intl knows (`europe/paris` → `Europe/Paris`; an alias
 * such as `US/Eastern` → the zone Intl resolves it to), or null when Intl does not know it.
 * For the sidebar (browsers); the server does not use Intl.
 */
export function intlZoneSpelling(id: string): string | null {
  const typed = id.trim();
  if (typed === '') return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const lower = typed.toLowerCase();
  let supported: readonly string[] = [];
  try {
    supported = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  } catch {
    // older engines: the resolved name
  }
  return supported.find((z) => z.toLowerCase() === lower) ?? resolved;
}
