/**
 * The README's sample of `npm start`: the first code block of README.md, the command then what
 * `npm start` prints on the bundled example (deterministic: the example has a fixed "now").
 * A test compares it with a real run; after a change to what `npm start` prints, update it with
 *
 *   npm run build && npx tsx scripts/readmeSample.ts --write
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../runtime/index.ts';

export const README_PATH = join(REPO_ROOT, 'README.md');
export const SAMPLE_COMMAND = '$ npm install && npm start';
const BLOCK = /```\n\$ npm install && npm start\n([\s\S]*?)```\n/;

/** The output shown in the README's sample block, or null when the block is missing. */
export function readmeSample(readme: string): string | null {
  return BLOCK.exec(readme)?.[1] ?? null;
}

/** What `npm start` prints on the example (the built bundle; run from the repository). */
export function startOutput(): string {
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, [join(REPO_ROOT, 'scripts', 'start.ts')], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`npm start failed: ${run.stderr || run.stdout}`);
  return run.stdout;
}

function main(): void {
  const readme = readFileSync(README_PATH, 'utf8');
  if (readmeSample(readme) === null) throw new Error(`README.md has no "${SAMPLE_COMMAND}" block`);
  const output = startOutput();
  if (!process.argv.includes('--write')) {
    process.stdout.write(output);
    return;
  }
  writeFileSync(
    README_PATH,
    readme.replace(BLOCK, () => `\`\`\`\n${SAMPLE_COMMAND}\n${output}\`\`\`\n`),
  );
  console.log('README.md: the npm start sample is the output of this run.');
}

if (process.argv[1]?.endsWith('readmeSample.ts')) main();
