/** The code with its strings, templates' texts and regular expressions blanked. */
export function codeOnly(code: string): string;
/** True when the code (not its texts) declares or uses a private class field (`#x`). */
export function hasPrivateField(code: string): boolean;
