import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_WORDS } from '../../src/core/sla/status.ts';
import { runLog } from '../fixtures/properties.ts';
import { HEADER, leadsRuntime, userCells, workbookSheet } from './leadsHelpers.ts';

const cell = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -10, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.date({ min: new Date('1899-12-01'), max: new Date('2031-01-01'), noInvalidDate: true }),
  fc.boolean(),
  fc.constantFrom(
    '=1+1',
    '+33 6 12 34 56 78',
    '-x',
    '@me',
    'Hot',
    'warm',
    ' COLD ',
    'MQL',
    'Customer',
    'Lead',
    'Lost',
    'yes',
    'director',
    '2026-11-20 10:00',
    '23/11/2026 14h05',
    '31/02/2026',
    'abc',
    '5',
    '-3',
  ),
);

const leadId = fc.oneof(
  fc.constantFrom('A', 'B', 'C', ' A ', '', 1, 2, '=HYPERLINK("x")'),
  fc.string({ minLength: 1, maxLength: 6 }),
);

const row = fc.tuple(
  leadId,
  fc.array(cell, { minLength: HEADER.length - 1, maxLength: HEADER.length - 1 }),
);

function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

describe('property: any Leads content', () => {
  it('never throws, never touches a user cell, gives every non-blank row a status word', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(HEADER, { minLength: HEADER.length, maxLength: HEADER.length }),
        fc.array(row, { maxLength: 25 }),
        (header, rows) => {
          const idCol = header.indexOf('Lead ID');
          const data = rows.map(([id, cells]) => {
            const r = cells.slice();
            r.splice(idCol, 0, id);
            return r;
          });
          const { rt } = leadsRuntime([header, ...data]);
          const before = userCells(rt);
          expect(() => rt.call('checkLeadsNow')).not.toThrow();
          expect(userCells(rt)).toEqual(before);
          expect(runLog(rt)[0]?.error).toBeUndefined();
          const s = workbookSheet(rt);
          const statusCol = (s.values[0] ?? []).indexOf('SLA status');
          expect(statusCol).toBeGreaterThanOrEqual(header.length);
          data.forEach((r, i) => {
            const status = s.values[i + 1]?.[statusCol] ?? '';
            if (r.every((v, c) => isBlank(v) || header[c] === 'Notes')) {
              expect(status).toBe('');
            } else {
              expect(
                STATUS_WORDS.some((w) => String(status).startsWith(w)),
                `row ${i + 2}: ${JSON.stringify(status)}`,
              ).toBe(true);
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
