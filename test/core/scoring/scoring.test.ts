import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankRow } from '../../../src/core/common/cell.ts';
import {
  normalizeText,
  readCellNumber,
  readPlainNumber,
  readYesNo,
} from '../../../src/core/common/cellValues.ts';
import { OPERATORS } from '../../../src/core/common/choices.ts';
import { LEAD_HEADERS, SCORING_ATTRIBUTE_HEADERS } from '../../../src/core/read/leadColumns.ts';
import {
  type CompiledScoring,
  compileScoring,
  explainScore,
  previewQualification,
  scoreRow,
  scoreRows,
  scoringColumns,
} from '../../../src/core/scoring/scoring.ts';
import {
  type Criterion,
  defaultSettings,
  type ScoringSettings,
  settingsSchemas,
} from '../../../src/core/settings/index.ts';
import { rowOf } from '../../fixtures/leads.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 16, 12, 0, 0);

/** Test reader: Date objects and ISO strings. */
const readInstant = (v: unknown): number | null => {
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const t = (v as Date).getTime();
    return Number.isNaN(t) ? null : t;
  }
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v.trim())) {
    const t = Date.parse(v.trim());
    return Number.isNaN(t) ? null : t;
  }
  return null;
};

function settings(criteria: Criterion[], extra: Partial<ScoringSettings> = {}): ScoringSettings {
  return {
    criteria,
    fitCap: null,
    interestCap: null,
    decay: null,
    mqlMode: 'total',
    mqlThreshold: 50,
    mqlFitThreshold: 20,
    mqlInterestThreshold: 20,
    handoffThreshold: 80,
    grades: { A: 40, B: 25, C: 10 },
    ...extra,
  };
}

function crit(
  operator: Criterion['operator'],
  extra: Partial<Criterion> = {},
  points = 10,
): Criterion {
  return {
    id: 'c',
    label: 'Criterion',
    kind: 'fit',
    column: 'Col',
    operator,
    points,
    ...extra,
  };
}

/** Does a single criterion on column `Col` match a cell value? */
function matches(c: Criterion, cell: unknown, now = NOW): boolean {
  const compiled = compileScoring(settings([c]), ['Col']);
  return scoreRow(compiled, [cell], now, readInstant).matched.length === 1;
}

describe('cell values', () => {
  it('normalises text', () => {
    expect(normalizeText('  Café\u00a0 Crème ')).toBe('cafe creme');
    expect(normalizeText('ŒUVRE')).toBe('oeuvre');
    expect(normalizeText('L’Oréal')).toBe("l'oreal");
  });
  it('reads yes/no', () => {
    for (const v of [true, 'Yes', ' YES ', 'y', 'oui', 'Oui', 'x', '1', 1, 3, 'TRUE', 'Sí', '✓']) {
      expect(readYesNo(v), String(v)).toBe(true);
    }
    for (const v of [false, 'No', 'non', 'N', '0', 0, 'FALSE', 'faux']) {
      expect(readYesNo(v), String(v)).toBe(false);
    }
    for (const v of ['', null, undefined, 'maybe', -1, new Date(NOW), '=1+1']) {
      expect(readYesNo(v), String(v)).toBe(null);
    }
  });
  it('reads numbers for comparisons', () => {
    expect(readCellNumber(42)).toBe(42);
    expect(readCellNumber('1 000')).toBe(1000);
    expect(readCellNumber('1,000')).toBe(1000);
    expect(readCellNumber('1\u202f000')).toBe(1000);
    expect(readCellNumber(' 12.5 ')).toBe(12.5);
    expect(readCellNumber('-5')).toBe(-5);
    expect(readCellNumber('250+')).toBe(250);
    expect(readCellNumber('> 250')).toBe(250);
    expect(readCellNumber('50-200')).toBe(50);
    expect(readCellNumber('51 – 200')).toBe(51);
    expect(readCellNumber('1,001-5,000')).toBe(1001);
    expect(readCellNumber('50 to 200')).toBe(50);
    expect(readCellNumber('10k')).toBe(10000);
    expect(readCellNumber('10k+')).toBe(10000);
    for (const v of ['', null, true, false, new Date(NOW), 'many', '=1+1', '2026-03-01', NaN]) {
      expect(readCellNumber(v), String(v)).toBe(null);
    }
    expect(readPlainNumber('50-200')).toBe(null);
  });
  it('spots blank rows', () => {
    expect(isBlankRow(['', null, '  ', undefined])).toBe(true);
    expect(isBlankRow(['', false])).toBe(false);
    expect(isBlankRow([])).toBe(true);
  });
});

