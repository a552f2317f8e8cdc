/**
 * `npm run deploy` (scripts/deploy.mjs) in a copy of the project, against a stub `clasp` first
 * on the PATH that records its arguments and the files clasp would push (its rootDir). The copy
 * builds its own dist/, so the real one, which other tests read, is never rewritten.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../runtime/index.ts';

// ESM: the copy's package.json says "type": "module"
const STUB = `#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
const project = JSON.parse(fs.readFileSync('.clasp.json', 'utf8'));
const dir = path.resolve(project.rootDir);
const files = fs.readdirSync(dir).sort().map((name) => ({
  name,
  text: fs.readFileSync(path.join(dir, name), 'utf8'),
}));
fs.writeFileSync(process.env.CLASP_STUB_LOG, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), files }));
`;

interface Pushed {
  args: string[];
  cwd: string;
  files: { name: string; text: string }[];
}

let project: string;
let bin: string;
const log = () => join(project, 'clasp-call.json');

function deploy(): { status: number | null; stderr: string; stdout: string } {
  rmSync(log(), { force: true });
  const r = spawnSync(process.execPath, [join(project, 'scripts', 'deploy.mjs')], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, CLASP_STUB_LOG: log() },
  });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'sla-deploy-'));
  for (const dir of ['scripts'])
    cpSync(join(REPO_ROOT, dir), join(project, dir), { recursive: true });
  for (const dir of ['src', 'sidebar', 'node_modules'])
    symlinkSync(join(REPO_ROOT, dir), join(project, dir), 'dir');
  for (const file of ['appsscript.json', 'package.json', '.clasp.json.example'])
    cpSync(join(REPO_ROOT, file), join(project, file));
  bin = join(project, 'stub-bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'clasp'), STUB);
  chmodSync(join(bin, 'clasp'), 0o755);
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('npm run deploy', () => {
  it('says how to set the project up when .clasp.json is missing, and pushes nothing', () => {
    const r = deploy();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no \.clasp\.json/);
    expect(r.stderr).toContain('cp .clasp.json.example .clasp.json');
    expect(r.stderr).toContain('npx clasp create --type sheets');
    expect(r.stderr).toContain('npx clasp create --type standalone');
    expect(existsSync(log())).toBe(false);
  });

  it('refuses the example file until a Script ID is pasted in', () => {
    cpSync(join(project, '.clasp.json.example'), join(project, '.clasp.json'));
    const r = deploy();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no Script ID yet/);
    expect(existsSync(log())).toBe(false);
  });

  it('builds, then runs clasp push --force on exactly the three built files', () => {
    writeFileSync(
      join(project, '.clasp.json'),
      JSON.stringify({ scriptId: '1abcDEF', rootDir: 'dist' }),
    );
    const r = deploy();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pushed = JSON.parse(readFileSync(log(), 'utf8')) as Pushed;
    expect(pushed.args).toEqual(['push', '--force']);
    expect(pushed.cwd).toBe(project);
    expect(pushed.files.map((f) => f.name)).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
    const byName = new Map(pushed.files.map((f) => [f.name, f.text]));
    // the fresh build of this copy, with its generated stubs and manifest
    expect(byName.get('Code.js')).toMatch(/\nfunction onOpen\(e\) \{/);
    expect(byName.get('Code.js')).toMatch(
      /\nfunction SLA_SCORE\(header_row, lead_rows, settings_version, as_of\)/,
    );
    expect(JSON.parse(byName.get('appsscript.json')!)).toEqual(
      JSON.parse(readFileSync(join(REPO_ROOT, 'appsscript.json'), 'utf8')),
    );
    expect(byName.get('Sidebar.html')).toMatch(/^<!doctype html>/i);
  });

  it('refuses to push a dist/ holding files the build did not write', () => {
    writeFileSync(join(project, 'dist', 'macros.js'), 'function old() {}');
    const r = deploy();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/dist\/ holds macros\.js besides the build/);
    expect(existsSync(log())).toBe(false);
    rmSync(join(project, 'dist', 'macros.js'));
  });

  it('refuses a rootDir other than dist', () => {
    writeFileSync(
      join(project, '.clasp.json'),
      JSON.stringify({ scriptId: '1abcDEF', rootDir: 'src' }),
    );
    const r = deploy();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/"rootDir" is "src"; it must be "dist"/);
    expect(existsSync(log())).toBe(false);
  });
});
