// The custom-function registry and the entry points as the bundle exports them: checks, and
// the generated stubs.
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Every problem of the bundle's exports, as sentences; [] when all is well. The custom
 * functions, the entry points (listed ⇒ exported, with no more parameters than listed) and the
 * other way round: every exported function is an entry point or a declared helper, so a function
 * exported by hand, which Apps Script could not call, fails the build.
 */
export function registryProblems(sla) {
  if (!sla || !Array.isArray(sla.customFunctions) || !Array.isArray(sla.entryPoints)) {
    return ['the bundle must export customFunctions (array) and entryPoints (array)'];
  }
  const seen = new Set();
  const problems = customFunctionProblems(sla.customFunctions, seen);
  const entryNames = new Set(sla.entryPoints.map((e) => e?.name));
  problems.push(...entryPointProblems(sla, seen), ...exportProblems(sla, entryNames));
  return problems;
}

/** Adds each custom function's name to `seen`. */
function customFunctionProblems(customFunctions, seen) {
  const problems = [];
  for (const fn of customFunctions) {
    const where = `custom function ${JSON.stringify(fn.name)}`;
    if (!/^SLA_[A-Z][A-Z0-9_]*$/.test(fn.name ?? ''))
      problems.push(`${where}: names must look like SLA_NAME`);
    if (seen.has(fn.name)) problems.push(`${where} is registered twice`);
    seen.add(fn.name);
    if (!fn.description?.trim()) problems.push(`${where} has no description`);
    if (!fn.returns?.trim()) problems.push(`${where} does not say what it returns`);
    let optionalSeen = false;
    for (const p of fn.params ?? []) {
      if (!IDENT.test(p.name ?? ''))
        problems.push(`${where}: parameter ${JSON.stringify(p.name)} is not a valid name`);
      if (!p.description?.trim()) problems.push(`${where}: parameter ${p.name} has no description`);
      if (optionalSeen && !p.optional)
        problems.push(`${where}: required parameter ${p.name} comes after an optional one`);
      optionalSeen ||= Boolean(p.optional);
    }
  }
  return problems;
}

/** Entry point names must be new to `seen` (custom functions and earlier entries). */
function entryPointProblems(sla, seen) {
  const problems = [];
  for (const { name, params } of sla.entryPoints) {
    if (!IDENT.test(name ?? '') || seen.has(name))
      problems.push(`entry point ${JSON.stringify(name)} is not a valid, unique name`);
    seen.add(name);
    const run = sla[name];
    if (typeof run !== 'function') problems.push(`entry point ${name} is listed but not exported`);
    if (!Array.isArray(params) || !params.every((p) => IDENT.test(p)))
      problems.push(`entry point ${name} has an invalid parameter name`);
    else if (typeof run === 'function' && run.length > params.length)
      problems.push(
        `entry point ${name} takes ${run.length} parameters but its stub passes ${params.length}`,
      );
  }
  return problems;
}

function exportProblems(sla, entryNames) {
  const problems = [];
  const helpers = new Set(Array.isArray(sla.helpers) ? sla.helpers : []);
  for (const name of helpers) {
    if (typeof sla[name] !== 'function') problems.push(`helper ${name} is not exported`);
    if (entryNames.has(name)) problems.push(`${name} is both an entry point and a helper`);
  }
  for (const [name, value] of Object.entries(sla)) {
    if (typeof value === 'function' && !entryNames.has(name) && !helpers.has(name))
      problems.push(
        `exported function ${name} has no stub: add it to ENTRY_POINTS (or to the helpers when Apps Script never calls it)`,
      );
  }
  return problems;
}

const jsdocText = (s) => s.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();

/** The top-level function Sheets sees, with the JSDoc its autocomplete reads. */
export function customFunctionStub(fn) {
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

export function entryStub(name, params) {
  return `function ${name}(${params.join(', ')}) {\n  return SLA.${name}(${params.join(', ')});\n}\n`;
}