describe('operators', () => {
  it('equals: case, accents, spacing', () => {
    const c = crit('equals', { value: 'Île-de-France' });
    expect(matches(c, 'ile-de-france')).toBe(true);
    expect(matches(c, '  ÎLE-DE-FRANCE ')).toBe(true);
    expect(matches(c, 'Ile de France')).toBe(false);
    expect(matches(c, '')).toBe(false);
    expect(matches(c, null)).toBe(false);
  });
  it('equals yes: truthiness set', () => {
    const c = crit('equals', { value: 'yes' });
    for (const v of ['Yes', ' YES ', 'oui', 'y', 'x', '1', 1, 2, true, 'TRUE', 'Oui']) {
      expect(matches(c, v), String(v)).toBe(true);
    }
    for (const v of ['No', 'non', false, 0, '', null, 'maybe', new Date(NOW), -1]) {
      expect(matches(c, v), String(v)).toBe(false);
    }
  });
  it('equals no: falsiness set, blank is not no', () => {
    const c = crit('equals', { value: 'No' });
    for (const v of ['no', 'NON', false, 0, '0', 'FALSE'])
      expect(matches(c, v), String(v)).toBe(true);
    for (const v of ['yes', true, 1, '', null, 'nope'])
      expect(matches(c, v), String(v)).toBe(false);
  });
  it('equals a number: numeric comparison', () => {
    const c = crit('equals', { value: '100' });
    for (const v of [100, '100', ' 100.0 ']) expect(matches(c, v), String(v)).toBe(true);
    expect(matches(c, 101)).toBe(false);
    expect(matches(c, '100-200')).toBe(false);
    expect(matches(crit('equals', { value: '1000' }), '1 000')).toBe(true);
  });
  it('equals on checkbox with a text value', () => {
    expect(matches(crit('equals', { value: 'TRUE' }), true)).toBe(true);
    expect(matches(crit('equals', { value: 'false' }), false)).toBe(true);
    expect(matches(crit('equals', { value: 'false' }), true)).toBe(false);
  });
  it('oneOf: any value, split lists', () => {
    const c = crit('oneOf', { values: ['Software', 'Services', 'Île de France'] });
    expect(matches(c, 'software')).toBe(true);
    expect(matches(c, 'SERVICES ')).toBe(true);
    expect(matches(c, 'ile de france')).toBe(true);
    expect(matches(c, 'Software; SaaS')).toBe(true);
    expect(matches(c, 'Retail, Services')).toBe(true);
    expect(matches(c, 'Retail / Food')).toBe(false);
    expect(matches(c, 'Softwares')).toBe(false);
    expect(matches(c, '')).toBe(false);
    expect(matches(crit('oneOf', { values: ['yes', 'maybe'] }), true)).toBe(true);
    expect(matches(crit('oneOf', { values: ['5', '10'] }), 10)).toBe(true);
  });
  it('contains: insensitive substring', () => {
    const c = crit('contains', { value: 'Director' });
    expect(matches(c, 'Marketing DIRECTOR')).toBe(true);
    expect(matches(c, 'Directór commercial')).toBe(true);
    expect(matches(c, 'Manager')).toBe(false);
    expect(matches(c, '')).toBe(false);
    expect(matches(crit('contains', { value: '12' }), 3120)).toBe(true);
    expect(matches(crit('contains', { value: 'direct' }), new Date(NOW))).toBe(false);
  });
  it('atLeast / atMost / between (inclusive), numeric text', () => {
    const atLeast = crit('atLeast', { min: 3 });
    expect(matches(atLeast, 3)).toBe(true);
    expect(matches(atLeast, '4')).toBe(true);
    expect(matches(atLeast, 2.99)).toBe(false);
    expect(matches(atLeast, '')).toBe(false);
    expect(matches(atLeast, true)).toBe(false);
    expect(matches(atLeast, 'lots')).toBe(false);
    const atMost = crit('atMost', { max: 10 });
    expect(matches(atMost, 10)).toBe(true);
    expect(matches(atMost, -4)).toBe(true);
    expect(matches(atMost, 11)).toBe(false);
    expect(matches(atMost, null)).toBe(false);
    expect(matches(atMost, new Date(NOW))).toBe(false);
    const between = crit('between', { min: 50, max: 1000 });
    for (const v of [50, 1000, '1 000', '1,000', '51-200', '201 - 500', '500+']) {
      expect(matches(between, v), String(v)).toBe(true);
    }
    for (const v of [49, 1001, '11-50', '1,001-5,000', '10k+', '', 'n/a']) {
      expect(matches(between, v), String(v)).toBe(false);
    }
  });
  it('isBlank / notBlank', () => {
    const blank = crit('isBlank');
    const notBlank = crit('notBlank');
    for (const v of ['', '   ', null, undefined]) {
      expect(matches(blank, v)).toBe(true);
      expect(matches(notBlank, v)).toBe(false);
    }
    for (const v of ['x', 0, false, new Date(NOW)]) {
      expect(matches(blank, v)).toBe(false);
      expect(matches(notBlank, v)).toBe(true);
    }
  });
  it('a row shorter than the header reads as blank', () => {
    const compiled = compileScoring(settings([crit('isBlank')]), ['A', 'B', 'Col']);
    expect(scoreRow(compiled, ['a'], NOW, readInstant).matched).toEqual(['c']);
  });
  it('withinDays: Date objects and ISO text, inclusive, future within the window', () => {
    const c = crit('withinDays', { days: 14 });
    expect(matches(c, new Date(NOW - 14 * DAY))).toBe(true);
    expect(matches(c, new Date(NOW - 14 * DAY - 1))).toBe(false);
    expect(matches(c, new Date(NOW - DAY).toISOString())).toBe(true);
    expect(matches(c, new Date(NOW + 3 * DAY))).toBe(true);
    expect(matches(c, new Date(NOW + 30 * DAY))).toBe(false);
    expect(matches(c, '')).toBe(false);
    expect(matches(c, 'yesterday')).toBe(false);
    expect(matches(c, new Date(Number.NaN))).toBe(false);
  });
  it('a throwing or odd date reader is "no date"', () => {
    const c = crit('withinDays', { days: 14 });
    const compiled = compileScoring(settings([c]), ['Col']);
    const boom = () => {
      throw new Error('boom');
    };
    expect(scoreRow(compiled, [new Date(NOW)], NOW, boom).matched).toEqual([]);
    expect(scoreRow(compiled, [new Date(NOW)], NOW, () => Number.NaN).matched).toEqual([]);
  });
  it('formula-looking text is plain text', () => {
    expect(matches(crit('equals', { value: '=1+1' }), '=1+1')).toBe(true);
    expect(matches(crit('equals', { value: '2' }), '=1+1')).toBe(false);
    expect(matches(crit('atLeast', { min: 0 }), '=1+1')).toBe(false);
    expect(matches(crit('contains', { value: '+1' }), '=1+1')).toBe(true);
    expect(matches(crit('equals', { value: 'yes' }), '=TRUE()')).toBe(false);
  });
});

