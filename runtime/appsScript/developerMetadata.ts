/**
 * Developer metadata on sheets and on whole columns: key/value marks a script attaches, invisible
 * in the grid, kept when the sheet is renamed or moved and deleted with it. A column's mark moves
 * with its column when columns are inserted or deleted before it, and goes with the column.
 * `PROJECT` metadata is seen only by the project that created it; `DOCUMENT` metadata by every
 * project with access.
 */
import { type EnumValue, type Env, enumName, makeEnum } from './env.ts';
import { signatureError } from './signatureError.ts';

export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT'] as const);
export const DeveloperMetadataLocationType = makeEnum([
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
] as const);

type Visibility = keyof typeof DeveloperMetadataVisibility;

/** One mark as stored (plain data: what the offline state keeps). */
export interface MetadataItem {
  id: number;
  key: string;
  value: string | null;
  visibility: Visibility;
  /** The script project that created it (what PROJECT visibility compares). */
  project: string;
  /** 1-based column of a mark on a whole column; absent for a mark on the sheet. */
  column?: number;
}

/** Where a sheet keeps its marks, and who is asking. */
export interface MetadataHost {
  readonly env: Env;
  /** The sheet's marks, changed in place. */
  readonly items: MetadataItem[];
  /** The running script's project id. */
  project: string;
  nextId(): number;
  checkAlive(): void;
  /** The sheet, for `getLocation().getSheet()`. */
  sheet: unknown;
  /** The whole column as a Range, for `getLocation().getColumn()`. */
  columnRange(column: number): unknown;
}

/** Apps Script's refusal of a mark on anything but a sheet or a whole row or column. */
export const ARBITRARY_RANGE_MESSAGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

function visibilityOf(v: unknown, method: string, args: unknown[]): Visibility {
  const name = enumName(v);
  if (name === 'DOCUMENT' || name === 'PROJECT') return name;
  throw signatureError(method, args);
}

function isVisibility(v: unknown): boolean {
  return v !== null && typeof v === 'object' && ['DOCUMENT', 'PROJECT'].includes(String(v));
}

/** `(key)`, `(key, visibility)`, `(key, value)`, `(key, value, visibility)`, as Apps Script reads them. */
export function addMetadata(
  host: MetadataHost,
  method: string,
  args: unknown[],
  column?: number,
): MetadataItem {
  const [key, second, third] = args;
  if (typeof key !== 'string' || key === '' || args.length > 3) throw signatureError(method, args);
  let value: string | null = null;
  let visibility: Visibility = 'DOCUMENT';
  if (args.length === 2 && isVisibility(second)) visibility = visibilityOf(second, method, args);
  else if (args.length >= 2) {
    if (typeof second !== 'string') throw signatureError(method, args);
    value = second;
    if (args.length === 3) visibility = visibilityOf(third, method, args);
  }
  host.checkAlive();
  const item: MetadataItem = { id: host.nextId(), key, value, visibility, project: host.project };
  if (column !== undefined) item.column = column;
  host.items.push(item);
  return item;
}

/** The marks the running project may see, of the sheet (`'sheet'`), of columns, or all. */
export function visibleMetadata(
  host: MetadataHost,
  where: 'sheet' | 'all' | { from: number; to: number } = 'sheet',
): FakeDeveloperMetadata[] {
  return host.items
    .filter((m) => m.visibility === 'DOCUMENT' || m.project === host.project)
    .filter((m) =>
      where === 'all'
        ? true
        : where === 'sheet'
          ? m.column === undefined
          : m.column !== undefined && m.column >= where.from && m.column <= where.to,
    )
    .map((m) => new FakeDeveloperMetadata(host, m));
}

/**
 * Columns inserted (`n` > 0 at 0-based `at0`) or deleted (`n` < 0 from `at0`): the marks of the
 * columns after move with them, the marks of deleted columns go.
 */
