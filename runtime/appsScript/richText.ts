/**
 * Rich text: SpreadsheetApp.newRichTextValue() / newTextStyle(), RichTextValue and TextStyle.
 * A cell's rich text lives in the sheet's `richTexts` layer; its plain text is the cell value.
 */
import { DEFAULT_FONT_COLOR, normalizeColor } from './cells.ts';
import { signatureError } from './signatureError.ts';

/** A text style; null means "not set" (the cell's style applies, or the runs differ). */
export interface TextStyleData {
  bold: boolean | null;
  italic: boolean | null;
  underline: boolean | null;
  strikethrough: boolean | null;
  fontSize: number | null;
  fontFamily: string | null;
  foregroundColor: string | null;
}

const UNSET: TextStyleData = {
  bold: null,
  italic: null,
  underline: null,
  strikethrough: null,
  fontSize: null,
  fontFamily: null,
  foregroundColor: null,
};

const STYLE_KEYS = Object.keys(UNSET) as (keyof TextStyleData)[];

export class FakeTextStyle {
  constructor(readonly data: TextStyleData = UNSET) {}
  isBold(): boolean | null {
    return this.data.bold;
  }
  isItalic(): boolean | null {
    return this.data.italic;
  }
  isUnderline(): boolean | null {
    return this.data.underline;
  }
  isStrikethrough(): boolean | null {
    return this.data.strikethrough;
  }
  getFontSize(): number | null {
    return this.data.fontSize;
  }
  getFontFamily(): string | null {
    return this.data.fontFamily;
  }
  getForegroundColor(): string | null {
    return this.data.foregroundColor;
  }
  copy(): FakeTextStyleBuilder {
    return new FakeTextStyleBuilder({ ...this.data });
  }
  toString(): string {
    return 'TextStyle';
  }
}

export class FakeTextStyleBuilder {
  constructor(private readonly d: TextStyleData = { ...UNSET }) {}
  setBold(bold: boolean | null): this {
    this.d.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.d.italic = italic;
    return this;
  }
  setUnderline(underline: boolean | null): this {
    this.d.underline = underline;
    return this;
  }
  setStrikethrough(strikethrough: boolean | null): this {
    this.d.strikethrough = strikethrough;
    return this;
  }
  setFontSize(size: number | null): this {
    this.d.fontSize = size;
    return this;
  }
  setFontFamily(family: string | null): this {
    this.d.fontFamily = family;
    return this;
  }
  setForegroundColor(color: string | null): this {
    this.d.foregroundColor = color === null ? null : normalizeColor(color, DEFAULT_FONT_COLOR);
    return this;
  }
  build(): FakeTextStyle {
    return new FakeTextStyle({ ...this.d });
  }
}

/** One run: [start, end) of the text with one style and one link. */
export interface TextRun {
  start: number;
  end: number;
  style: TextStyleData;
  link: string | null;
}

function sameStyle(a: TextStyleData, b: TextStyleData): boolean {
  return STYLE_KEYS.every((k) => a[k] === b[k]);
}

/** The style shared by every run; a property that differs between runs is null. */
function commonStyle(runs: readonly TextRun[]): TextStyleData {
  const first = runs[0]?.style ?? UNSET;
  const out = { ...first };
  for (const k of STYLE_KEYS) {
    if (runs.some((r) => r.style[k] !== first[k])) (out as Record<string, unknown>)[k] = null;
  }
  return out;
}

/** Merges adjacent runs with the same style and link; drops empty runs. */
function normalizeRuns(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (r.end <= r.start) continue;
    const last = out[out.length - 1];
    if (last && last.end === r.start && last.link === r.link && sameStyle(last.style, r.style)) {
      last.end = r.end;
    } else out.push({ ...r, style: { ...r.style } });
  }
  return out;
}

export class FakeRichTextValue {
  readonly runs: readonly TextRun[];

  constructor(
    readonly text: string,
    runs: readonly TextRun[],
    private readonly offset = 0,
  ) {
    this.runs = normalizeRuns(runs);
  }

  /** Runs overlapping [start, end), clipped to it. */
  private slice(start: number, end: number): TextRun[] {
    return this.runs
      .filter((r) => r.end > start && r.start < end)
      .map((r) => ({ ...r, start: Math.max(r.start, start), end: Math.min(r.end, end) }));
  }