describe('totals, caps, decay', () => {
  const fitA = crit('equals', { id: 'a', label: 'Role', column: 'Role', value: 'ceo' }, 30);
  const fitB = crit('equals', { id: 'b', label: 'Size', column: 'Size', value: 'big' }, 25);
  const student = crit(
    'contains',
    { id: 's', label: 'Student', column: 'Role', value: 'student' },
    -30,
  );
  const demo = crit(
    'equals',
    { id: 'd', label: 'Demo', kind: 'interest', column: 'Demo', value: 'yes' },
    40,
  );
  const web = crit(
    'equals',
    { id: 'w', label: 'Webinar', kind: 'interest', column: 'Webinar', value: 'yes' },
    30,
  );
  const header = ['Role', 'Size', 'Demo', 'Webinar', 'Last activity'];

  it('sums fit and interest; negative points and totals', () => {
    const compiled = compileScoring(settings([fitA, fitB, student, demo, web]), header);
    const r = scoreRow(compiled, ['CEO', 'big', 'yes', 'no', ''], NOW, readInstant);
    expect(r).toMatchObject({ fit: 55, interest: 40, score: 95, matched: ['a', 'b', 'd'] });
    const s = scoreRow(compiled, ['Student', '', '', '', ''], NOW, readInstant);
    expect(s).toMatchObject({ fit: -30, interest: 0, score: -30, grade: 'D', matched: ['s'] });
    expect(s.qualification).toBe('Lead');
  });

  it('caps clamp the top only', () => {
    const compiled = compileScoring(
      settings([fitA, fitB, student, demo, web], { fitCap: 40, interestCap: 50 }),
      header,
    );
    const r = scoreRow(compiled, ['CEO', 'big', 'yes', 'yes', ''], NOW, readInstant);
    expect(r).toMatchObject({ fit: 40, interest: 50, score: 90 });
    const s = scoreRow(compiled, ['student', '', '', '', ''], NOW, readInstant);
    expect(s.fit).toBe(-30);
  });

  it('decay: strictly older than afterDays, after the cap, rounded to 1 decimal', () => {
    const decay = { column: 'Last activity', afterDays: 30, percent: 25 };
    const compiled = compileScoring(
      settings([demo, web], { decay, interestCap: 50, mqlThreshold: 40, handoffThreshold: 100 }),
      header,
    );
    const at = (ms: number, d = 'yes', w = 'yes') =>
      scoreRow(compiled, ['', '', d, w, new Date(ms)], NOW, readInstant);
    expect(at(NOW - 30 * DAY).interest).toBe(50); // exactly afterDays: no decay
    expect(at(NOW - 30 * DAY - 1).interest).toBe(37.5); // 50 capped, then -25 %
    expect(at(NOW - 30 * DAY - 1).qualification).toBe('Lead');
    expect(at(NOW - 30 * DAY).qualification).toBe('MQL');
    expect(at(NOW - 90 * DAY, 'no', 'yes').interest).toBe(22.5);
    expect(at(NOW + 5 * DAY).interest).toBe(50); // future: no decay
    expect(scoreRow(compiled, ['', '', 'yes', '', ''], NOW, readInstant).interest).toBe(40);
    expect(scoreRow(compiled, ['', '', 'yes', '', 'n/a'], NOW, readInstant).interest).toBe(40);
    // 1 decimal rounding: 7 × 0.75 = 5.25 → 5.3
    const seven = compileScoring(settings([{ ...web, points: 7 }], { decay }), header);
    expect(
      scoreRow(seven, ['', '', '', 'yes', new Date(NOW - 40 * DAY)], NOW, readInstant).interest,
    ).toBe(5.3);
  });

  it('decay leaves a negative interest alone', () => {
    const unsub = crit(
      'equals',
      { id: 'u', label: 'Unsubscribed', kind: 'interest', column: 'Webinar', value: 'yes' },
      -20,
    );
    const compiled = compileScoring(
      settings([unsub], { decay: { column: 'Last activity', afterDays: 1, percent: 50 } }),
      header,
    );
    const r = scoreRow(compiled, ['', '', '', 'yes', new Date(NOW - 9 * DAY)], NOW, readInstant);
    expect(r.interest).toBe(-20);
  });

  it('fractional points have no float noise', () => {
    const a = crit('notBlank', { id: 'a', column: 'Role' }, 0.1);
    const b = crit('notBlank', { id: 'b', column: 'Size' }, 0.2);
    const compiled = compileScoring(settings([a, b]), header);
    expect(scoreRow(compiled, ['x', 'y'], NOW, readInstant).fit).toBe(0.3);
  });
});

