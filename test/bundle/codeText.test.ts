import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../runtime/index.ts';
import { codeOnly, hasPrivateField } from '../../scripts/codeText.mjs';

/** The build's check for private class fields reads the code, never its texts. */

/** Code written with `%{` for a template's `${`, so that the test's own strings stay plain. */
const js = (code: string) => code.replaceAll('%{', '$' + '{');

describe('the code of a bundle without its texts', () => {
  it('blanks strings, template texts (nested too) and regular expressions', () => {
    expect(codeOnly(js('a="x\'#y=1";b=`it\'s %{c?`#d=%{e}`:"\'"} end`;f=/^[=+\'#]/.test(g)'))).toBe(
      'a="";b=""c?""e"":"""";f=/x/.test(g)',
    );
  });

  it('keeps a division apart from a regular expression', () => {
    expect(codeOnly('x=a/b;y=c/2')).toBe('x=a/b;y=c/2');
  });

  it('finds a private field in code, not in a text', () => {
    expect(hasPrivateField('class A{#n=1;get(){return this.#n}}')).toBe(true);
    expect(hasPrivateField(js('const u=`%{t}#gid=%{n}`;const s="it\'s #a=1";'))).toBe(false);
    expect(hasPrivateField(js("const r=/^[=+\\-@']/;const q=`%{n?` %{n}`:''}'s`;x.#y=2"))).toBe(
      true,
    );
  });

  it('passes the built bundle', () => {
    const code = readFileSync(join(REPO_ROOT, 'dist', 'Code.js'), 'utf8');
    expect(hasPrivateField(code)).toBe(false);
    // a bundle whose texts hold quotes and `#` after a nested template and an apostrophe
    expect(codeOnly(code)).not.toMatch(/held back: the memory of sent notices/);
  });
});
