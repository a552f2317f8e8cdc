/**
 * Small, exact edits of OOXML parts as text: elements found by name (with the part's namespace
 * prefix, if it uses one), attributes read and set. Everything outside an edit stays byte for
 * byte as the file had it.
 */
import { unescapeXml } from './xlsxPackage.ts';

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The namespace prefix of a part's root element (`x:` or ''). */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<(\\w+:)?${root}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

/**
 * Unprefixed elements (as ExcelJS writes them) in the prefix of the part they go into
 * (`<font>` → `<x:font>` in a file whose root is `<x:styleSheet>`).
 */
export function withPrefix(xml: string, prefix: string): string {
  return prefix === '' ? xml : xml.replace(/<(\/?)(?=\w)/g, `<$1${prefix}`);
}

/** Every `<p:name ...>...</p:name>` or `<p:name .../>` element (no nesting of the same name). */
export function elementPattern(prefix: string, name: string): RegExp {
  const tag = `${prefix}${name}`;
  return new RegExp(`<${tag}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g');
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The elements of that name, in order, with where they are. */
export function elements(xml: string, prefix: string, name: string, from = 0, to = xml.length) {
  const re = elementPattern(prefix, name);
  re.lastIndex = from;
  const out: Span[] = [];
  for (let m = re.exec(xml); m !== null && m.index < to; m = re.exec(xml))
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

export function firstElement(xml: string, prefix: string, name: string): Span | null {
  return elements(xml, prefix, name)[0] ?? null;
}

/** The start tag of an element (`<c r="A1" s="2">`). */
export const startTag = (element: string): string => /^<[^>]*>/.exec(element)?.[0] ?? element;

const attributePatterns = new Map<string, { read: RegExp; find: RegExp }>();

/** The patterns of an attribute, compiled once per name (splices ask millions of times). */
function patternsOf(name: string): { read: RegExp; find: RegExp } {
  let p = attributePatterns.get(name);
  if (!p) {
    p = { read: new RegExp(`\\s${name}="([^"]*)"`), find: new RegExp(`\\s${name}="[^"]*"`) };
    attributePatterns.set(name, p);
  }
  return p;
}

/** An attribute of a start tag (unescaped), or null. */
export function attribute(tag: string, name: string): string | null {
  const m = patternsOf(name).read.exec(startTag(tag));
  return m ? unescapeXml(m[1]!) : null;
}

/** The element with an attribute of its start tag set (null removes it). */
export function withAttribute(element: string, name: string, value: string | null): string {
  const tag = startTag(element);
  const rest = element.slice(tag.length);
  const re = patternsOf(name).find;
  let next: string;
  if (value === null) next = tag.replace(re, '');
  else if (re.test(tag)) next = tag.replace(re, ` ${name}="${escapeXml(value)}"`);
  else next = tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
  return next + rest;
}

/** The text with each span replaced (spans in order, not overlapping). */
export function replaceSpans(xml: string, edits: readonly { span: Span; by: string }[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const { span, by } of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    parts.push(xml.slice(at, span.start), by);
    at = span.end;
  }
  parts.push(xml.slice(at));
  return parts.join('');
}

/**
 * Where an element that must come before any of `followers` goes (CT_Worksheet's order), given
 * as the names of the elements that may follow it: before the first one present, else before
 * the root's end tag.
 */
export function insertionPoint(
  xml: string,
  prefix: string,
  root: string,
  followers: readonly string[],
): number {
  let at = xml.lastIndexOf(`</${prefix}${root}>`);
  for (const name of followers) {
    const found = firstElement(xml, prefix, name);
    if (found && found.start < at) at = found.start;
  }
  return at;
}
