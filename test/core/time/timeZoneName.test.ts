import { describe, expect, it } from 'vitest';
import { intlZoneSpelling, zoneSpellings } from '../../../src/core/time/timeZoneName.ts';

describe('time-zone spellings', () => {
  it('tries the typed ID first, then each word capitalised, then capitals for short IDs', () => {
    expect(zoneSpellings(' europe/paris ')).toEqual(['europe/paris', 'Europe/Paris']);
    expect(zoneSpellings('america/new_york')).toEqual(['america/new_york', 'America/New_York']);
    expect(zoneSpellings('Europe/Paris')).toEqual(['Europe/Paris']);
    expect(zoneSpellings('utc')).toEqual(['utc', 'Utc', 'UTC']);
  });

  it("gives Intl's spelling of a zone it knows, whatever the case; null otherwise", () => {
    expect(intlZoneSpelling('europe/paris')).toBe('Europe/Paris');
    expect(intlZoneSpelling('AMERICA/PORT-AU-PRINCE')).toBe('America/Port-au-Prince');
    expect(intlZoneSpelling('US/Eastern')).toBe('America/New_York');
    expect(intlZoneSpelling('Mars/Olympus')).toBeNull();
    expect(intlZoneSpelling('  ')).toBeNull();
  });
});
