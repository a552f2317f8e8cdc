import { describe, expect, it } from 'vitest';
import {
  hasLeadHeaders,
  indexLeadTable,
  leadIdKey,
  noLeadHeadersMessage,
  ownedColumns,
  ownedHeadersToCreate,
} from '../../../src/core/sla/leadTable.ts';

describe('indexLeadTable: columns', () => {
  it('finds the Lead ID column by name in any order, ignoring case', () => {
    const header = ['Notes', 'handed off AT', 'Lead id', 'First Contact at', 'Company'];
    expect(indexLeadTable(header, []).idCol).toBe(2);
  });

  it('finds the Lead ID among CRM labels (Record ID, LEADID)', () => {
    expect(indexLeadTable(['Email', 'LEADID'], []).idCol).toBe(1);
    expect(indexLeadTable(['Record ID'], []).idCol).toBe(0);
  });

  it('marks a sheet without a Lead ID column as -1', () => {
    expect(indexLeadTable(['Email', 'Name'], []).idCol).toBe(-1);
  });

  it('finds our own columns by their marks, wherever the user moved them', () => {
    const header = ['SLA status', 'Lead ID', 'score', 'Notes'];
    const ours = indexLeadTable(header, [], {}, ownedColumns(header, { status: 0, score: 3 }));
    expect(ours.owned).toEqual({
      score: 3,
      qualification: -1,
      deadline: -1,
      status: 0,
      nextAttempt: -1,
    });
  });

  it('keeps the rows and header as read', () => {
    const header = ['Lead ID'];
    const rows = [['L1']];
    const t = indexLeadTable(header, rows);
    expect(t.header).toBe(header);
    expect(t.rows).toBe(rows);
  });
});

describe('indexLeadTable: row keys', () => {
  const header = ['Notes', 'handed off AT', 'Lead id', 'First Contact at', 'Company'];
  const table = indexLeadTable(header, [
    ['my note', '', ' L1 ', '', 'Acme'],
    ['only a note', '', '', '', ''],
    ['', '', 42, '', ''],
  ]);

  it('keys a row by its Lead ID', () => {
    expect(table.keys[0]).toBe('id:L1');
    expect(table.keys[2]).toBe('id:42');
  });

  it('keys a row without ID by its content', () => {
    expect(table.keys[1]).toMatch(/^row:only a note/);
  });

  it('leaves our own columns out of a content key', () => {
    const h = ['Email', 'SLA status', 'Name'];
    const a = indexLeadTable(h, [['a@x.io', 'Due', 'Ann']]).keys[0];
    const b = indexLeadTable(h, [['a@x.io', 'Overdue · 1 h late', 'Ann']]).keys[0];
    expect(a).toBe(b);
  });

  it('gives a row whose user cells changed another content key', () => {
    const h = ['Email', 'Name'];
    const a = indexLeadTable(h, [['a@x.io', 'Ann']]).keys[0];
    expect(indexLeadTable(h, [['a@x.io', 'Anne']]).keys[0]).not.toBe(a);
  });
});

describe('lead headers and owned headers', () => {
  it('tells a leads header row from one naming no lead field', () => {
    expect(hasLeadHeaders(['Notes', 'Lead Owner'])).toBe(true);
    expect(hasLeadHeaders(['Notes', 'Whatever'])).toBe(false);
  });

  it("accepts the user's own column choices as lead headers", () => {
    expect(hasLeadHeaders(['Rep'], { owner: 'Rep' })).toBe(true);
  });

  it('says what to do when row 1 names no lead field', () => {
    expect(noLeadHeadersMessage('Sheet1')).toMatch(
      /^Row 1 of "Sheet1" names no column we know .* Nothing was written\.$/,
    );
  });

  it("names our headers to create, in the order they are created, beside the team's", () => {
    // a Zoho export with its own Score: ours goes beside it under another name
    const header = ['Lead Owner', 'Score', 'Score (SLA Sheets)'];
    expect(ownedHeadersToCreate(header)).toEqual([
      { key: 'score', header: 'Score (SLA Sheets 2)' },
      { key: 'qualification', header: 'Qualification' },
      { key: 'deadline', header: 'SLA deadline' },
      { key: 'status', header: 'SLA status' },
      { key: 'nextAttempt', header: 'Next attempt due' },
    ]);
    const marked = ['Score', 'SLA status', 'Qualification'];
    expect(ownedHeadersToCreate(marked, ownedColumns(marked, { status: 1 }))).toEqual([
      { key: 'score', header: 'Score (SLA Sheets)' },
      { key: 'qualification', header: 'Qualification (SLA Sheets)' },
      { key: 'deadline', header: 'SLA deadline' },
      { key: 'nextAttempt', header: 'Next attempt due' },
    ]);
  });
});

describe('our columns in a sheet checked before columns were marked', () => {
  it('are the ones named like ours beside SLA status, as we appended them', () => {
    const header = ['Lead ID', 'Score', 'Notes', 'Qualification', 'SLA deadline', 'SLA status'];
    expect(ownedColumns(header)).toEqual({
      score: -1, // the team's own, apart from ours: theirs
      qualification: 3,
      deadline: 4,
      status: 5,
      nextAttempt: -1,
    });
  });

  it("are none without SLA status: a Score or Qualification alone is the team's", () => {
    expect(Object.values(ownedColumns(['Lead ID', 'Score', 'Qualification']))).toEqual([
      -1, -1, -1, -1, -1,
    ]);
  });

  it('are found by marks only once a column is marked', () => {
    const header = ['Score', 'Qualification', 'SLA deadline', 'SLA status', 'Next attempt due'];
    expect(ownedColumns(header, { status: 3 })).toMatchObject({ score: -1, status: 3 });
  });
});

describe('leadIdKey', () => {
  it('matches Lead IDs typed as text or numbers', () => {
    expect(leadIdKey(' 123 ')).toBe(leadIdKey(123));
  });

  it('is empty for a blank cell', () => {
    expect(leadIdKey('')).toBe('');
    expect(leadIdKey(null)).toBe('');
  });

  it('keys a date by its instant, apart from any text', () => {
    const d = new Date(Date.UTC(2026, 0, 2));
    expect(leadIdKey(d)).toBe(leadIdKey(new Date(d.getTime())));
    expect(leadIdKey(d)).not.toBe(leadIdKey(d.toISOString()));
  });

  it('reads a boolean as its text', () => {
    expect(leadIdKey(true)).toBe('true');
  });
});
