import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCircles, importsOf, sourceFiles } from './importGraph.ts';

/**
 * The house rules a reader relies on: no import circle anywhere, and `src/core`'s feature
 * folders in one direction, each importing only the folders listed before it.
 */
const CORE_FOLDERS = [
  'common', // plain values, messages, the fixed lists (priorities, weekdays...)
  'time', // zones, month and weekday names, durations
  'read', // the team's sheet as it is: field map, value map, dates, lead records
  'settings', // the settings document: schema, defaults, migrations
  'plan', // funnel, capacity, spread, the Planning sheet's targets
  'scoring', // fit + interest
  'sla', // calendar, deadlines, statuses, the lead check
  'team', // SLA Team: members, their clocks
  'notices', // who is told what, the memory of what was sent
  'review', // the monthly review
  'agreement', // the SLA Agreement document
  'preview', // the sidebar's live preview
] as const;

const coreFolder = (file: string): string => file.split('/')[2] ?? '';

describe('imports', () => {
  it.each(['src', 'sidebar', 'scripts'])('form no circle in %s/', (folder) => {
    expect(importCircles(sourceFiles(folder))).toEqual([]);
  });

  it('keep src/core pure: it imports only src/core (and zod)', () => {
    const outside = sourceFiles('src/core')
      .flatMap(importsOf)
      .filter((e) => !e.to.startsWith('src/core/'))
      .map((e) => `${e.from} → ${e.to}`);
    expect(outside).toEqual([]);
  });

  it('go one way between the feature folders of src/core', () => {
    const files = sourceFiles('src/core');
    const folders = new Set(files.map(coreFolder));
    expect([...folders].sort()).toEqual([...CORE_FOLDERS].sort());
    const rank = (f: string) =>
      CORE_FOLDERS.indexOf(coreFolder(f) as (typeof CORE_FOLDERS)[number]);
    const upward = files
      .flatMap(importsOf)
      .filter((e) => e.to.startsWith('src/core/') && rank(e.to) > rank(e.from))
      .map((e) => `${e.from} → ${e.to}`);
    expect(upward).toEqual([]);
  });

  it('give each file of src/core its own name', () => {
    const names = sourceFiles('src/core')
      .map((f) => basename(f))
      .filter((n) => n !== 'index.ts');
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
