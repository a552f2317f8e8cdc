import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAGE_CHOICES } from '../../../src/core/read/leadColumns.ts';
import { combineMeanings } from '../../../src/core/read/leadRecords.ts';
import { createValueMap, stageMeaning } from '../../../src/core/read/valueMap.ts';
import { BUILTIN_STAGE_WORDS } from '../../../src/core/read/valueVocabulary.ts';

const map = createValueMap();
const stage = (v: unknown) => map.stage(v);

describe('the value map', () => {
  it('reads canonical words in any case and spacing', () => {
    expect(stage('  opportunity ')).toEqual({ ok: true, value: stageMeaning('Opportunity') });
    expect(stage('')).toEqual({ ok: true, value: null });
  });

  it('reads the CRMs vocabularies', () => {
    const cases: Array<[string, string | null, boolean]> = [
      ['Junk Lead', 'Rejected', false],
      ['Lost Lead', 'Lost', false],
      ['Closed - Converted', 'Customer', false],
      ['salesqualifiedlead', 'SQL', false], // the hand-off to sales, not a contact
      ['Won', 'Customer', false],
      ['Open - Not Contacted', 'Lead', false],
      ['Working - Contacted', null, true],
      ['Connected', null, true],
      ['Attempted to Contact', null, true],
      ['Closed Won', 'Customer', false],
      ['Gagné', 'Customer', false],
    ];
    for (const [value, s, contacted] of cases) {
      const r = stage(value);
      expect(r.ok, value).toBe(true);
      if (r.ok) expect([r.value?.stage ?? null, r.value?.contacted], value).toEqual([s, contacted]);
    }
  });

  it('says an attempt apart from a contact', () => {
    const r = stage('ATTEMPTED_TO_CONTACT');
    expect(r.ok && r.value?.attemptOnly).toBe(true);
    expect(
      stage('Connected').ok &&
        (stage('Connected') as { value: { attemptOnly: boolean } }).value.attemptOnly,
    ).toBe(false);
  });

  it("puts the user's entries before the built-ins", () => {
    const mine = createValueMap({ stage: { 'Junk Lead': 'Recycled', 'En cours': 'Contacted' } });
    const junk = mine.stage('junk lead');
    expect(junk.ok && junk.value?.stage).toBe('Recycled');
    const enCours = mine.stage('EN COURS');
    expect(enCours.ok && enCours.value?.contacted).toBe(true);
  });

  it('names an unknown value and the fix', () => {
    expect(stage('Qualifying?')).toEqual({
      ok: false,
      reason:
        '"Qualifying?" is not a stage we know: map it in Extensions › SLA Sheets › Open SLA settings › Fields',
    });
  });

  it('reads priorities, blank as the default', () => {
    expect(map.priority('', 'Cold')).toEqual({ ok: true, value: 'Cold' });
    expect(map.priority('HIGH', 'Cold')).toEqual({ ok: true, value: 'Hot' });
    expect(map.priority('High in Relevance', 'Cold')).toEqual({ ok: true, value: 'Hot' });
    expect(map.priority('Acquired', 'Cold').ok).toBe(false);
  });

  it('combines a lifecycle stage and a lead status: the further stage, and either contact', () => {
    const mql = stageMeaning('MQL');
    const contacted = stageMeaning('Contacted');
    expect(combineMeanings(mql, contacted)).toEqual({
      stage: 'MQL',
      contacted: true,
      attemptOnly: false,
    });
    expect(combineMeanings(stageMeaning('Customer'), stageMeaning('Rejected'))!.stage).toBe(
      'Customer',
    );
    expect(combineMeanings(null, stageMeaning('Attempted'))!.attemptOnly).toBe(true);
  });
});

describe('the value map (properties)', () => {
  const words = Object.entries(BUILTIN_STAGE_WORDS);

  it('reads a built-in word however it is cased and spaced', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.boolean(),
        fc.nat(3),
        ([word, choice], upper, pad) => {
          const typed = `${' '.repeat(pad)}${upper ? word.toUpperCase() : word}${' '.repeat(pad)}`;
          const r = stage(typed);
          expect(r).toEqual({ ok: true, value: stageMeaning(choice) });
        },
      ),
    );
  });

  it("lets the user's entry win over any built-in word", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.constantFrom(...STAGE_CHOICES),
        ([word], choice) => {
          const r = createValueMap({ stage: { [word]: choice } }).stage(word);
          expect(r).toEqual({ ok: true, value: stageMeaning(choice) });
        },
      ),
    );
  });

  it('never throws and names the value it does not know', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const r = stage(v);
        if (!r.ok) expect(r.reason).toMatch(/map it in .*Fields$/);
      }),
    );
  });
});
