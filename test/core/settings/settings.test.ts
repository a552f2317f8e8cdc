import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  describeIssues,
  effectiveTimeZone,
  parseSettings,
  type Settings,
  type SettingsIssue,
  settingsSchemas,
} from '../../../src/core/settings/index.ts';

/** The issues the sidebar shows for the defaults with one change (the document is a copy). */
function issuesAfter(change: (s: Record<string, unknown> & Settings) => void): SettingsIssue[] {
  const s = defaultSettings() as Record<string, unknown> & Settings;
  change(s);
  const result = parseSettings(s);
  return result.ok ? [] : result.issues;
}

describe('the settings schema: each message at the path of its field', () => {
  it('a deadline of 0 hours', () => {
    expect(issuesAfter((s) => (s.handoff.deadlineHours.Hot = 0))).toEqual([
      { path: 'handoff.deadlineHours.Hot', message: 'Hot deadline must be above 0' },
    ]);
  });

  it('a deadline above 2000 business hours', () => {
    expect(issuesAfter((s) => (s.handoff.deadlineHours.Cold = 2001))).toEqual([
      {
        path: 'handoff.deadlineHours.Cold',
        message: 'Cold deadline is at most 2000 business hours',
      },
    ]);
  });

  it('a share typed as a percentage', () => {
    expect(issuesAfter((s) => (s.plan.marketingShare = 50))).toEqual([
      {
        path: 'plan.marketingShare',
        message: 'Marketing share must be at most 100 % (write 50 % as 0.5)',
      },
    ]);
  });

  it('a stage rate of 0', () => {
    expect(issuesAfter((s) => (s.plan.stageRates[2] = 0))).toEqual([
      { path: 'plan.stageRates.2', message: 'MQL → SQL must be above 0 %' },
    ]);
  });

  it('a number sent as text', () => {
    expect(issuesAfter((s) => ((s.plan as Record<string, unknown>).workingWeeks = '47'))).toEqual([
      { path: 'plan.workingWeeks', message: 'Working weeks must be a number' },
    ]);
  });

  it('a calendar with no working span on any day', () => {
    const closed = (s: Settings) => {
      for (const day of Object.keys(s.calendar.hours) as Array<keyof typeof s.calendar.hours>)
        s.calendar.hours[day] = [];
    };
    expect(issuesAfter(closed)).toEqual([
      {
        path: 'calendar.hours',
        message: 'Add working hours to at least one day: without any, no deadline can be computed',
      },
    ]);
    expect(
      issuesAfter((s) => (s.calendar.hours = { ...s.calendar.hours, mon: [], tue: [] })),
    ).toEqual([]);
  });

  it('a holiday that is no day of the calendar', () => {
    const shorter = 'No such day: that month is shorter (e.g. 2026-02-28, not 2026-02-31)';
    for (const date of ['2026-02-31', '2026-02-29', '2026-04-31']) {
      expect(issuesAfter((s) => (s.calendar.holidays = [{ date, name: 'Bad' }]))).toEqual([
        { path: 'calendar.holidays.0.date', message: shorter },
      ]);
    }
    expect(
      issuesAfter((s) => (s.calendar.holidays = [{ date: '2028-02-29', name: 'Leap' }])),
    ).toEqual([]);
  });

  it('a fractional number of attempts', () => {
    expect(issuesAfter((s) => (s.handoff.maxAttempts = 2.5))).toEqual([
      { path: 'handoff.maxAttempts', message: 'Attempts must be a whole number' },
    ]);
  });

  it('working hours that end before they start', () => {
    expect(issuesAfter((s) => (s.calendar.hours.mon = [{ start: '18:00', end: '09:00' }]))).toEqual(
      [{ path: 'calendar.hours.mon.0.end', message: 'End must be after start' }],
    );
  });

  it('a time that is not HH:MM', () => {
    expect(issuesAfter((s) => (s.calendar.hours.tue = [{ start: '0900', end: '18:00' }]))).toEqual([
      { path: 'calendar.hours.tue.0.start', message: 'Use HH:MM, e.g. 09:00' },
    ]);
  });

  it('a holiday date that is not YYYY-MM-DD', () => {
    expect(
      issuesAfter((s) => (s.calendar.holidays = [{ date: '25/12/2026', name: 'Christmas' }])),
    ).toEqual([{ path: 'calendar.holidays.0.date', message: 'Use YYYY-MM-DD, e.g. 2026-12-25' }]);
  });

  it('a criterion comparing with nothing', () => {
    expect(issuesAfter((s) => (s.scoring.criteria[0]!.value = ''))).toEqual([
      { path: 'scoring.criteria.0.value', message: 'Enter the value to compare with' },
    ]);
  });

  it('a "between" criterion whose minimum is above its maximum', () => {
    expect(issuesAfter((s) => (s.scoring.criteria[2]!.min = 5000))).toEqual([
      { path: 'scoring.criteria.2.max', message: 'The minimum must not be above the maximum' },
    ]);
  });

  it('a hand-off threshold below the MQL threshold', () => {
    expect(issuesAfter((s) => (s.scoring.handoffThreshold = 10))).toEqual([
      {
        path: 'scoring.handoffThreshold',
        message: 'The hand-off threshold must be at least the MQL threshold',
      },
    ]);
  });

  it('grades that do not go down from A to C', () => {
    expect(issuesAfter((s) => (s.scoring.grades.B = 50))).toEqual([
      { path: 'scoring.grades.B', message: 'Grade thresholds must go down from A to C' },
    ]);
  });

  it('a check frequency that is not offered', () => {
    expect(issuesAfter((s) => (s.monitoring.frequencyMinutes = 7 as 5))).toEqual([
      {
        path: 'monitoring.frequencyMinutes',
        message: 'Frequency must be one of 5, 10, 15, 30, 60 minutes',
      },
    ]);
  });

  it('a definition that is too long', () => {
    expect(issuesAfter((s) => (s.definitions.mql = 'x'.repeat(1001)))).toEqual([
      { path: 'definitions.mql', message: 'MQL is too long (max 1000 characters)' },
    ]);
  });

  it('an empty role, and one of spaces only: what to write', () => {
    expect(
      issuesAfter((s) => {
        s.agreement.roles[0]!.role = '';
        s.agreement.roles[2]!.role = '   ';
      }),
    ).toEqual([
      {
        path: 'agreement.roles.0.role',
        message: 'Name the role (e.g. Marketing ops), or remove the row',
      },
      {
        path: 'agreement.roles.2.role',
        message: 'Name the role (e.g. Marketing ops), or remove the row',
      },
    ]);
  });

  it('a role that says nothing it does; a blank person is fine (to be named)', () => {
    expect(
      issuesAfter((s) => {
        s.agreement.roles[1]!.does = '';
        s.agreement.roles[1]!.who = '';
      }),
    ).toEqual([{ path: 'agreement.roles.1.does', message: 'Say what this role does' }]);
  });

  it('a blank required field, and one listed twice at a stage', () => {
    expect(
      issuesAfter((s) => {
        s.agreement.requiredFields.mql = ['Email', ' '];
        s.agreement.requiredFields.handoff = ['Phone', 'phone '];
      }),
    ).toEqual([
      { path: 'agreement.requiredFields.mql.1', message: 'Name the column, or remove it' },
      { path: 'agreement.requiredFields.handoff', message: 'A field is listed twice: remove one' },
    ]);
  });

  it('no contact channel at all', () => {
    expect(issuesAfter((s) => (s.agreement.contactChannels = []))).toEqual([
      {
        path: 'agreement.contactChannels',
        message: 'List at least one channel sales contacts leads by',
      },
    ]);
  });

  it('a return reason with no nurture track', () => {
    expect(issuesAfter((s) => (s.agreement.returnPath.reasons[0]!.track = ''))).toEqual([
      {
        path: 'agreement.returnPath.reasons.0.track',
        message: 'Name the nurture track a lead returned for it enters',
      },
    ]);
  });

  it('one unknown setting', () => {
    expect(issuesAfter((s) => (s.admin = true))).toEqual([
      { path: '', message: 'Unknown setting: admin' },
    ]);
  });

  it('several unknown settings, in a section', () => {
    expect(issuesAfter((s) => Object.assign(s.plan, { a: 1, b: 2 }))).toEqual([
      { path: 'plan', message: 'Unknown settings: a, b' },
    ]);
  });

  it('every issue of a document, not only the first', () => {
    const issues = issuesAfter((s) => {
      s.handoff.deadlineHours.Hot = 0;
      s.plan.averageDeal = -1;
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'handoff.deadlineHours.Hot',
      'plan.averageDeal',
    ]);
  });
});

