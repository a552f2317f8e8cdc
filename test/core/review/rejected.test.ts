import { describe, expect, it } from 'vitest';
import { rejectedLeads } from '../../../src/core/review/rejected.ts';
import { contextOf, type LeadCells, leadsOf } from '../../fixtures/review.ts';

function march(cells: LeadCells[]) {
  return rejectedLeads(leadsOf(cells), contextOf('2026-03'));
}

describe('rejected leads listed', () => {
  it('lists the rejected leads handed off in the month, with their reasons', () => {
    const rows = march([
      { leadId: 'R1', stage: 'Rejected', handedOffAt: '2026-03-05 10:00', rejectedReason: 'Spam' },
      { leadId: 'S1', stage: 'SQL', handedOffAt: '2026-03-05 10:00' },
    ]);
    expect(rows.map((r) => [r.leadId, r.reason, r.row])).toEqual([['R1', 'Spam', 2]]);
  });

  it('dates a lead by its hand-off, else its MQL date, else its creation', () => {
    const rows = march([
      {
        leadId: 'H',
        stage: 'Rejected',
        createdAt: '2026-03-01 09:00',
        handedOffAt: '2026-04-02 09:00',
      },
      { leadId: 'M', stage: 'Rejected', createdAt: '2026-02-01 09:00', mqlAt: '2026-03-03 09:00' },
      { leadId: 'C', stage: 'Rejected', createdAt: '2026-03-04 09:00' },
    ]);
    expect(rows.map((r) => [r.leadId, r.referenceAt])).toEqual([
      ['M', Date.UTC(2026, 2, 3, 9)],
      ['C', Date.UTC(2026, 2, 4, 9)],
    ]);
  });

  it('lists the oldest first, then by sheet row', () => {
    const at = { stage: 'Rejected', handedOffAt: '2026-03-05 10:00' };
    const rows = march([
      { ...at, leadId: 'B' },
      { stage: 'Rejected', handedOffAt: '2026-03-02 10:00', leadId: 'C' },
      { ...at, leadId: 'A' },
    ]);
    expect(rows.map((r) => r.leadId)).toEqual(['C', 'B', 'A']);
  });

  it('keeps the source and owner as typed', () => {
    const [row] = march([
      { stage: 'Rejected', handedOffAt: '2026-03-05 10:00', source: '@web', owner: '-al' },
    ]);
    expect([row!.source, row!.owner]).toEqual(['@web', '-al']);
  });
});
