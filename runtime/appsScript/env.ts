/** Shared state of one runtime: clock, call counting, execution (auth) mode, realm helpers. */

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/**
 * What a service method needs:
 * - read: reads the bound spreadsheet
 * - write: changes the spreadsheet (or anything a custom function may not do)
 * - ui: builds menus / shows UI (allowed in NONE for menus)
 * - uiShow: shows dialogs, toasts, sidebars
 * - propsRead / propsWrite: PropertiesService
 * - service: Lock, Cache (no authorization needed, but not in NONE)
 * - trigger: ScriptApp triggers (full authorization)
 * - free: Logger, Utilities, enums
 */
export type Access =
  | 'read'
  | 'write'
  | 'ui'
  | 'uiShow'
  | 'propsRead'
  | 'propsWrite'
  | 'service'
  | 'trigger'
  | 'mail'
  | 'free';

export class CallCounter {
  total = 0;
  byMethod: Record<string, number> = {};

  count(method: string): void {
    this.total++;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
  }

  reset(): void {
    this.total = 0;
    this.byMethod = {};
  }

  /** Calls of one method (0 when never called). */
  of(method: string): number {
    return this.byMethod[method] ?? 0;
  }

  /** Sum of calls whose method name starts with one of the prefixes (e.g. `Range.`). */
  countPrefix(...prefixes: string[]): number {
    let n = 0;
    for (const [k, v] of Object.entries(this.byMethod)) {
      if (prefixes.some((p) => k.startsWith(p))) n += v;
    }
    return n;
  }

  /** Calls to SpreadsheetApp, Spreadsheet, Sheet and Range methods (what costs round trips). */
  get sheets(): number {
    return this.countPrefix('SpreadsheetApp.', 'Spreadsheet.', 'Sheet.', 'Range.');
  }
}

export interface Execution {
  id: number;
  mode: AuthModeName;
}

/** Copies values into the realm of the running script (identity when no script runs). */
export interface Realm {
  /** Deep copy of arrays and plain objects; Dates, primitives and other objects kept. */
  copy<T>(value: T): T;
  /** A new array of length n in that realm. */
  array<U>(n: number): U[];
}

export const hostRealm: Realm = {
  copy: <T>(value: T): T => hostCopy(value),
  array: <U>(n: number): U[] => new Array<U>(n),
};

/** Deep copy into the host realm (arrays and plain objects rebuilt; Dates and others kept). */
export function hostCopy<T>(value: T): T {
  return (copyGrid(value) ?? deepCopy(value, new Map())) as T;
}

/** Fast path for what crosses most often: a 2-D array of cell values (no nesting, no cycles). */
function copyGrid(value: unknown): unknown[][] | null {
  if (!Array.isArray(value)) return null;
  const out: unknown[][] = new Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row)) return null;
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (
        v !== null &&
        typeof v === 'object' &&
        Object.prototype.toString.call(v) !== '[object Date]'
      )
        return null;
    }
    out[i] = row.slice();
  }
  return out;
}

function deepCopy(value: unknown, seen: Map<unknown, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(deepCopy(v, seen));
    return out;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  const isPlain =
    proto === null ||
    (typeof proto === 'object' &&
      proto !== null &&
      Object.getPrototypeOf(proto) === null &&
      Object.prototype.toString.call(value) === '[object Object]');
  if (!isPlain) return value;
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[k] = deepCopy(v, seen);
  return out;
}

export class PermissionError extends Error {}

/** Apps Script's message when an execution passes its time limit (6 minutes). */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/**
 * A failure a test plants: the `after + 1`-th call of `method` throws `message` (once), or, with
 * `kill`, ends the execution there as the time limit does: that call and every later service
 * call of the same execution throw, so nothing the script does afterwards reaches the services.
 */
export interface PlannedFault {
  method: string;
  after: number;
  kill: boolean;
  message: string;
  /** Calls of `method` count only once this method has been called (a write after a send). */
  armedBy?: string;
}