describe('describeIssues', () => {
  it('prefixes each message with its path and joins them', () => {
    expect(
      describeIssues([
        { path: 'handoff.deadlineHours.Hot', message: 'Hot deadline must be above 0' },
        { path: '', message: 'Unknown setting: admin' },
      ]),
    ).toBe('handoff.deadlineHours.Hot: Hot deadline must be above 0; Unknown setting: admin');
  });
});

describe('defaults', () => {
  it('are valid settings', () => {
    expect(parseSettings(defaultSettings()).ok).toBe(true);
  });

  it('are a fresh copy each time', () => {
    const a = defaultSettings();
    a.scoring.criteria[1]!.values!.push('Founder');
    a.calendar.hours.mon.push({ start: '19:00', end: '20:00' });
    expect(defaultSettings().scoring.criteria[1]!.values).not.toContain('Founder');
    expect(defaultSettings().calendar.hours.mon).toHaveLength(1);
  });
});

describe('settingsSchemas', () => {
  it('builds the schemas once and reuses them', () => {
    expect(settingsSchemas()).toBe(settingsSchemas());
  });

  it('validates one section on its own', () => {
    const result = settingsSchemas().handoff.safeParse({
      ...defaultSettings().handoff,
      atRiskShare: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('At-risk share must be below 100 %');
  });
});

describe('effectiveTimeZone', () => {
  it("is the spreadsheet's zone when the calendar's is blank", () => {
    const s = defaultSettings();
    s.calendar.timeZone = '  ';
    expect(effectiveTimeZone(s, 'Europe/Paris')).toBe('Europe/Paris');
  });

  it("is the calendar's own zone when set", () => {
    const s = defaultSettings();
    s.calendar.timeZone = ' America/New_York ';
    expect(effectiveTimeZone(s, 'Europe/Paris')).toBe('America/New_York');
  });
});
