/** The README's `npm start` sample is what `npm start` prints on the example, line for line. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, readmeSample, startOutput } from '../../scripts/readmeSample.ts';

describe("the README's sample output", { timeout: 120_000 }, () => {
  it('is the real output of npm start on the example', () => {
    const sample = readmeSample(readFileSync(README_PATH, 'utf8'));
    expect(sample, 'README.md has lost its "$ npm install && npm start" block').not.toBeNull();
    const output = startOutput();
    expect(
      sample,
      'README.md shows another output than npm start prints: update it with ' +
        '`npm run build && npx tsx scripts/readmeSample.ts --write`',
    ).toBe(output);
  });
});
