/**
 * Tiny DOM helpers. User text only ever goes through text nodes, `value` or attributes:
 * nothing here parses HTML.
 */

export type Child = Node | string | number | null | undefined | false;
type Listener = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>;

/** Creates an element: `on*` keys add listeners, `value`/`checked` are set as properties. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  let value: string | undefined;
  let checked: boolean | undefined;
  for (const [key, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), v);
    } else if (key === 'value') {
      value = String(v);
    } else if (key === 'checked') {
      checked = Boolean(v);
    } else if (key === 'class') {
      el.className = String(v);
    } else {
      el.setAttribute(key, v === true ? '' : String(v));
    }
  }
  append(el, children);
  if (value !== undefined) (el as HTMLInputElement).value = value;
  if (checked !== undefined) (el as HTMLInputElement).checked = checked;
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of an element. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let nextId = 0;
/** A unique element id for label/aria wiring. */
export function uid(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}
