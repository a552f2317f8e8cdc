import { describe, expect, it } from 'vitest';
import {
  indexLeadTable,
  leadIdKey,
  missingHeaderMessage,
  missingRequiredHeaders,
  ownedHeadersToCreate,
} from '../../src/core/leadTable.ts';
import { rowOf } from '../fixtures/leads.ts';

describe('indexLeadTable: columns', () => {
  const header = ['Notes', 'handed off AT', 'Lead id', 'First Contact at', 'Company'];
  const table = indexLeadTable(header, []);

  it('finds columns by name in any order, ignoring case', () => {
    expect(table.cols.leadId).toBe(2);
    expect(table.cols.company).toBe(4);
    expect(table.cols.handedOffAt).toBe(1);
  });

  it('marks a column the sheet lacks as -1', () => {
    expect(table.cols.stage).toBe(-1);
  });

  it('finds our own columns, wherever the user moved them', () => {
    const ours = indexLeadTable(['SLA status', 'Lead ID', 'score'], []);
    expect(ours.owned.status).toBe(0);
    expect(ours.owned.score).toBe(2);
    expect(ours.owned.deadline).toBe(-1);
  });
});

describe('indexLeadTable: rows', () => {
  const header = ['Notes', 'handed off AT', 'Lead id', 'First Contact at', 'Company'];
  const table = indexLeadTable(header, [
    ['my note', '', ' L1 ', '', 'Acme'],
    ['only a note', '', '', '', ''],
    ['', '', 42, '', ''],
  ]);

  it('reads each Lead ID as its matching key', () => {
    expect(table.ids).toEqual(['L1', '', '42']);
  });

  it('tells leads from blank rows', () => {
    expect(table.blank).toEqual([false, true, false]);
  });

  it('counts a row with only a scoring attribute as a lead', () => {
    const h = ['Lead ID', 'Job title', 'My notes'];
    const t = indexLeadTable(h, [rowOf(h, { 'Job title': 'CEO' }), rowOf(h, { 'My notes': 'x' })]);
    expect(t.blank).toEqual([false, true]);
  });

  it('keeps the rows and header as read', () => {
    const rows = [['a', '', 'L1', '', '']];
    const t = indexLeadTable(header, rows);
    expect(t.header).toBe(header);
    expect(t.rows).toBe(rows);
  });
});

describe('required and owned headers', () => {
  it('names the required headers that are missing', () => {
    expect(missingRequiredHeaders(['Lead ID'])).toEqual(['Handed off at', 'First contact at']);
  });

  it('finds required headers however they are typed', () => {
    expect(missingRequiredHeaders([' lead id ', 'HANDED OFF AT', 'First contact at'])).toEqual([]);
  });

  it('names our headers to create, in the order they are created', () => {
    expect(ownedHeadersToCreate(['Score', 'sla status'])).toEqual([
      'Qualification',
      'SLA deadline',
      'Next attempt due',
    ]);
  });
});

describe('missingHeaderMessage', () => {
  it('names one missing column', () => {
    expect(missingHeaderMessage(['Lead ID'])).toBe(
      'The Leads sheet has no "Lead ID" column: add it to row 1 (case, accents and spacing do not matter), then check again. Nothing was written.',
    );
  });

  it('names several missing columns', () => {
    expect(missingHeaderMessage(['Lead ID', 'Handed off at'])).toBe(
      'The Leads sheet has no "Lead ID", "Handed off at" columns: add them to row 1 (case, accents and spacing do not matter), then check again. Nothing was written.',
    );
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
