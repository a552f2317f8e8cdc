import { describe, expect, it } from 'vitest';
import {
  customFunctionStub,
  type ExportedEntryPoint,
  type ExportedFunction,
  entryStub,
  registryProblems,
} from '../../scripts/registry.mjs';

const good: ExportedFunction = {
  name: 'SLA_GOOD',
  description: 'Does a good thing.',
  returns: 'a number',
  example: 'SLA_GOOD(1)',
  params: [
    { name: 'value', description: 'The value.', optional: false, list: false, type: 'number' },
    { name: 'mode', description: 'Optional. How.', optional: true, list: false, type: 'string' },
  ],
};
/** A bundle's exports; entry points written `{ name: params }`, in order. */
const bundle = (
  customFunctions: unknown[],
  entryPoints: Record<string, string[]> = {},
  extra = {},
) => ({
  customFunctions,
  entryPoints: Object.entries(entryPoints).map(
    ([name, params]): ExportedEntryPoint => ({ name, params }),
  ),
  ...extra,
});
const noop = (): undefined => undefined;

describe('the build refuses a bad registry', () => {
  it('accepts a good one', () => {
    expect(
      registryProblems(bundle([good], { onOpen: ['e'] }, { onOpen: () => undefined })),
    ).toEqual([]);
  });

  it('names each problem', () => {
    const problems = registryProblems(
      bundle(
        [
          { ...good, name: 'sla_lower' },
          good,
          good,
          { ...good, name: 'SLA_NODOC', description: ' ', returns: '' },
          {
            ...good,
            name: 'SLA_ORDER',
            params: [
              { ...good.params[1]!, name: 'first' },
              { ...good.params[0]!, name: 'second' },
            ],
          },
          {
            ...good,
            name: 'SLA_PARAM',
            params: [{ ...good.params[0]!, name: 'bad-name', description: '' }],
          },
        ],
        { showSidebar: [], SLA_GOOD: [] },
      ),
    );
    expect(problems).toEqual([
      'custom function "sla_lower": names must look like SLA_NAME',
      'custom function "SLA_GOOD" is registered twice',
      'custom function "SLA_NODOC" has no description',
      'custom function "SLA_NODOC" does not say what it returns',
      'custom function "SLA_ORDER": required parameter second comes after an optional one',
      'custom function "SLA_PARAM": parameter "bad-name" is not a valid name',
      'custom function "SLA_PARAM": parameter bad-name has no description',
      'entry point showSidebar is listed but not exported',
      'entry point "SLA_GOOD" is not a valid, unique name',
      'entry point SLA_GOOD is listed but not exported',
    ]);
  });

  it('says what the bundle must export', () => {
    expect(registryProblems({})).toEqual([
      'the bundle must export customFunctions (array) and entryPoints (array)',
    ]);
  });

  it('refuses an entry point listed twice, or under a custom function name', () => {
    const entries = [
      { name: 'onOpen', params: ['e'] },
      { name: 'onOpen', params: [] },
      { name: 'SLA_GOOD', params: [] },
    ];
    const problems = registryProblems({
      customFunctions: [good],
      entryPoints: entries,
      onOpen: noop,
      SLA_GOOD: noop,
    });
    expect(problems).toEqual([
      'entry point "onOpen" is not a valid, unique name',
      'entry point "SLA_GOOD" is not a valid, unique name',
    ]);
  });

  it('refuses a run that takes more parameters than its stub passes', () => {
    const problems = registryProblems(
      bundle(
        [],
        { setMonitoring: ['on'], onOpen: ['e'] },
        {
          setMonitoring: (_on: unknown, _minutes: unknown) => undefined,
          onOpen: noop,
        },
      ),
    );
    expect(problems).toEqual([
      'entry point setMonitoring takes 2 parameters but its stub passes 1',
    ]);
  });

  it('refuses an exported function that is neither an entry point nor a declared helper', () => {
    const problems = registryProblems(
      bundle(
        [good],
        { onOpen: ['e'] },
        {
          onOpen: noop,
          runCustomFunction: noop,
          handWritten: noop,
          checkHooks: { beforeWrite: null },
          helpers: ['runCustomFunction'],
        },
      ),
    );
    expect(problems).toEqual([
      'exported function handWritten has no stub: add it to ENTRY_POINTS (or to the helpers when Apps Script never calls it)',
    ]);
  });

  it('refuses a helper that is missing or shadows an entry point', () => {
    const problems = registryProblems(
      bundle([], { onOpen: ['e'] }, { onOpen: noop, helpers: ['onOpen', 'gone'] }),
    );
    expect(problems).toEqual([
      'onOpen is both an entry point and a helper',
      'helper gone is not exported',
    ]);
  });

  it('writes an entry stub that passes its parameters on', () => {
    expect(entryStub('sidebarSetMonitoring', ['on', 'minutes'])).toBe(
      'function sidebarSetMonitoring(on, minutes) {\n  return SLA.sidebarSetMonitoring(on, minutes);\n}\n',
    );
  });

  it('keeps the JSDoc safe from descriptions that would close the comment', () => {
    const stub = customFunctionStub({ ...good, description: 'Ends */ early' });
    expect(stub).toContain('Ends * / early');
    expect(stub.match(/\*\//g)).toHaveLength(1);
  });
});
