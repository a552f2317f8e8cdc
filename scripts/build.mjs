// Builds dist/: Code.js (the bundle + generated top-level stubs), appsscript.json, Sidebar.html.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';

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

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads the registry and entry points out of the bundle itself, and checks every entry. */
function readExports(code) {
  const context = vm.createContext({ console });
  vm.runInContext(`${code}\n;this.__SLA = SLA;`, context, { filename: 'Code.js' });
  const sla = context.__SLA;
  if (!sla || !Array.isArray(sla.customFunctions) || typeof sla.entryPoints !== 'object') {
    fail('the bundle must export customFunctions (array) and entryPoints (object)');
  }
  const seen = new Set();
  for (const fn of sla.customFunctions) {
    const where = `custom function ${JSON.stringify(fn.name)}`;
    if (!/^SLA_[A-Z][A-Z0-9_]*$/.test(fn.name ?? ''))
      fail(`${where}: names must look like SLA_NAME`);
    if (seen.has(fn.name)) fail(`${where} is registered twice`);
    seen.add(fn.name);
    if (!fn.description?.trim()) fail(`${where} has no description`);
    if (!fn.returns?.trim()) fail(`${where} does not say what it returns`);
    let optionalSeen = false;
    for (const p of fn.params) {
      if (!IDENT.test(p.name ?? ''))
        fail(`${where}: parameter ${JSON.stringify(p.name)} is not a valid name`);
      if (!p.description?.trim()) fail(`${where}: parameter ${p.name} has no description`);
      if (optionalSeen && !p.optional)
        fail(`${where}: required parameter ${p.name} comes after an optional one`);
      optionalSeen ||= p.optional;
    }
  }
  for (const [name, params] of Object.entries(sla.entryPoints)) {
    if (!IDENT.test(name) || seen.has(name))
      fail(`entry point ${JSON.stringify(name)} is not a valid, unique name`);
    if (typeof sla[name] !== 'function') fail(`entry point ${name} is listed but not exported`);
    if (!params.every((p) => IDENT.test(p)))
      fail(`entry point ${name} has an invalid parameter name`);
  }
  return { customFunctions: sla.customFunctions, entryPoints: sla.entryPoints };
}

const jsdocText = (s) => s.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();

function customFunctionStub(fn) {
  const names = fn.params.map((p) => p.name);
  const doc = [
    '/**',
    ` * ${jsdocText(fn.description)}`,
    ' *',
    ...fn.params.map(
      (p) =>
        ` * @param {${p.type === 'range' ? 'number|Array<Array<number>>' : p.type}} ${p.name} ${jsdocText(p.description)}`,
    ),
    ` * @return ${jsdocText(fn.returns)}`,
    ` * @example ${jsdocText(fn.example)}`,
    ' * @customfunction',
    ' */',
  ];
  return `${doc.join('\n')}\nfunction ${fn.name}(${names.join(', ')}) {\n  return SLA.runCustomFunction(${JSON.stringify(fn.name)}, [${names.join(', ')}]);\n}\n`;
}

function entryStub(name, params) {
  return `function ${name}(${params.join(', ')}) {\n  return SLA.${name}(${params.join(', ')});\n}\n`;
}

function checkOutput(code) {
  if (
    /(^|[^\w$'"])#[A-Za-z_$][\w$]*\s*[=;(]/.test(
      code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""'),
    )
  ) {
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
const code = `var SLA = (function (${BUILTINS.join(', ')}) {\n${bundled}return SLA;\n})(${BUILTINS.join(', ')});\n`;
checkOutput(code);
const { customFunctions, entryPoints } = readExports(code);
const stubs = [
  '// ---- Entry points and custom functions (generated from the registry by scripts/build.mjs) ----',
  ...Object.entries(entryPoints).map(([name, params]) => entryStub(name, params)),
  ...customFunctions.map(customFunctionStub),
].join('\n');

mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'Code.js'), `${code}\n${stubs}`);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
writeFileSync(join(dist, 'Sidebar.html'), await buildSidebar());
const kb = (readFileSync(join(dist, 'Code.js')).length / 1024).toFixed(1);
if (!process.argv.includes('--quiet')) {
  console.log(
    `built dist/Code.js (${kb} KB, ${customFunctions.length} custom functions, ${Object.keys(entryPoints).length} entry points), dist/Sidebar.html, dist/appsscript.json`,
  );
}