describe('qualification and grades', () => {
  const fitOn = (points: number, id = 'f') =>
    crit('notBlank', { id, label: `Fit ${points}`, column: 'F' }, points);
  const interestOn = (points: number, id = 'i') =>
    crit('notBlank', { id, label: `Interest ${points}`, kind: 'interest', column: 'I' }, points);
  const run = (s: ScoringSettings, row: unknown[]) =>
    scoreRow(compileScoring(s, ['F', 'I', 'Demo']), row, NOW, readInstant);

  it('mode total', () => {
    const s = settings([fitOn(30), interestOn(20)], { mqlThreshold: 50, handoffThreshold: 80 });
    expect(run(s, ['x', 'x']).qualification).toBe('MQL');
    expect(run(s, ['x', '']).qualification).toBe('Lead');
    const s2 = settings([fitOn(30), interestOn(50)], { mqlThreshold: 50, handoffThreshold: 80 });
    expect(run(s2, ['x', 'x']).qualification).toBe('Hand off'); // exactly the threshold
  });

  it('mode separate: fit and interest must each reach their threshold', () => {
    const s = settings([fitOn(60), interestOn(10)], {
      mqlMode: 'separate',
      mqlFitThreshold: 20,
      mqlInterestThreshold: 20,
      handoffThreshold: 100,
    });
    expect(run(s, ['x', 'x']).qualification).toBe('Lead'); // 70 total but interest 10
    const s2 = settings([fitOn(20), interestOn(20)], {
      mqlMode: 'separate',
      mqlFitThreshold: 20,
      mqlInterestThreshold: 20,
      mqlThreshold: 90,
      handoffThreshold: 100,
    });
    expect(run(s2, ['x', 'x']).qualification).toBe('MQL'); // 40 < mqlThreshold, ignored here
  });

  it('hand-off by a bottom-of-funnel criterion whatever the score', () => {
    const demo = crit(
      'equals',
      { id: 'demo', label: 'Demo', kind: 'interest', column: 'Demo', value: 'yes', handoff: true },
      5,
    );
    const s = settings([fitOn(-50), demo]);
    const r = run(s, ['x', '', 'Oui']);
    expect(r).toMatchObject({ score: -45, qualification: 'Hand off', matched: ['f', 'demo'] });
    expect(run(s, ['x', '', 'no']).qualification).toBe('Lead');
  });

  it('grades from fit', () => {
    const s = settings([fitOn(40, 'a'), fitOn(-15, 'b'), fitOn(-15, 'c'), fitOn(-9, 'd')]);
    const cols = (n: number) => settings(s.criteria.slice(0, n));
    expect(run(cols(1), ['x']).grade).toBe('A');
    expect(run(cols(2), ['x']).grade).toBe('B'); // 25
    expect(run(cols(3), ['x']).grade).toBe('C'); // 10
    expect(run(cols(4), ['x']).grade).toBe('D'); // 1
  });

  it('grade boundaries', () => {
    for (const [points, grade] of [
      [40, 'A'],
      [39.99, 'B'],
      [25, 'B'],
      [24, 'C'],
      [10, 'C'],
      [9, 'D'],
      [-5, 'D'],
    ] as const) {
      expect(run(settings([fitOn(points)]), ['x']).grade, String(points)).toBe(grade);
    }
  });
});

