import { describe, expect, it } from 'vitest';
import { isRunning, parseRunner, runnerName } from '../../../src/core/sla/timerRunner.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const runner = { key: 'k1', by: 'ann@example.com', minutes: 60, since: '2026-11-23T07:00:00Z' };

describe('who runs the timer', () => {
  it('is running while it ran within two periods and half an hour', () => {
    expect(isRunning({ ...runner, lastRunAt: '2026-11-23T09:05:00Z' }, NOW)).toBe(true);
    expect(isRunning({ ...runner, lastRunAt: '2026-11-23T07:29:00Z' }, NOW)).toBe(false);
    // started, not run yet
    expect(isRunning({ ...runner, since: '2026-11-23T09:55:00Z' }, NOW)).toBe(true);
    expect(isRunning(null, NOW)).toBe(false);
  });

  it('is named by address, or as another editor when the platform does not share it', () => {
    expect(runnerName(runner)).toBe('ann@example.com');
    expect(runnerName({ ...runner, by: '' })).toBe('another editor of this spreadsheet');
  });

  it('reads back what was stored, nothing from a damaged record', () => {
    expect(parseRunner(JSON.stringify({ ...runner, lastRunAt: 'x' }))).toEqual({
      ...runner,
      lastRunAt: 'x',
    });
    expect(parseRunner('{"key": 1}')).toBeNull();
    expect(parseRunner('oops')).toBeNull();
    expect(parseRunner(null)).toBeNull();
  });
});
