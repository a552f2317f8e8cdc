/**
 * Regenerates the LibreOffice-saved fixtures of the round-trip tests, so that the tests cover
 * files written by another program than ExcelJS without needing LibreOffice themselves:
 * - test/fixtures/libreoffice-team-book.xlsx: the decorated team workbook (ExcelJS-built);
 * - test/fixtures/libreoffice-package.xlsx: the Excel-like package (custom properties,
 *   workbook protection, sparklines, notes on empty cells), saved again by LibreOffice.
 *
 *   npm run fixture:libreoffice
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../runtime/index.ts';
import { decoratedWorkbook } from '../test/fixtures/decoratedWorkbook.ts';
import { excelLikePackage } from '../test/fixtures/excelLikePackage.ts';

export const LIBREOFFICE_FIXTURE = join(
  REPO_ROOT,
  'test',
  'fixtures',
  'libreoffice-team-book.xlsx',
);
export const LIBREOFFICE_PACKAGE = join(REPO_ROOT, 'test', 'fixtures', 'libreoffice-package.xlsx');

const INSTALL_HINT =
  'LibreOffice is needed to regenerate this fixture: install it with ' +
  '`apt-get install -y libreoffice-calc-nogui` (Debian/Ubuntu), then run `npm run fixture:libreoffice` again.';

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** `source` opened and saved again as .xlsx by LibreOffice, copied to `target`. */
function resave(dir: string, source: string, target: string): void {
  const outDir = join(dir, 'out');
  mkdirSync(outDir, { recursive: true });
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
  copyFileSync(join(outDir, basename(source)), target);
  console.log(`Wrote ${target}`);
}

async function main(): Promise<void> {
  if (!hasSoffice()) throw new Error(INSTALL_HINT);
  const dir = mkdtempSync(join(tmpdir(), 'sla-lo-'));
  const book = join(dir, 'team-book.xlsx');
  await decoratedWorkbook().xlsx.writeFile(book);
  resave(dir, book, LIBREOFFICE_FIXTURE);
  const pkg = join(dir, 'package.xlsx');
  writeFileSync(pkg, await excelLikePackage());
  resave(dir, pkg, LIBREOFFICE_PACKAGE);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