describe('columns', () => {
  it('resolves headers ignoring case, accents and spacing', () => {
    const c = crit('equals', { column: 'Demo request', value: 'yes' });
    const compiled = compileScoring(settings([c]), ['Name', '  DÉMO_Request ']);
    expect(compiled.unknownColumns).toEqual([]);
    expect(scoreRow(compiled, ['Ann', 'yes'], NOW, readInstant).matched).toEqual(['c']);
  });

  it('ignores and reports criteria on unknown columns, and a missing decay column', () => {
    const ok = crit('notBlank', { id: 'ok', column: 'Name' }, 5);
    const lost = crit('equals', { id: 'lost', label: 'Budget', column: 'Budget', value: 'yes' });
    const compiled = compileScoring(
      settings([ok, lost], { decay: { column: 'Last touch', afterDays: 10, percent: 50 } }),
      ['Name'],
    );
    expect(compiled.unknownColumns).toEqual([
      { criterionId: 'lost', label: 'Budget', column: 'Budget' },
      { criterionId: 'decay', label: 'Interest decay', column: 'Last touch' },
    ]);
    expect(compiled.decay).toBe(null);
    const r = scoreRow(compiled, ['Ann'], NOW, readInstant);
    expect(r).toMatchObject({ score: 5, matched: ['ok'] });
  });

  it('an empty header row: everything unknown, scoring still works', () => {
    const compiled = compileScoring(defaultSettings().scoring, []);
    expect(compiled.criteria).toEqual([]);
    expect(compiled.unknownColumns.length).toBe(defaultSettings().scoring.criteria.length + 1);
    expect(scoreRow(compiled, ['a', 1], NOW, readInstant)).toMatchObject({
      score: 0,
      qualification: 'Lead',
      grade: 'D',
    });
  });

  it('lists the columns the rules need', () => {
    expect(scoringColumns(defaultSettings().scoring)).toEqual([...SCORING_ATTRIBUTE_HEADERS]);
  });
});

const LEADS_HEADER = [LEAD_HEADERS.leadId, ...SCORING_ATTRIBUTE_HEADERS];

