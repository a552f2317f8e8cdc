/**
 * Local preview of the sidebar: serves dist/Sidebar.html with `google.script.run` bridged to our
 * in-memory Apps Script runtime running dist/Code.js on a workbook.
 *
 *   npm run preview                       → the example workbook, http://127.0.0.1:5178/
 *   npm run preview -- export.csv [--sheet NAME] [--settings settings.json] [--tz ZONE]
 *                      [--locale xx_XX] [--now YYYY-MM-DDTHH:MM]
 *
 * On your own workbook (scripts/previewCli.ts): the file is only read; Save writes the settings
 * file (default settings.json) for `npm start -- export.csv --settings settings.json`.
 * PORT=… changes the port (0 = any free one). `/` shows the sidebar in a 300 px frame beside a
 * mock sheet; `/sidebar` is the page itself. Like Apps Script, only JSON values cross the
 * bridge: a Date argument or result is an error, delivered to the failure handler as an
 * `Error` with its message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Cell,
  createRuntime,
  REPO_ROOT,
  type Runtime,
  runtimeFromXlsx,
} from '../runtime/index.ts';
import { errorText } from '../src/core/common/errors.ts';
import { UsageError } from './cli.ts';
import {
  openPreviewRuntime,
  PREVIEW_USAGE,
  type PreviewRun,
  parsePreviewArgs,
  shownPath,
  writeSettingsOnSave,
} from './previewCli.ts';

export interface PreviewOptions {
  /** Port to listen on; 0 picks a free one (default: PORT env or 5178). */
  port?: number;
  host?: string;
  /** Use this runtime (already loaded) instead of building one. */
  runtime?: Runtime;
  /**
   * Workbook to load (default examples/example.xlsx when it exists). `null`: a new workbook set
   * up by `setUpWorkbook` with 12 sample leads (what the tests use: known counts).
   */
  workbook?: string | null;
  /** Folder holding Code.js and Sidebar.html (default dist/). */
  distDir?: string;
  /** Runs after each server call that succeeded; what it throws fails the call. */
  afterCall?: (name: string, value: unknown) => void;
}

