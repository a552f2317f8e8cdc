// The custom-function registry as the bundle exports it: checks, and the generated stubs.
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Every problem of the exported registry and entry points, as sentences; [] when all is well. */
export function registryProblems(sla) {
  if (!sla || !Array.isArray(sla.customFunctions) || typeof sla.entryPoints !== 'object') {
    return ['the bundle must export customFunctions (array) and entryPoints (object)'];
  }
  const problems = [];
  const seen = new Set();
  for (const fn of sla.customFunctions) {
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
  for (const [name, params] of Object.entries(sla.entryPoints)) {
    if (!IDENT.test(name) || seen.has(name))
      problems.push(`entry point ${JSON.stringify(name)} is not a valid, unique name`);
    if (typeof sla[name] !== 'function')
      problems.push(`entry point ${name} is listed but not exported`);
    if (!Array.isArray(params) || !params.every((p) => IDENT.test(p)))
      problems.push(`entry point ${name} has an invalid parameter name`);
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