  private checkOffsets(method: string, start: number, end: number): void {
    if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end > this.text.length)
      throw signatureError(`SpreadsheetApp.RichTextValue.${method}`, [start, end]);
  }

  getText(): string {
    return this.text;
  }
  getStartIndex(): number {
    return this.offset;
  }
  getEndIndex(): number {
    return this.offset + this.text.length;
  }
  /** The link of the whole text (or of [start, end)), null when none or when links differ. */
  getLinkUrl(start?: number, end?: number): string | null {
    const s = start ?? 0;
    const e = end ?? this.text.length;
    if (start !== undefined) this.checkOffsets('getLinkUrl', s, e);
    const runs = this.slice(s, e);
    const covered = runs.reduce((n, r) => n + r.end - r.start, 0);
    const first = runs[0]?.link ?? null;
    if (first === null || covered < e - s || runs.some((r) => r.link !== first)) return null;
    return first;
  }
  getTextStyle(start?: number, end?: number): FakeTextStyle {
    const s = start ?? 0;
    const e = end ?? this.text.length;
    if (start !== undefined) this.checkOffsets('getTextStyle', s, e);
    return new FakeTextStyle(commonStyle(this.slice(s, e)));
  }
  /** The longest substrings with one style and link each, as RichTextValues. */
  getRuns(): FakeRichTextValue[] {
    return this.runs.map(
      (r) =>
        new FakeRichTextValue(
          this.text.slice(r.start, r.end),
          [{ start: 0, end: r.end - r.start, style: r.style, link: r.link }],
          r.start,
        ),
    );
  }
  copy(): FakeRichTextValueBuilder {
    return new FakeRichTextValueBuilder(this.text, this.runs);
  }
  toString(): string {
    return 'RichTextValue';
  }
}

export class FakeRichTextValueBuilder {
  private runs: TextRun[];

  constructor(
    private text = '',
    runs: readonly TextRun[] = [],
  ) {
    this.runs = runs.map((r) => ({ ...r, style: { ...r.style } }));
  }

  setText(text: string): this {
    this.text = String(text);
    this.runs = [];
    return this;
  }

  /** Applies `change` to [start, end): splits the runs at both ends first. */
  private apply(start: number, end: number, change: (r: TextRun) => void): this {
    const n = this.text.length;
    const cuts = new Set<number>([0, n, start, end]);
    for (const r of this.runs) cuts.add(r.start).add(r.end);
    const points = [...cuts].filter((p) => p >= 0 && p <= n).sort((a, b) => a - b);
    const next: TextRun[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const s = points[i]!;
      const e = points[i + 1]!;
      const owner = this.runs.find((r) => r.start <= s && r.end >= e);
      const run: TextRun = {
        start: s,
        end: e,
        style: { ...(owner?.style ?? UNSET) },
        link: owner?.link ?? null,
      };
      if (s >= start && e <= end) change(run);
      next.push(run);
    }
    this.runs = next;
    return this;
  }

  private range(method: string, args: unknown[]): [number, number] {
    if (args.length === 1) return [0, this.text.length];
    const [s, e] = args;
    if (typeof s !== 'number' || typeof e !== 'number' || s < 0 || e > this.text.length || s > e)
      throw signatureError(`SpreadsheetApp.RichTextValueBuilder.${method}`, args);
    return [s, e];
  }

  /** setTextStyle(style) | setTextStyle(start, end, style) */
  setTextStyle(...args: unknown[]): this {
    const style = args[args.length - 1];
    if (!(style instanceof FakeTextStyle))
      throw signatureError('SpreadsheetApp.RichTextValueBuilder.setTextStyle', args);
    const [s, e] = this.range('setTextStyle', args);
    return this.apply(s, e, (r) => {
      for (const k of STYLE_KEYS) {
        const v = style.data[k];
        if (v !== null) (r.style as unknown as Record<string, unknown>)[k] = v;
      }
    });
  }

  /** setLinkUrl(url) | setLinkUrl(start, end, url) */
  setLinkUrl(...args: unknown[]): this {
    const url = args[args.length - 1];
    const link = url === null || url === undefined || url === '' ? null : String(url);
    const [s, e] = this.range('setLinkUrl', args);
    return this.apply(s, e, (r) => {
      r.link = link;
    });
  }

  build(): FakeRichTextValue {
    const n = this.text.length;
    const runs =
      this.runs.length > 0 ? this.runs : [{ start: 0, end: n, style: UNSET, link: null }];
    return new FakeRichTextValue(this.text, runs);
  }
}

/** The rich text Sheets reports for a plain text cell: one run in the cell's own style. */
export function plainRichText(text: string, style: Partial<TextStyleData>): FakeRichTextValue {
  return new FakeRichTextValue(text, [
    { start: 0, end: text.length, style: { ...UNSET, ...style }, link: null },
  ]);
}

export const UNSET_TEXT_STYLE = UNSET;
