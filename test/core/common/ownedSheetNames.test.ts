import { describe, expect, it } from 'vitest';
import { besideNotice, ownedSheetNames } from '../../../src/core/common/ownedSheetNames.ts';
import {
  nextSettingsVersion,
  SETTINGS_VERSION_NAME,
  settingsVersionRows,
} from '../../../src/core/settings/versionCell.ts';

describe('names of generated sheets', () => {
  it('are the base name, then beside a user sheet of that name', () => {
    const names = ownedSheetNames('SLA History');
    expect(names.slice(0, 3)).toEqual([
      'SLA History',
      'SLA History (SLA Sheets)',
      'SLA History (SLA Sheets 2)',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the notice names both sheets and the way back', () => {
    const text = besideNotice('SLA Review 2026-10', 'SLA Review 2026-10 (SLA Sheets)');
    expect(text).toContain('"SLA Review 2026-10" was not made by SLA Sheets');
    expect(text).toContain('writes "SLA Review 2026-10 (SLA Sheets)" instead');
    expect(text).toMatch(/Rename or delete your sheet/);
  });
});

describe('the settings-version cell', () => {
  it('counts up from whatever number it holds', () => {
    expect(nextSettingsVersion(7)).toBe(8);
    expect(nextSettingsVersion('')).toBe(1);
    expect(nextSettingsVersion('7')).toBe(1);
    expect(settingsVersionRows(3)[0]).toEqual(['Settings version', 3]);
    expect(String(settingsVersionRows(3)[1]![0])).toContain(SETTINGS_VERSION_NAME);
  });
});