describe('default rules on realistic rows', () => {
  const compiled = compileScoring(defaultSettings().scoring, LEADS_HEADER);
  const rows: unknown[][] = [
    // director, 51-200, software, France, demo → hand off
    rowOf(LEADS_HEADER, {
      'Lead ID': 'L1',
      'Job title': 'Marketing Director',
      'Company size': '51-200',
      Industry: 'Software',
      Country: 'France',
      'Demo request': 'Yes',
      'Pricing page visits': 1,
      'Email clicks': 0,
      'Last activity at': new Date(NOW),
    }),
    // CMO (20), 300 (15), services (10), 'belgique' ≠ Belgium; pricing 4, webinar, recent → 45 + 40
    rowOf(LEADS_HEADER, {
      'Lead ID': 'L2',
      'Job title': 'cmo',
      'Company size': 300,
      Industry: 'services',
      Country: 'belgique',
      'Demo request': false,
      'Pricing page visits': 4,
      Webinar: true,
      'Email clicks': 1,
      'Last activity at': new Date(NOW - 2 * DAY),
    }),
    // student, webinar, old → fit -30; interest 10 decayed → 7.5
    rowOf(LEADS_HEADER, {
      'Lead ID': 'L3',
      'Job title': 'Étudiant / student',
      Industry: 'Retail',
      Country: 'Spain',
      'Demo request': 'no',
      'Pricing page visits': 0,
      Webinar: 'oui',
      'Email clicks': 0,
      'Last activity at': new Date(NOW - 60 * DAY),
    }),
    // mid: Head of Sales 20 + 15 size + 10 industry = 45; pricing 3 → 20 + recent 10 = 30 → 75 MQL
    rowOf(LEADS_HEADER, {
      'Lead ID': 'L4',
      'Job title': 'Head of Sales',
      'Company size': '1 000',
      Industry: 'Manufacturing',
      Country: 'Germany',
      'Pricing page visits': '3',
      Webinar: 'no',
      'Last activity at': new Date(NOW - 5 * DAY),
    }),
    rowOf(LEADS_HEADER, {}),
  ];

  it('scores each lead', () => {
    const [r1, r2, r3, r4, r5] = scoreRows(compiled, rows, NOW, readInstant);
    expect(r1).toMatchObject({
      fit: 45,
      interest: 50,
      score: 95,
      qualification: 'Hand off',
      grade: 'A',
    });
    expect(r2).toMatchObject({ fit: 45, interest: 40, score: 85, qualification: 'Hand off' });
    expect(r3).toMatchObject({
      fit: -30,
      interest: 7.5,
      score: -22.5,
      qualification: 'Lead',
      grade: 'D',
    });
    expect(r4).toMatchObject({
      fit: 45,
      interest: 30,
      score: 75,
      qualification: 'MQL',
      grade: 'A',
    });
    expect(r5).toBe(null);
  });

  it('previews the counts, skipping blank rows', () => {
    expect(previewQualification(compiled, rows, NOW, readInstant)).toEqual({
      leads: 4,
      lead: 1,
      mql: 1,
      handoff: 2,
      qualified: 3,
      byGrade: { A: 3, B: 0, C: 0, D: 1 },
    });
  });

  it('explains a score', () => {
    const [r1, , r3] = scoreRows(compiled, rows, NOW, readInstant);
    expect(explainScore(compiled, r1!)).toBe(
      'Fit 45 (Decision maker +15, Company of 50 to 1,000 +15, Target industry +10, Served country +5) · Interest 50 (Asked for a demo +40, Active in the last 14 days +10) · Grade A · Hand off (Asked for a demo)',
    );
    expect(explainScore(compiled, r3!)).toBe(
      'Fit -30 (Student or job seeker -30) · Interest 7.5 (Attended a webinar +10, -25 % after 30 days without activity) · Grade D',
    );
    const capped = compileScoring(
      settings(
        [
          crit('notBlank', { id: 'a', label: 'Big', column: 'Col' }, 70),
          crit('notBlank', { id: 'b', label: 'Loud', kind: 'interest', column: 'Col' }, 90),
        ],
        { fitCap: 60, interestCap: 80, handoffThreshold: 100 },
      ),
      ['Col'],
    );
    const r = scoreRow(capped, ['x'], NOW, readInstant);
    expect(explainScore(capped, r)).toBe(
      'Fit 60 (Big +70, capped at 60) · Interest 80 (Loud +90, capped at 80) · Grade A · Hand off (score 140 ≥ 100)',
    );
  });

  it('the default settings pass the schema used here', () => {
    expect(settingsSchemas().scoring.safeParse(defaultSettings().scoring).success).toBe(true);
  });
});