export function shiftColumnMarks(items: MetadataItem[], at0: number, n: number): void {
  for (let i = items.length - 1; i >= 0; i--) {
    const m = items[i]!;
    if (m.column === undefined || m.column <= at0) continue;
    if (n < 0 && m.column <= at0 - n) items.splice(i, 1);
    else m.column += n;
  }
}

/** `sheet.createDeveloperMetadataFinder()`: the sheet's marks and its columns', filtered. */
export class FakeDeveloperMetadataFinder {
  private filters: Array<(m: FakeDeveloperMetadata) => boolean> = [];
  constructor(
    private readonly host: MetadataHost,
    private readonly env: Env,
  ) {}
  private add(method: string, filter: (m: FakeDeveloperMetadata) => boolean): this {
    this.env.touch(`DeveloperMetadataFinder.${method}`, 'read');
    this.filters.push(filter);
    return this;
  }
  withKey(key: string): this {
    return this.add('withKey', (m) => m.keyInternal() === key);
  }
  withValue(value: string): this {
    return this.add('withValue', (m) => m.valueInternal() === value);
  }
  withLocationType(type: unknown): this {
    const name = enumName(type);
    return this.add('withLocationType', (m) => m.locationTypeInternal() === name);
  }
  find(): FakeDeveloperMetadata[] {
    this.env.touch('DeveloperMetadataFinder.find', 'read');
    this.host.checkAlive();
    return visibleMetadata(this.host, 'all').filter((m) => this.filters.every((f) => f(m)));
  }
  toString(): string {
    return 'DeveloperMetadataFinder';
  }
}

export class FakeDeveloperMetadata {
  constructor(
    private readonly host: MetadataHost,
    private readonly item: MetadataItem,
  ) {}
  private touch(method: string, access: 'read' | 'write'): void {
    this.host.env.touch(`DeveloperMetadata.${method}`, access);
  }
  keyInternal(): string {
    return this.item.key;
  }
  valueInternal(): string | null {
    return this.item.value;
  }
  locationTypeInternal(): 'SHEET' | 'COLUMN' {
    return this.item.column === undefined ? 'SHEET' : 'COLUMN';
  }
  getId(): number {
    this.touch('getId', 'read');
    return this.item.id;
  }
  getKey(): string {
    this.touch('getKey', 'read');
    return this.item.key;
  }
  getValue(): string | null {
    this.touch('getValue', 'read');
    return this.item.value;
  }
  getVisibility(): EnumValue {
    this.touch('getVisibility', 'read');
    return DeveloperMetadataVisibility[this.item.visibility];
  }
  getLocation(): { getLocationType(): EnumValue; getSheet(): unknown; getColumn(): unknown } {
    this.touch('getLocation', 'read');
    const column = this.item.column;
    return {
      getLocationType: () => DeveloperMetadataLocationType[this.locationTypeInternal()],
      getSheet: () => (column === undefined ? this.host.sheet : null),
      getColumn: () => (column === undefined ? null : this.host.columnRange(column)),
    };
  }
  setKey(key: string): this {
    this.touch('setKey', 'write');
    if (typeof key !== 'string' || key === '')
      throw signatureError('DeveloperMetadata.setKey', [key]);
    this.item.key = key;
    return this;
  }
  setValue(value: string): this {
    this.touch('setValue', 'write');
    if (typeof value !== 'string') throw signatureError('DeveloperMetadata.setValue', [value]);
    this.item.value = value;
    return this;
  }
  setVisibility(visibility: unknown): this {
    this.touch('setVisibility', 'write');
    this.item.visibility = visibilityOf(visibility, 'DeveloperMetadata.setVisibility', [
      visibility,
    ]);
    return this;
  }
  remove(): void {
    this.touch('remove', 'write');
    const i = this.host.items.indexOf(this.item);
    if (i >= 0) this.host.items.splice(i, 1);
  }
  toString(): string {
    return 'DeveloperMetadata';
  }
}