export class Env {
  readonly calls = new CallCounter();
  readonly logs: string[] = [];
  readonly logEntries: { level: string; message: string }[] = [];
  private stack: Execution[] = [];
  private nextExecId = 1;
  realm: Realm = hostRealm;
  /** Milliseconds the scripts "slept" (Utilities.sleep) or waited on locks. */
  sleptMs = 0;
  /** The Google account running the scripts (Session's users; triggers belong to one). */
  user = 'user@example.com';
  private fixedNow: number | null = null;
  private nowFn: (() => Date) | null;
  private faults: Array<PlannedFault & { seen: number; armed: boolean }> = [];
  /** The executions cut off by a planted time limit (see PlannedFault). */
  private killed = new Set<number>();

  constructor(now?: () => Date) {
    this.nowFn = now ?? null;
  }

  now(): Date {
    if (this.fixedNow !== null) return new Date(this.fixedNow);
    if (this.nowFn) return new Date(this.nowFn().getTime());
    return new Date();
  }

  nowMs(): number {
    return this.now().getTime();
  }

  setNow(d: Date): void {
    this.fixedNow = d.getTime();
  }

  advance(ms: number): void {
    this.fixedNow = this.nowMs() + ms;
  }

  get execution(): Execution | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  get mode(): AuthModeName {
    return this.execution?.mode ?? 'FULL';
  }

  /** Id of the running execution; 0 = the host (test code outside any call). */
  get executionId(): number {
    return this.execution?.id ?? 0;
  }

  begin(mode: AuthModeName): Execution {
    const ex = { id: this.nextExecId++, mode };
    this.stack.push(ex);
    return ex;
  }

  end(ex: Execution): void {
    const i = this.stack.lastIndexOf(ex);
    if (i >= 0) this.stack.splice(i, 1);
    this.killed.delete(ex.id);
  }

  /** Plants a failure (see PlannedFault); it applies to the next matching calls of any execution. */
  plantFault(fault: PlannedFault): void {
    this.faults.push({ ...fault, seen: 0, armed: fault.armedBy === undefined });
  }

  private checkFaults(method: string): void {
    const id = this.executionId;
    if (this.killed.has(id)) throw new Error(TIME_LIMIT_MESSAGE);
    for (const f of this.faults) {
      if (f.method === method && f.armed) f.seen++;
      if (f.armedBy === method) f.armed = true;
    }
    const fault = this.faults.find((f) => f.method === method && f.seen > f.after);
    if (!fault) return;
    this.faults.splice(this.faults.indexOf(fault), 1);
    if (fault.kill) this.killed.add(id);
    throw new Error(fault.message);
  }

  /** Counts the call and enforces the restrictions of the running execution's auth mode. */
  touch(method: string, access: Access): void {
    this.calls.count(method);
    if (this.faults.length > 0 || this.killed.size > 0) this.checkFaults(method);
    if (access === 'free') return;
    const mode = this.mode;
    if (mode === 'FULL') return;
    if (mode === 'NONE') {
      if (access === 'ui') return;
      throw deny(method);
    }
    if (mode === 'LIMITED') {
      if (access === 'trigger' || access === 'mail') throw deny(method);
      return;
    }
    // CUSTOM_FUNCTION
    if (access === 'read' || access === 'propsRead' || access === 'service') return;
    if (access === 'ui' || access === 'uiShow') {
      if (method === 'SpreadsheetApp.getUi')
        throw new PermissionError('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    throw deny(method);
  }

  log(level: string, message: string): void {
    this.logs.push(message);
    this.logEntries.push({ level, message });
  }
}

function deny(method: string): PermissionError {
  return new PermissionError(`You do not have permission to call ${method}`);
}

/** Apps Script enum value: an object that prints as its name. */
export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
  ordinal(): number;
}

/** Class (not a plain object) so that deep copies keep enum identity. */
class AppsScriptEnum implements EnumValue {
  constructor(
    private readonly key: string,
    private readonly index: number,
  ) {}
  name(): string {
    return this.key;
  }
  toString(): string {
    return this.key;
  }
  toJSON(): string {
    return this.key;
  }
  ordinal(): number {
    return this.index;
  }
}

export function makeEnum<K extends string>(keys: readonly K[]): Readonly<Record<K, EnumValue>> {
  const out = {} as Record<K, EnumValue>;
  keys.forEach((k, i) => {
    out[k] = Object.freeze(new AppsScriptEnum(k, i));
  });
  return Object.freeze(out);
}

export function enumName(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object') return String(v);
  return String(v);
}
