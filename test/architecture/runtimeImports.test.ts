/**
 * The runtime's imports: no circle among its files (a type-only import counts), and one
 * direction between its folders: the offline files (runtime/files) use the Apps Script emulator
 * (runtime/appsScript), never the other way round.
 */
import { describe, expect, it } from 'vitest';
import { importCircles, importsOf, sourceFiles } from './importGraph.ts';

const EMULATOR = 'runtime/appsScript';
const FILES = 'runtime/files';

describe('the runtime import graph', () => {
  it('has both folders', () => {
    expect(sourceFiles(EMULATOR).length).toBeGreaterThan(0);
    expect(sourceFiles(FILES).length).toBeGreaterThan(0);
  });

  it('has no import circle, type-only imports included', () => {
    expect(importCircles(sourceFiles('runtime'))).toEqual([]);
  });

  it('never has the emulator import the offline files', () => {
    const upward = sourceFiles(EMULATOR)
      .flatMap(importsOf)
      .filter((e) => e.to.startsWith(`${FILES}/`))
      .map((e) => `${e.from} imports ${e.to}`);
    expect(upward).toEqual([]);
  });

  it('never has a folder import the public entry (runtime/index.ts)', () => {
    const inward = [...sourceFiles(EMULATOR), ...sourceFiles(FILES)]
      .flatMap(importsOf)
      .filter((e) => e.to === 'runtime/index.ts')
      .map((e) => `${e.from} imports ${e.to}`);
    expect(inward).toEqual([]);
  });
});
