/** Shared helpers for the runtime's own tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRuntime,
  type FakeSheet,
  type Runtime,
  type RuntimeOptions,
} from '../../runtime/index.ts';

/** A fresh runtime with `source` loaded as the bundle, and optional sheets added first. */
export function runtimeWithScript(
  source: string,
  opts: RuntimeOptions = {},
  sheets: Record<string, unknown[][]> = {},
): Runtime {
  const rt = createRuntime(opts);
  for (const [name, rows] of Object.entries(sheets)) rt.addSheet(name, rows);
  rt.loadSource(source);
  return rt;
}

/** A new empty folder under the OS temp folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rt-'));
}

/** Sets one formula per A1 cell. */
export function setFormulas(sheet: FakeSheet, formulas: Record<string, string>): void {
  for (const [a1, formula] of Object.entries(formulas)) sheet.getRange(a1).setFormula(formula);
}
