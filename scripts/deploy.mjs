// npm run deploy: builds dist/ and pushes it, without a prompt, to the Apps Script project that
// .clasp.json names. Stops with what to do when the project is not set up.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLACEHOLDER = 'PASTE_YOUR_SCRIPT_ID_HERE';
/** What the build writes, and all that may be pushed: a push replaces the whole project. */
const BUILT = ['Code.js', 'Sidebar.html', 'appsscript.json'];

const SET_UP = [
  'Set it up once, from the project folder:',
  '  - a script bound to a spreadsheet you have: cp .clasp.json.example .clasp.json, then paste its',
  '    Script ID (in the spreadsheet: Extensions > Apps Script > Project Settings) in place of',
  `    ${PLACEHOLDER};`,
  '  - a new spreadsheet with its bound script:',
  '    npx clasp create --type sheets --title "SLA Sheets" --rootDir dist',
  '  - a standalone project, to publish as an editor add-on:',
  '    npx clasp create --type standalone --title "SLA Sheets" --rootDir dist',
  'then run npm run deploy again.',
];

function fail(...lines) {
  console.error(`deploy: ${lines.join('\n')}`);
  process.exit(1);
}

/** The project .clasp.json names; stops with the way to set it up when it cannot be used. */
function readProject() {
  const path = join(root, '.clasp.json');
  if (!existsSync(path))
    fail('no .clasp.json: clasp does not know which project to push to.', ...SET_UP);
  let project;
  try {
    project = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`.clasp.json is not valid JSON (${error.message}).`, ...SET_UP);
  }
  const scriptId = typeof project?.scriptId === 'string' ? project.scriptId.trim() : '';
  if (scriptId === '' || scriptId === PLACEHOLDER)
    fail('.clasp.json has no Script ID yet.', ...SET_UP);
  const dir = project.rootDir ?? project.srcDir ?? '.';
  if (normalize(String(dir)).replace(/[\\/]+$/, '') !== 'dist')
    fail(`.clasp.json: "rootDir" is "${dir}"; it must be "dist", the folder the build writes.`);
  return scriptId;
}

function build() {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) fail('the build failed: nothing was pushed.');
}

/** dist/ must hold the build and nothing else (clasp create or clone may pull other files). */
function checkDist() {
  const files = readdirSync(join(root, 'dist')).filter((f) => !f.startsWith('.'));
  const extra = files.filter((f) => !BUILT.includes(f));
  if (extra.length) {
    fail(
      `dist/ holds ${extra.join(', ')} besides the build (pulled by clasp create or clone?).`,
      'A push replaces the whole Apps Script project with dist/: delete them and run npm run deploy again.',
    );
  }
  const missing = BUILT.filter((f) => !files.includes(f));
  if (missing.length) fail(`the build did not write ${missing.join(', ')}: nothing was pushed.`);
}

function push(scriptId) {
  console.log(`deploy: pushing ${BUILT.join(', ')} to script ${scriptId}`);
  // --force: overwrite the project's manifest without asking (with no terminal, clasp would
  // take the question as a no and push nothing).
  const result = spawnSync('clasp', ['push', '--force'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) fail(`cannot run clasp (${result.error.message}): run npm install first.`);
  if (result.status !== 0) fail('clasp push failed (see above). Logged in? npx clasp login');
}

const scriptId = readProject();
build();
checkDist();
push(scriptId);
