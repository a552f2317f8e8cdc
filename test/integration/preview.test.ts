/**
 * `npm run preview -- export.csv`: the sidebar's server calls through the preview bridge on the
 * user's own export, Save writing the settings file, and `npm start` using it next.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../runtime/index.ts';
import { UsageError } from '../../scripts/cli.ts';
import { type PreviewServer, startPreviewServer } from '../../scripts/preview.ts';
import {
  openPreviewRuntime,
  parsePreviewArgs,
  writeSettingsOnSave,
} from '../../scripts/previewCli.ts';
import type { Settings } from '../../src/core/settings/index.ts';
import type {
  CheckOutcome,
  SidebarPreviewResult,
  SidebarState,
} from '../../src/sidebarContract.ts';
import { exportRows, HUBSPOT } from '../fixtures/crmExports.ts';

const dir = mkdtempSync(join(tmpdir(), 'sla-preview-'));
const csv = join(dir, 'hubspot-contacts.csv');
const OPTIONS = ['--tz', 'Europe/Paris', '--now', '2026-11-23T10:00'];
const servers: PreviewServer[] = [];

function csvText(rows: unknown[][]): string {
  const cell = (v: unknown): string => {
    const t = String(v ?? '');
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
writeFileSync(csv, csvText(exportRows(HUBSPOT)));

afterAll(async () => {
  for (const s of servers) await s.close();
});

/** Calls a server function through the bridge, as the sidebar page does. */
async function call<T>(server: PreviewServer, name: string, ...args: unknown[]): Promise<T> {
  const res = await fetch(`${server.url}run/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: string };
  if (!body.ok) throw new Error(body.error);
  return body.value as T;
}

async function openPreview(settingsPath: string, lines: string[] = []) {
  const run = parsePreviewArgs([csv, '--settings', settingsPath, ...OPTIONS]);
  const runtime = await openPreviewRuntime(run);
  const server = await startPreviewServer({
    port: 0,
    runtime,
    afterCall: writeSettingsOnSave(run, (line) => lines.push(line)),
  });
  servers.push(server);
  return { run, server, lines };
}

describe('npm run preview on an export', { timeout: 120_000 }, () => {
  const settingsPath = join(dir, 'settings.json');

  it('opens the export, and Save writes the settings file npm start reads', async () => {
    const before = readFileSync(csv, 'utf8');
    const { run, server, lines } = await openPreview(settingsPath);
    expect(run.settingsLoaded).toBe(false);
    const loaded = await call<SidebarState>(server, 'sidebarLoad');
    expect(loaded.sheetNames).toEqual(['hubspot-contacts']);
    const settings: Settings = loaded.settings;
    const preview = await call<SidebarPreviewResult>(
      server,
      'sidebarPreview',
      JSON.stringify(settings),
    );
    expect(preview.sheetName).toBe('hubspot-contacts');
    const elsewhere = { ...settings, mapping: { ...settings.mapping, sheetName: 'Nope' } };
    const none = await call<SidebarPreviewResult>(
      server,
      'sidebarPreview',
      JSON.stringify(elsewhere),
    );
    expect(none.sheetName).toBeNull();
    expect(none.sheetMessage).toMatch(/a sheet named "Nope", and there is none/);
    const unknown = preview.fields.stageValues.filter((v) => v.meaning === null);
    expect(unknown.map((v) => v.value)).toEqual(['Qualifying?']);
    // The user maps the unknown status and saves.
    settings.mapping.stageValues = { 'Qualifying?': 'Lead' };
    await call(server, 'sidebarSave', JSON.stringify(settings));
    const written = JSON.parse(readFileSync(settingsPath, 'utf8')) as Settings;
    expect(written.mapping.stageValues).toEqual({ 'Qualifying?': 'Lead' });
    expect(lines).toEqual([
      `Saved the settings to ${settingsPath}. Run the add-in with them: npm start -- ${csv} --settings ${settingsPath}`,
    ]);
    // The export is only read.
    expect(readFileSync(csv, 'utf8')).toBe(before);
    // What the check says before the file is used, in the preview's own runtime…
    const unmapped = await openPreviewRuntime(
      parsePreviewArgs([csv, '--settings', join(dir, 'none.json'), ...OPTIONS]),
    );
    const without = unmapped.call('checkLeadsNow') as CheckOutcome;
    // the unknown status does not block its row: timed as an open lead, listed to map
    expect(without.counts['Check data']).toBe(1);
    expect(without.extras.unmapped).toBe(1);
    expect(without.read?.unmapped).toEqual([
      { header: 'Lead Status', value: 'Qualifying?', rows: 1 },
    ]);
    // …and npm start with it: the mapped status is no longer listed as not mapped.
    const out = join(dir, 'result.xlsx');
    const start = spawnSync(
      join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
      [
        join(REPO_ROOT, 'scripts', 'start.ts'),
        csv,
        '--settings',
        settingsPath,
        '--out',
        out,
        ...OPTIONS,
      ],
      { encoding: 'utf8', cwd: REPO_ROOT, timeout: 120_000 },
    );
    expect(start.status, start.stderr).toBe(0);
    expect(start.stdout).toMatch(/^\s+Check data\s+1$/m);
    expect(start.stdout).not.toContain('Not mapped');
    expect(existsSync(out)).toBe(true);
  });

  it('opens again with the saved file', async () => {
    const { run, server } = await openPreview(settingsPath);
    expect(run.settingsLoaded).toBe(true);
    const loaded = await call<SidebarState>(server, 'sidebarLoad');
    expect(loaded.settings.mapping.stageValues).toEqual({ 'Qualifying?': 'Lead' });
  });

  it('says when the settings file cannot be written, and Save fails', async () => {
    const { server } = await openPreview(join(dir, 'no-such-folder', 'settings.json'));
    const { settings } = await call<SidebarState>(server, 'sidebarLoad');
    await expect(call(server, 'sidebarSave', JSON.stringify(settings))).rejects.toThrow(
      /could not write .*no-such-folder.*settings\.json/,
    );
  });

  it('refuses options that have no use here and a bad settings file', async () => {
    expect(() => parsePreviewArgs([csv, '--out', 'x.xlsx'])).toThrow(
      /--out is for npm start: the preview writes only the settings file/,
    );
    expect(() => parsePreviewArgs([csv, '--json'])).toThrow(UsageError);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version": 3, "handoff": ');
    await expect(
      openPreviewRuntime(parsePreviewArgs([csv, '--settings', bad, ...OPTIONS])),
    ).rejects.toThrow(/bad\.json is not valid JSON/);
  });
});
