import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_IDS, FIELD_LABELS } from '../../../src/core/read/fieldIds.ts';
import { resolveFields } from '../../../src/core/read/fieldMap.ts';

/** The README's table of recognised CRM headers says what the field map really does. */

const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
const start = readme.indexOf('## Use your CRM export');
const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
const rows = section
  .split('\n')
  .filter((l) => l.startsWith('| ') && !l.startsWith('| SLA field') && !l.startsWith('|---'))
  .map((l) =>
    l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()),
  );

describe("the README's CRM header table", () => {
  it('has a row for each field it names', () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  it.each(rows.map((r) => [r[0]!, r] as const))(
    '%s: every header listed is read as that field',
    (label, row) => {
      const field = FIELD_IDS.find((f) => FIELD_LABELS[f].toLowerCase() === label.toLowerCase());
      expect(field, `no field labelled ${label}`).toBeDefined();
      const headers = row
        .slice(1)
        .flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
      for (const header of headers) {
        expect(resolveFields([header]).columns[field!], header).toBe(0);
      }
    },
  );
});
