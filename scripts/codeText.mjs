// The code of a bundle without its texts, for the build's checks of what Apps Script runs.

/** A `/` after this code starts a regular expression (not a division): after an operator. */
function startsRegex(before) {
  const prev = before.slice(-16).trimEnd();
  return prev === '' || /[(,=:[!&|?{};+\-*%<>~^]$|\b(?:return|typeof|case|in|of)$/.test(prev);
}

/** The index after a regular expression's closing `/` (its flags stay: they are letters). */
function regexEnd(code, from) {
  let i = from;
  let inClass = false;
  while (i < code.length) {
    const c = code[i];
    if (c === '/' && !inClass) return i + 1;
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    i += c === '\\' ? 2 : 1;
  }
  return i;
}

/**
 * The code with each string and each template's text replaced by `""`, the code inside a
 * template's `${…}` kept (templates nest: `a ${b ? `c` : ''} d`), each regular expression replaced
 * by `/x/`, so that a check of the code never reads a quote or a `#` inside a text.
 */
export function codeOnly(code) {
  let out = '';
  let i = 0;
  let depth = 0;
  const open = []; // the brace depth at which each template expression being read opened
  const templateText = () => {
    out += '""';
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') i += 2;
      else if (c === '`') return void i++;
      else if (c === '$' && code[i + 1] === '{') {
        i += 2;
        open.push(depth++);
        return;
      } else i++;
    }
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      out += '""';
      i = j + 1;
    } else if (c === '`') {
      i++;
      templateText();
    } else if (c === '/' && startsRegex(out)) {
      i = regexEnd(code, i + 1);
      out += '/x/';
    } else if (c === '}' && open.length && open[open.length - 1] === depth - 1) {
      i++;
      depth = open.pop();
      templateText();
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      out += c;
      i++;
    }
  }
  return out;
}

/** True when the code (not its texts) declares or uses a private class field (`#x`). */
export function hasPrivateField(code) {
  return /(^|[^\w$'"])#[A-Za-z_$][\w$]*\s*[=;(]/.test(codeOnly(code));
}
