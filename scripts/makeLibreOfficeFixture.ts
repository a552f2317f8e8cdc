/**
 * Regenerates test/fixtures/libreoffice-team-book.xlsx: the decorated team workbook of the
 * round-trip tests, opened and saved again by LibreOffice, so that the tests cover a file
 * written by another program than ExcelJS without needing LibreOffice themselves.
 *
 *   npm run fixture:libreoffice
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../runtime/index.ts';
import { decoratedWorkbook } from '../test/fixtures/decoratedWorkbook.ts';

export const LIBREOFFICE_FIXTURE = join(
  REPO_ROOT,
  'test',
  'fixtures',
  'libreoffice-team-book.xlsx',
);

const INSTALL_HINT =
  'LibreOffice is needed to regenerate this fixture: install it with ' +
  '`apt-get install -y libreoffice-calc-nogui` (Debian/Ubuntu), then run `npm run fixture:libreoffice` again.';

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

async function main(): Promise<void> {
  if (!hasSoffice()) throw new Error(INSTALL_HINT);
  const dir = mkdtempSync(join(tmpdir(), 'sla-lo-'));
  const source = join(dir, 'team-book.xlsx');
  await decoratedWorkbook().xlsx.writeFile(source);
  const outDir = join(dir, 'out');
  mkdirSync(outDir);
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--calc',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      source,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr || run.stdout}`);
  copyFileSync(join(outDir, 'team-book.xlsx'), LIBREOFFICE_FIXTURE);
  console.log(`Wrote ${LIBREOFFICE_FIXTURE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
