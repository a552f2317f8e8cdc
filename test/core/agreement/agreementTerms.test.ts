import { describe, expect, it } from 'vitest';
import { type AgreementRow, buildAgreement } from '../../../src/core/agreement/agreement.ts';
import { defaultSettings, type Settings } from '../../../src/core/settings/index.ts';

/** The Agreement's parts the settings' agreement section feeds: each follows its setting. */

const cellsOf = (rows: readonly AgreementRow[]) => rows.flatMap((r) => r.cells);

function agreementAfter(change: (s: Settings) => void): AgreementRow[] {
  const s = defaultSettings();
  change(s);
  return buildAgreement(s);
}

/** The rows of one numbered section, without its title and the blank row after it. */
function section(rows: readonly AgreementRow[], title: string): AgreementRow[] {
  const start = rows.findIndex((r) => r.style === 'section' && r.cells[0].endsWith(title));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = rows.findIndex((r, i) => i > start && r.style === 'section');
  return rows.slice(start + 1, end).filter((r) => r.style !== 'blank');
}

/** Every text leaf of a value, with a setter that replaces it. */
function textLeaves(value: unknown, path: string[] = []): Array<{ path: string[] }> {
  if (typeof value === 'string') return [{ path }];
  if (Array.isArray(value)) return value.flatMap((v, i) => textLeaves(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => textLeaves(v, [...path, k]));
  return [];
}

function setAt(obj: unknown, path: readonly string[], text: string): void {
  let at = obj as Record<string, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]!] = text;
}

describe('every text of the agreement section and of the definitions reaches the Agreement', () => {
  const withFields = (s: Settings) => {
    s.agreement.requiredFields = { lead: ['Email'], mql: ['Company'], handoff: ['Phone'] };
  };
  const leaves = [
    ...textLeaves(defaultSettings().definitions, ['definitions']),
    ...textLeaves(
      (() => {
        const s = defaultSettings();
        withFields(s);
        return s.agreement;
      })(),
      ['agreement'],
    ),
  ];

  it('lists the leaves it checks', () => {
    // 6 definitions, 3 required fields, 5 roles × 3, 3 channels, the no-answer track, 3 reasons × 2
    expect(leaves).toHaveLength(6 + 3 + 15 + 3 + 1 + 6);
  });

  it.each(leaves.map((l) => [l.path.join('.'), l.path] as const))('%s', (_name, path) => {
    const marker = `Marker ${path.join(' ')}`;
    const cells = cellsOf(
      agreementAfter((s) => {
        withFields(s);
        setAt(s, path, marker);
      }),
    );
    expect(cells.some((c) => c.includes(marker))).toBe(true);
  });
});

describe('2. Data each stage requires', () => {
  it('says none is agreed yet by default, and marketing commits to no complete data', () => {
    const rows = buildAgreement(defaultSettings());
    expect(section(rows, 'Data each stage requires').map((r) => r.cells[0])).toEqual([
      'Required fields',
    ]);
    expect(cellsOf(rows)).not.toContain('Complete data');
  });

  it("names each stage's fields, and marketing commits to them", () => {
    const rows = agreementAfter((s) => {
      s.agreement.requiredFields.mql = ['Email', 'Company'];
      s.agreement.requiredFields.handoff = ['Phone', 'Company size', 'Owner'];
    });
    const items = section(rows, 'Data each stage requires')
      .filter((r) => r.style === 'item')
      .map((r) => [r.cells[0], r.cells[1]]);
    expect(items).toEqual([
      ['Lead', 'Nothing more required.'],
      ['MQL', 'Email, Company'],
      ['Hand-off to sales', 'Phone, Company size, Owner'],
    ]);
    const marketing = section(rows, 'What marketing commits to').map((r) => r.cells[0]);
    expect(marketing).toContain('Complete data');
  });
});

