// Builds dist/: Code.js (the bundle + generated top-level stubs), appsscript.json, Sidebar.html.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { hasPrivateField } from './codeText.mjs';
import { customFunctionStub, entryStub, registryProblems } from './registry.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function fail(message) {
  console.error(`build failed: ${message}`);
  process.exit(1);
}

async function bundle(entry, options) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    ...options,
  }).catch((error) => fail(error.message));
  return result.outputFiles[0].text;
}

/** Reads the registry and entry points out of the bundle itself, and checks every entry. */
function readExports(code) {
  const context = vm.createContext({ console });
  vm.runInContext(`${code}\n;this.__SLA = SLA;`, context, { filename: 'Code.js' });
  const sla = context.__SLA;
  const problems = registryProblems(sla);
  if (problems.length) fail(`bad registry:\n  - ${problems.join('\n  - ')}`);
  return { customFunctions: sla.customFunctions, entryPoints: sla.entryPoints };
}

function checkOutput(code) {
  if (hasPrivateField(code)) {
    fail('the bundle contains a private class field (#x), which Apps Script does not support');
  }
}

async function buildSidebar() {
  const template = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  const script = await bundle('sidebar/main.ts', { format: 'iife' });
  const css = existsSync(join(root, 'sidebar/style.css'))
    ? readFileSync(join(root, 'sidebar/style.css'), 'utf8')
    : '';
  if (!template.includes('/*STYLE*/') || !template.includes('/*SCRIPT*/'))
    fail('sidebar/index.html needs /*STYLE*/ and /*SCRIPT*/ markers');
  // Function replacers: the bundle may contain `$&`-like sequences.
  return template
    .replace('/*STYLE*/', () => css)
    .replace('/*SCRIPT*/', () => script.replace(/<\/script/gi, '<\\/script'));
}

/**
 * The bundle reads the standard built-ins through parameters bound once at load. In Apps Script
 * this changes nothing; in node:vm (our runtime) every global lookup goes through the context's
 * interceptors and costs ~10x more, which would make our measurements of the add-in misleading.
 */
const BUILTINS = [
  'Math',
  'Object',
  'Array',
  'Number',
  'String',
  'JSON',
  'Error',
  'RegExp',
  'Map',
  'Set',
  'Symbol',
  'Date',
  'isNaN',
  'parseFloat',
];
const bundled = await bundle('src/main.ts', { format: 'iife', globalName: 'SLA' });
// src/main.ts exports one object (its default export): that object is the global `SLA`.
const code = `var SLA = (function (${BUILTINS.join(', ')}) {\n${bundled}return SLA.default;\n})(${BUILTINS.join(', ')});\n`;
checkOutput(code);
const { customFunctions, entryPoints } = readExports(code);
const stubs = [
  '// ---- Entry points and custom functions (generated from the registry by scripts/build.mjs) ----',
  ...entryPoints.map(({ name, params }) => entryStub(name, params)),
  ...customFunctions.map(customFunctionStub),
].join('\n');

mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'Code.js'), `${code}\n${stubs}`);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
writeFileSync(join(dist, 'Sidebar.html'), await buildSidebar());
const kb = (readFileSync(join(dist, 'Code.js')).length / 1024).toFixed(1);
if (!process.argv.includes('--quiet')) {
  console.log(
    `built dist/Code.js (${kb} KB, ${customFunctions.length} custom functions, ${entryPoints.length} entry points), dist/Sidebar.html, dist/appsscript.json`,
  );
}