export interface PreviewServer {
  url: string;
  /** URL of the sidebar page itself (what the tests open). */
  sidebarUrl: string;
  runtime: Runtime;
  close(): Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;

/** Sample leads for a workbook without data, keyed by canonical header. */
function sampleLeads(now: Date): Array<Record<string, unknown>> {
  const daysAgo = (d: number, h = 10): Date => {
    const t = new Date(now.getTime() - d * 86_400_000);
    t.setUTCHours(h - 1, 0, 0, 0);
    return t;
  };
  const base = [
    [
      'Alice Martin',
      'Acme',
      'Head of Marketing',
      250,
      'Software',
      'France',
      'yes',
      4,
      'yes',
      3,
      2,
      'Hot',
    ],
    [
      'Bruno Petit',
      'Globex',
      'Marketing director',
      800,
      'Services',
      'Belgium',
      'no',
      2,
      'yes',
      1,
      5,
      '',
    ],
    ['Chloé Durand', 'Initech', 'Student', 5, 'Education', 'France', 'yes', 1, 'no', 0, 1, 'Cold'],
    [
      'David Roux',
      'Umbrella',
      'CEO',
      120,
      'Manufacturing',
      'Switzerland',
      'no',
      3,
      'no',
      2,
      10,
      'Warm',
    ],
    ['Emma Leroy', 'Hooli', 'Sales manager', 2000, 'Software', 'Canada', 'no', 0, 'yes', 4, 40, ''],
    ['Farid Benali', 'Vandelay', 'VP Sales', 60, 'Services', 'France', 'no', 5, 'yes', 3, 3, 'Hot'],
    ['Gaëlle Morel', 'Stark', 'Engineer', 40, 'Retail', 'Spain', 'no', 0, 'no', 0, 90, ''],
    [
      'Hugo Blanc',
      'Wayne',
      'IT director',
      400,
      'Manufacturing',
      'France',
      'no',
      1,
      'no',
      2,
      7,
      'Warm',
    ],
    [
      'Inès Garnier',
      'Wonka',
      'Head of Sales',
      150,
      'Software',
      'Belgium',
      'yes',
      6,
      'yes',
      5,
      0,
      'Hot',
    ],
    ['Jules Faure', 'Tyrell', 'Consultant', 20, 'Services', 'Germany', 'no', 2, 'no', 1, 20, ''],
    ['Karine Dupont', 'Cyberdyne', 'CMO', 900, 'Software', 'France', 'no', 3, 'yes', 2, 12, 'Warm'],
    ['Louis Mercier', 'Soylent', 'Job seeker', 0, 'Food', 'France', 'no', 0, 'no', 0, 60, 'Cold'],
  ] as const;
  const owners = [
    'Sophie',
    'Marc',
    'Sophie',
    'Nadia',
    '',
    'Marc',
    '',
    'Nadia',
    'Sophie',
    '',
    'Marc',
    '',
  ];
  return base.map((r, i) => ({
    'Lead ID': `L-${String(i + 1).padStart(4, '0')}`,
    Name: r[0],
    Company: r[1],
    Email: `${r[0].split(' ')[0]!.toLowerCase()}@${r[1].toLowerCase()}.example`,
    Source: ['Website', 'Webinar', 'LinkedIn', 'Referral'][i % 4],
    Owner: owners[i],
    Priority: r[11],
    Stage: 'Lead',
    'Created at': daysAgo(r[10] + 5),
    'Job title': r[2],
    'Company size': r[3],
    Industry: r[4],
    Country: r[5],
    'Demo request': r[6],
    'Pricing page visits': r[7],
    Webinar: r[8],
    'Email clicks': r[9],
    'Last activity at': daysAgo(r[10], 15),
  }));
}

/** A runtime with Code.js loaded on the example workbook, or a set-up workbook with sample leads. */
export async function createPreviewRuntime(opts: PreviewOptions = {}): Promise<Runtime> {
  const distDir = opts.distDir ?? join(REPO_ROOT, 'dist');
  const example =
    opts.workbook === null ? null : (opts.workbook ?? join(REPO_ROOT, 'examples', 'example.xlsx'));
  if (example !== null && existsSync(example)) {
    const rt = await runtimeFromXlsx(example, { distDir });
    rt.load();
    return rt;
  }
  const rt = createRuntime({ distDir });
  rt.load();
  rt.call('setUpWorkbook');
  // Plain workbook data in and out: no service call is counted for the sample rows.
  const book = rt.toWorkbook();
  const leads = book.sheets.find((sh) => sh.name === 'Leads');
  if (leads) {
    const headers = (leads.values[0] ?? []).map((h) => String(h));
    const rows = sampleLeads(rt.now()).map((lead) => headers.map((h) => (lead[h] ?? '') as Cell));
    leads.values = [leads.values[0] ?? [], ...rows];
    rt.loadWorkbook(book);
  }
  return rt;
}

/** The client half of the bridge: defines `google.script.run` like HtmlService does. */
function bridgeScript(names: string[]): string {
  return `(function () {
  var NAMES = ${JSON.stringify(names)};
  function check(value, where) {
    if (value === null) return;
    var t = typeof value;
    if (t === 'string' || t === 'boolean') return;
    if (t === 'number') { if (!isFinite(value)) throw new Error(where + ' is not a finite number'); return; }
    if (t === 'undefined') return;
    if (Object.prototype.toString.call(value) === '[object Date]')
      throw new Error(where + ' is a Date: google.script.run cannot pass Date values, send an ISO string');
    if (t === 'function') throw new Error(where + ' is a function: google.script.run cannot pass it');
    if (Array.isArray(value)) { for (var i = 0; i < value.length; i++) check(value[i], where + '[' + i + ']'); return; }
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
      throw new Error(where + ' is not a plain object: google.script.run cannot pass it');
    for (var k in value) check(value[k], where + '.' + k);
  }
  function runner(success, failure, user) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, failure, user); },
      withFailureHandler: function (f) { return runner(success, f, user); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    NAMES.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        function fail(message) {
          var e = new Error(message);
          if (failure) failure(e, user); else console.error('google.script.run.' + name + ' failed:', e);
        }
        try { for (var i = 0; i < args.length; i++) check(args[i], name + ' argument ' + (i + 1)); }
        catch (e) { setTimeout(function () { fail(e.message); }, 0); return; }
        fetch('/run/' + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args)
        }).then(function (res) { return res.json(); }).then(function (res) {
          if (res.ok) { if (success) success(res.value, user); }
          else fail(res.error);
        }, function (e) { fail('The preview server did not answer: ' + (e && e.message || e)); });
      };
    });
    return r;
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { close: function () { window.close(); }, setHeight: function () {}, setWidth: function () {},
            editor: { focus: function () {} } }
  } };
})();`;
}

function framePage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SLA Sheets preview</title>
<style>
html,body{margin:0;height:100%;font:13px Roboto,Arial,sans-serif;background:#f8f9fa}
.wrap{display:flex;height:100%}
.sheet{flex:1;display:flex;align-items:center;justify-content:center;color:#5f6368}
.side{width:300px;display:flex;flex-direction:column;border-left:1px solid #dadce0;background:#fff;box-shadow:-1px 0 4px rgba(60,64,67,.15)}
.side header{padding:12px 16px;font-size:16px;color:#202124;border-bottom:1px solid #dadce0}
iframe{flex:1;border:0;width:300px}
</style></head><body><div class="wrap"><div class="sheet">Spreadsheet (preview: the sidebar runs on the local runtime)</div>
<div class="side"><header>SLA Sheets</header><iframe src="/sidebar" title="SLA Sheets sidebar"></iframe></div></div></body></html>`;
}

function hasDate(value: unknown, seen = new Set<unknown>()): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value as Record<string, unknown>).some((v) => hasDate(v, seen));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request too large'));
        req.destroy();
        return;
      }
      parts.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

export async function startPreviewServer(opts: PreviewOptions = {}): Promise<PreviewServer> {
  const distDir = opts.distDir ?? join(REPO_ROOT, 'dist');
  const sidebarPath = join(distDir, 'Sidebar.html');
  if (!existsSync(sidebarPath)) {
    throw new Error(`${sidebarPath} not found: run "npm run build" first`);
  }
  const runtime = opts.runtime ?? (await createPreviewRuntime({ ...opts, distDir }));
  const callable = new Set(runtime.globalNames());

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      send(res, 200, 'text/html; charset=utf-8', framePage());
      return;
    }
    if (req.method === 'GET' && (url.pathname === '/sidebar' || url.pathname === '/Sidebar.html')) {
      const html = readFileSync(sidebarPath, 'utf8');
      const bridge = `<script>${bridgeScript([...callable])}</script>`;
      const page = html.includes('</head>')
        ? html.replace('</head>', () => `${bridge}\n</head>`)
        : bridge + html;
      send(res, 200, 'text/html; charset=utf-8', page);
      return;
    }
    const run = /^\/run\/([A-Za-z_$][\w$]*)$/.exec(url.pathname);
    if (req.method === 'POST' && run) {
      const name = run[1]!;
      readBody(req)
        .then((body) => {
          let args: unknown;
          try {
            args = JSON.parse(body || '[]');
          } catch {
            throw new Error('The arguments are not valid JSON');
          }
          if (!Array.isArray(args)) throw new Error('The arguments must be a JSON array');
          if (!callable.has(name)) throw new Error(`Script function not found: ${name}`);
          const value = runtime.call(name, ...args);
          if (hasDate(value)) {
            throw new Error(
              `${name} returned a Date: google.script.run cannot carry Date values (return an ISO string)`,
            );
          }
          opts.afterCall?.(name, value);
          send(res, 200, 'application/json', JSON.stringify({ ok: true, value: value ?? null }));
        })
        .catch((error: unknown) => {
          send(
            res,
            200,
            'application/json',
            JSON.stringify({ ok: false, error: errorText(error) }),
          );
        });
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  });

  const port = opts.port ?? Number(process.env.PORT ?? 5178);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}/`;
  return {
    url,
    sidebarUrl: `${url}sidebar`,
    runtime,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(PREVIEW_USAGE);
    return;
  }
  let run: PreviewRun;
  let runtime: Runtime;
  try {
    run = parsePreviewArgs(argv);
    runtime = await openPreviewRuntime(run);
  } catch (error) {
    console.error(`npm run preview failed: ${errorText(error)}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
    return;
  }
  const preview = await startPreviewServer({ runtime, afterCall: writeSettingsOnSave(run) });
  console.log(`SLA Sheets sidebar on ${shownPath(run.options.input)}`);
  console.log(`  ${preview.url}  (sidebar alone: ${preview.sidebarUrl})`);
  console.log(
    run.settingsLoaded
      ? `  Opened with the settings in ${shownPath(run.settingsPath)}; Save writes them back there.`
      : `  Save writes the settings to ${shownPath(run.settingsPath)}.`,
  );
  console.log('  The workbook is only read, never written. Ctrl-C to stop.');
  const stop = (): void => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) await main();