describe('3. Who does what', () => {
  it('is a table of the default roles: routing, scoring, the meeting, first contact, re-evaluation', () => {
    const rows = section(buildAgreement(defaultSettings()), 'Who does what');
    expect(rows[0]!.cells).toEqual(['Role', 'What they do', 'Person or team', '']);
    expect(rows.slice(1).map((r) => r.cells[0])).toEqual([
      'Marketing ops',
      'Marketing manager',
      'Sales manager',
      'SDRs',
      'Re-evaluation pair',
    ]);
    const does = rows.map((r) => r.cells[1]).join(' ');
    for (const duty of ['Routes each hand-off', 'scoring', 'monthly SLA meeting', 'first contact'])
      expect(does).toContain(duty);
  });

  it('follows an edited role, and says when nobody holds it yet', () => {
    const rows = section(
      agreementAfter((s) => {
        s.agreement.roles = [{ role: 'Lead router', who: ' ', does: 'Assigns every hand-off.' }];
      }),
      'Who does what',
    );
    expect(rows.map((r) => r.cells)).toEqual([
      ['Role', 'What they do', 'Person or team', ''],
      ['Lead router', 'Assigns every hand-off.', 'to be named', ''],
    ]);
  });

  it('says no role is named when the list is empty', () => {
    const rows = section(
      agreementAfter((s) => {
        s.agreement.roles = [];
      }),
      'Who does what',
    );
    expect(rows.map((r) => r.cells[1])).toEqual([
      'No role named yet: name them in the SLA settings (Terms).',
    ]);
  });
});

describe('5. How sales makes contact and where a returned lead goes', () => {
  const item = (rows: readonly AgreementRow[], label: string) =>
    rows.find((r) => r.cells[0] === label)?.cells[1] ?? '';

  it('states the channels and what counts as contact, following the settings', () => {
    const rows = buildAgreement(defaultSettings());
    expect(item(rows, 'Contact channels')).toMatch(/^Phone, E-mail or Video call\. /);
    expect(item(rows, 'What counts as contact')).toMatch(/^The first attempt /);
    const changed = agreementAfter((s) => {
      s.agreement.contactChannels = ['Phone', 'LinkedIn'];
      s.handoff.firstContact = 'conversation';
    });
    expect(item(changed, 'Contact channels')).toMatch(/^Phone or LinkedIn\. /);
    expect(item(changed, 'What counts as contact')).toMatch(/^The first conversation /);
  });

  it('names the track of a lead with no answer and each agreed reason with its track', () => {
    const rows = agreementAfter((s) => {
      s.handoff.maxAttempts = 3;
      s.agreement.returnPath = {
        noAnswerTrack: 'Quarterly newsletter',
        reasons: [{ reason: 'Bad timing', track: 'Check back in 90 days' }],
      };
    });
    const sales = section(rows, 'What sales commits to');
    const at = sales.findIndex((r) => r.cells[0] === 'Return to marketing');
    expect(sales.slice(at, at + 4).map((r) => r.cells[1])).toEqual([
      'After 3 attempts with no answer, the lead goes back to marketing (Stage "Recycled") and enters the nurture track "Quarterly newsletter".',
      'Sales may also return a lead for one of these reasons only, written in "Rejected reason"; each enters its nurture track:',
      '"Bad timing" → Check back in 90 days',
      'A lead returned for another reason, or for none, is re-evaluated at the monthly review.',
    ]);
  });

  it('says sales returns a lead for no other reason when none is agreed', () => {
    const rows = agreementAfter((s) => {
      s.agreement.returnPath.reasons = [];
    });
    expect(cellsOf(rows)).toContain(
      'Sales returns a lead for no other reason: it works it, or rejects it.',
    );
  });
});

describe('the default definitions follow the articles', () => {
  it('an SQL is handed to sales, to be contacted within the deadline, not already contacted', () => {
    const sql = buildAgreement(defaultSettings()).find(
      (r) => r.cells[0] === 'SQL (sales-qualified lead)',
    )!.cells[1];
    expect(sql).toMatch(/handed to sales, to be contacted within the deadline/);
    expect(sql).not.toMatch(/contacted and accepted/);
  });
});
