import { describe, expect, it } from 'vitest';
import {
  customFunctionStub,
  type ExportedFunction,
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
const bundle = (
  customFunctions: unknown[],
  entryPoints: Record<string, string[]> = {},
  extra = {},
) => ({
  customFunctions,
  entryPoints,
  ...extra,
});

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
      'the bundle must export customFunctions (array) and entryPoints (object)',
    ]);
  });

  it('keeps the JSDoc safe from descriptions that would close the comment', () => {
    const stub = customFunctionStub({ ...good, description: 'Ends */ early' });
    expect(stub).toContain('Ends * / early');
    expect(stub.match(/\*\//g)).toHaveLength(1);
  });
});