describe('properties', () => {
  const cell = fc.oneof(
    fc.constant(''),
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5000, max: 5000 }),
    fc.string(),
    fc.constantFrom('Yes', 'non', 'x', '50-200', '250+', '=1+1', 'Director', 'Software; SaaS'),
    fc.date({ noInvalidDate: false }),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  const operator = fc.constantFrom(...OPERATORS) satisfies fc.Arbitrary<Criterion['operator']>;
  const criterion = fc.record({
    id: fc.string({ minLength: 1, maxLength: 5 }),
    label: fc.string({ minLength: 1, maxLength: 10 }),
    kind: fc.constantFrom('fit', 'interest') as fc.Arbitrary<'fit' | 'interest'>,
    column: fc.constantFrom('A', 'B', 'C', 'Missing'),
    operator,
    value: fc.string({ minLength: 1, maxLength: 8 }),
    values: fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 4 }),
    min: fc.integer({ min: -100, max: 100 }),
    max: fc.integer({ min: 100, max: 1000 }),
    days: fc.integer({ min: 1, max: 60 }),
    points: fc.double({ min: -1000, max: 1000, noNaN: true }),
    handoff: fc.boolean(),
  });
  const scoring = fc.record({
    criteria: fc.array(criterion, { maxLength: 12 }),
    fitCap: fc.option(fc.integer({ min: 1, max: 200 })),
    interestCap: fc.option(fc.integer({ min: 1, max: 200 })),
    decay: fc.option(
      fc.record({
        column: fc.constantFrom('C', 'Nope'),
        afterDays: fc.integer({ min: 1, max: 90 }),
        percent: fc.integer({ min: 0, max: 100 }),
      }),
    ),
    mqlMode: fc.constantFrom('total', 'separate') as fc.Arbitrary<'total' | 'separate'>,
    mqlThreshold: fc.integer({ min: -50, max: 100 }),
    mqlFitThreshold: fc.integer({ min: -50, max: 100 }),
    mqlInterestThreshold: fc.integer({ min: -50, max: 100 }),
    handoffThreshold: fc.integer({ min: 100, max: 300 }),
    grades: fc.constant({ A: 40, B: 25, C: 10 }),
  }) satisfies fc.Arbitrary<ScoringSettings>;

  it('random rows never throw; fit + interest = score; caps respected', () => {
    fc.assert(
      fc.property(
        scoring,
        fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 8 }),
        (s, rows) => {
          const compiled: CompiledScoring = compileScoring(s, ['A', 'B', 'C']);
          for (const row of rows) {
            const r = scoreRow(compiled, row, NOW, readInstant);
            expect(r.score).toBeCloseTo(r.fit + r.interest, 6);
            expect(Number.isFinite(r.score)).toBe(true);
            if (s.fitCap !== null) expect(r.fit).toBeLessThanOrEqual(s.fitCap);
            if (s.interestCap !== null) expect(r.interest).toBeLessThanOrEqual(s.interestCap);
            expect(['A', 'B', 'C', 'D']).toContain(r.grade);
            expect(r.matched.every((id) => s.criteria.some((c) => c.id === id))).toBe(true);
            if (r.score >= s.handoffThreshold) expect(r.qualification).toBe('Hand off');
            expect(typeof explainScore(compiled, r)).toBe('string');
          }
          const p = previewQualification(compiled, rows, NOW, readInstant);
          expect(p.lead + p.mql + p.handoff).toBe(p.leads);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('case, accents and surrounding spaces never change equals/contains/oneOf', () => {
    const word = fc.stringMatching(/^[a-zA-Zéèàôç][a-zA-Z éèàôç]{0,10}$/);
    fc.assert(
      fc.property(word, fc.constantFrom('equals', 'contains', 'oneOf'), (w, op) => {
        const c = crit(op as Criterion['operator'], { value: w, values: [w] });
        const variant = `  ${w
          .toUpperCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')} `;
        expect(matches(c, variant)).toBe(true);
      }),
    );
  });
});
