/** Fake Apps Script services other than the spreadsheet model. */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format as utilFormat } from 'node:util';
import type { EnumValue, Env } from './env.ts';
import { enumName, makeEnum } from './env.ts';
import { isDate } from './format.ts';
import { formatJavaDate, parseJavaDate } from './formatDate.ts';
import {
  BooleanCriteria,
  ChartType,
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  type FakeSpreadsheet,
  signatureError,
} from './spreadsheet.ts';
import { FakeUi, type UiRecorder } from './ui.ts';

// ---------------------------------------------------------------------------------------
// PropertiesService

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class FakeProperties {
  readonly map = new Map<string, string>();

  constructor(
    private readonly env: Env,
    private readonly label: string,
  ) {}

  private total(extraKey?: string, extraValue?: string): number {
    let n = 0;
    for (const [k, v] of this.map) if (k !== extraKey) n += byteLength(k) + byteLength(v);
    if (extraKey !== undefined && extraValue !== undefined)
      n += byteLength(extraKey) + byteLength(extraValue);
    return n;
  }

  private put(key: unknown, value: unknown): void {
    if (key === null || key === undefined) throw new Error('Invalid argument: key');
    const k = String(key);
    const v = String(value);
    if (byteLength(v) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
    if (this.total(k, v) > PROPERTY_STORE_LIMIT) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.map.set(k, v);
  }

  getProperty(key: string): string | null {
    this.env.touch(`Properties.getProperty`, 'propsRead');
    return this.map.get(String(key)) ?? null;
  }

  setProperty(key: string, value: unknown): this {
    this.env.touch('Properties.setProperty', 'propsWrite');
    this.put(key, value);
    return this;
  }

  getProperties(): Record<string, string> {
    this.env.touch('Properties.getProperties', 'propsRead');
    return this.env.realm.copy(Object.fromEntries(this.map));
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    this.env.touch('Properties.setProperties', 'propsWrite');
    if (properties === null || typeof properties !== 'object') {
      throw signatureError('PropertiesService.Properties.setProperties', [properties]);
    }
    const entries = Object.entries(properties);
    for (const [, v] of entries) {
      if (byteLength(String(v)) > PROPERTY_VALUE_LIMIT)
        throw new Error('Argument too large: value');
    }
    if (deleteAllOthers) this.map.clear();
    for (const [k, v] of entries) this.put(k, v);
    return this;
  }

  deleteProperty(key: string): this {
    this.env.touch('Properties.deleteProperty', 'propsWrite');
    this.map.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.env.touch('Properties.deleteAllProperties', 'propsWrite');
    this.map.clear();
    return this;
  }

  getKeys(): string[] {
    this.env.touch('Properties.getKeys', 'propsRead');
    return this.env.realm.copy([...this.map.keys()]);
  }

  toString(): string {
    return `Properties(${this.label})`;
  }
}

export class FakePropertiesService {
  constructor(
    private readonly env: Env,
    private readonly stores: {
      document: FakeProperties;
      script: FakeProperties;
      user: FakeProperties;
    },
  ) {}
  getDocumentProperties(): FakeProperties {
    this.env.touch('PropertiesService.getDocumentProperties', 'propsRead');
    return this.stores.document;
  }
  getScriptProperties(): FakeProperties {
    this.env.touch('PropertiesService.getScriptProperties', 'propsRead');
    return this.stores.script;
  }
  getUserProperties(): FakeProperties {
    this.env.touch('PropertiesService.getUserProperties', 'propsRead');
    return this.stores.user;
  }
}

// ---------------------------------------------------------------------------------------
// LockService

/** Who holds one lock scope: an execution id, a negative id for "another execution", or null. */
export class LockState {
  holder: number | null = null;
  /** Total milliseconds scripts asked to wait on this lock while it was held elsewhere. */
  waitedMs = 0;
  attempts = 0;
}

export const EXTERNAL_HOLDER = -1;

export class FakeLock {
  constructor(
    private readonly env: Env,
    private readonly state: LockState,
    private readonly onAcquire: (state: LockState) => void,
  ) {}

  private acquire(): boolean {
    const me = this.env.executionId;
    this.state.attempts++;
    if (this.state.holder === null || this.state.holder === me) {
      this.state.holder = me;
      this.onAcquire(this.state);
      return true;
    }
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.env.touch('Lock.tryLock', 'service');
    if (typeof timeoutInMillis !== 'number')
      throw signatureError('LockService.Lock.tryLock', [timeoutInMillis]);
    if (this.acquire()) return true;
    this.state.waitedMs += timeoutInMillis;
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    this.env.touch('Lock.waitLock', 'service');
    if (typeof timeoutInMillis !== 'number')
      throw signatureError('LockService.Lock.waitLock', [timeoutInMillis]);
    if (this.acquire()) return;
    this.state.waitedMs += timeoutInMillis;
    throw new Error('Lock timeout: another process was holding the lock for too long.');
  }

  releaseLock(): void {
    this.env.touch('Lock.releaseLock', 'service');
    if (this.state.holder === this.env.executionId) this.state.holder = null;
  }

  hasLock(): boolean {
    this.env.touch('Lock.hasLock', 'service');
    return this.state.holder === this.env.executionId;
  }
}

export class FakeLockService {
  constructor(
    private readonly env: Env,
    private readonly states: { document: LockState; script: LockState; user: LockState },
    private readonly onAcquire: (state: LockState) => void,
  ) {}
  getDocumentLock(): FakeLock {
    this.env.touch('LockService.getDocumentLock', 'service');
    return new FakeLock(this.env, this.states.document, this.onAcquire);
  }
  getScriptLock(): FakeLock {
    this.env.touch('LockService.getScriptLock', 'service');
    return new FakeLock(this.env, this.states.script, this.onAcquire);
  }
  getUserLock(): FakeLock {
    this.env.touch('LockService.getUserLock', 'service');
    return new FakeLock(this.env, this.states.user, this.onAcquire);
  }
}

// ---------------------------------------------------------------------------------------
// CacheService

export class FakeCache {
  private readonly map = new Map<string, { value: string; expires: number }>();
  constructor(private readonly env: Env) {}

  private live(key: string): string | null {
    const e = this.map.get(key);
    if (!e) return null;
    if (e.expires <= this.env.nowMs()) {
      this.map.delete(key);
      return null;
    }
    return e.value;
  }

  private store(key: string, value: unknown, ttl?: number): void {
    const v = String(value);
    if (key.length > 250) throw new Error('Argument too large: key');
    if (byteLength(v) > 100 * 1024) throw new Error('Argument too large: value');
    const seconds = Math.min(Math.max(ttl ?? 600, 1), 21600);
    this.map.set(key, { value: v, expires: this.env.nowMs() + seconds * 1000 });
  }

  get(key: string): string | null {
    this.env.touch('Cache.get', 'service');
    return this.live(String(key));
  }
  getAll(keys: string[]): Record<string, string> {
    this.env.touch('Cache.getAll', 'service');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.live(String(k));
      if (v !== null) out[k] = v;
    }
    return this.env.realm.copy(out);
  }
  put(key: string, value: unknown, expirationInSeconds?: number): void {
    this.env.touch('Cache.put', 'service');
    this.store(String(key), value, expirationInSeconds);
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    this.env.touch('Cache.putAll', 'service');
    for (const [k, v] of Object.entries(values)) this.store(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.env.touch('Cache.remove', 'service');
    this.map.delete(String(key));
  }
  removeAll(keys: string[]): void {
    this.env.touch('Cache.removeAll', 'service');
    for (const k of keys) this.map.delete(String(k));
  }
}

export class FakeCacheService {
  constructor(
    private readonly env: Env,
    private readonly caches: { document: FakeCache; script: FakeCache; user: FakeCache },
  ) {}
  getDocumentCache(): FakeCache {
    this.env.touch('CacheService.getDocumentCache', 'service');
    return this.caches.document;
  }
  getScriptCache(): FakeCache {
    this.env.touch('CacheService.getScriptCache', 'service');
    return this.caches.script;
  }
  getUserCache(): FakeCache {
    this.env.touch('CacheService.getUserCache', 'service');
    return this.caches.user;
  }
}

// ---------------------------------------------------------------------------------------
// ScriptApp

export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const TriggerSource = makeEnum([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
] as const);
export const EventType = makeEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
export const WeekDay = makeEnum([
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const);

export interface TriggerData {
  uid: string;
  handler: string;
  eventType: string;
  source: string;
  sourceId: string | null;
  /** Clock schedule (time-based triggers). */
  schedule: {
    everyMinutes?: number;
    everyHours?: number;
    everyDays?: number;
    everyWeeks?: number;
    atHour?: number;
    nearMinute?: number;
    onMonthDay?: number;
    onWeekDay?: string;
    at?: Date;
    after?: number;
    timezone?: string;
  };
}

export class FakeTrigger {
  constructor(
    private readonly env: Env,
    readonly data: TriggerData,
  ) {}
  getHandlerFunction(): string {
    this.env.touch('Trigger.getHandlerFunction', 'free');
    return this.data.handler;
  }
  getUniqueId(): string {
    this.env.touch('Trigger.getUniqueId', 'free');
    return this.data.uid;
  }
  getEventType(): EnumValue {
    this.env.touch('Trigger.getEventType', 'free');
    return EventType[this.data.eventType as keyof typeof EventType];
  }
  getTriggerSource(): EnumValue {
    this.env.touch('Trigger.getTriggerSource', 'free');
    return TriggerSource[this.data.source as keyof typeof TriggerSource];
  }
  getTriggerSourceId(): string | null {
    this.env.touch('Trigger.getTriggerSourceId', 'free');
    return this.data.sourceId;
  }
  toString(): string {
    return 'Trigger';
  }
}

export interface TriggerRules {
  /** Add-on limits: one time-based trigger per user per document, at most hourly. */
  addOn: boolean;
  /** Total triggers per user per script (Apps Script: 20). */
  maxTriggers: number;
}

const MINUTE_VALUES = [1, 5, 10, 15, 30];
const HOUR_VALUES = [1, 2, 4, 6, 8, 12];

export class FakeClockTriggerBuilder {
  private readonly schedule: TriggerData['schedule'] = {};
  constructor(
    private readonly env: Env,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  private touch(name: string): void {
    this.env.touch(`ClockTriggerBuilder.${name}`, 'trigger');
  }
  everyMinutes(n: number): this {
    this.touch('everyMinutes');
    if (!MINUTE_VALUES.includes(n)) {
      throw new Error('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    }
    this.schedule.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this {
    this.touch('everyHours');
    if (!HOUR_VALUES.includes(n)) {
      throw new Error('The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.');
    }
    this.schedule.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    this.touch('everyDays');
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: everyDays');
    this.schedule.everyDays = n;
    return this;
  }
  everyWeeks(n: number): this {
    this.touch('everyWeeks');
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: everyWeeks');
    this.schedule.everyWeeks = n;
    return this;
  }
  atHour(hour: number): this {
    this.touch('atHour');
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    this.schedule.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    this.touch('nearMinute');
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw new Error('Invalid argument: minute');
    this.schedule.nearMinute = minute;
    return this;
  }
  onMonthDay(day: number): this {
    this.touch('onMonthDay');
    if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error('Invalid argument: day');
    this.schedule.onMonthDay = day;
    return this;
  }
  onWeekDay(day: unknown): this {
    this.touch('onWeekDay');
    this.schedule.onWeekDay = enumName(day);
    return this;
  }
  at(date: Date): this {
    this.touch('at');
    if (!isDate(date)) throw signatureError('ScriptApp.ClockTriggerBuilder.at', [date]);
    this.schedule.at = new Date(date.getTime());
    return this;
  }
  after(durationMilliseconds: number): this {
    this.touch('after');
    this.schedule.after = durationMilliseconds;
    return this;
  }
  inTimezone(timezone: string): this {
    this.touch('inTimezone');
    this.schedule.timezone = timezone;
    return this;
  }
  create(): FakeTrigger {
    this.touch('create');
    const s = this.schedule;
    const kinds = [
      s.everyMinutes,
      s.everyHours,
      s.everyDays,
      s.everyWeeks,
      s.at,
      s.after,
      s.onMonthDay,
      s.onWeekDay,
    ];
    if (kinds.every((k) => k === undefined)) {
      throw new Error(
        'The trigger has no schedule: call everyMinutes, everyHours, everyDays, at or after before create().',
      );
    }
    return this.app.addTrigger({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: { ...s },
    });
  }
}

export class FakeSpreadsheetTriggerBuilder {
  private eventType = '';
  constructor(
    private readonly env: Env,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}
  private set(name: string, type: string): this {
    this.env.touch(`SpreadsheetTriggerBuilder.${name}`, 'trigger');
    this.eventType = type;
    return this;
  }
  onOpen(): this {
    return this.set('onOpen', 'ON_OPEN');
  }
  onEdit(): this {
    return this.set('onEdit', 'ON_EDIT');
  }
  onChange(): this {
    return this.set('onChange', 'ON_CHANGE');
  }
  onFormSubmit(): this {
    return this.set('onFormSubmit', 'ON_FORM_SUBMIT');
  }
  create(): FakeTrigger {
    this.env.touch('SpreadsheetTriggerBuilder.create', 'trigger');
    if (this.eventType === '') throw new Error('The trigger has no event type.');
    return this.app.addTrigger({
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
      schedule: {},
    });
  }
}

export class FakeTriggerBuilder {
  constructor(
    private readonly env: Env,
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    this.env.touch('TriggerBuilder.timeBased', 'trigger');
    return new FakeClockTriggerBuilder(this.env, this.app, this.handler);
  }
  forSpreadsheet(key: unknown): FakeSpreadsheetTriggerBuilder {
    this.env.touch('TriggerBuilder.forSpreadsheet', 'trigger');
    const id =
      typeof key === 'string'
        ? key
        : key !== null && typeof key === 'object' && 'id' in key
          ? String((key as { id: unknown }).id)
          : '';
    return new FakeSpreadsheetTriggerBuilder(this.env, this.app, this.handler, id);
  }
}

export class FakeScriptApp {
  readonly AuthMode = AuthMode;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;
  readonly WeekDay = WeekDay;
  triggers: FakeTrigger[] = [];
  private nextUid = 1;

  constructor(
    private readonly env: Env,
    private readonly scriptId: string,
    private readonly spreadsheetId: () => string,
    readonly rules: TriggerRules,
  ) {}

  addTrigger(d: Omit<TriggerData, 'uid'>): FakeTrigger {
    if (this.triggers.length >= this.rules.maxTriggers) {
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    if (this.rules.addOn && d.eventType === 'CLOCK') {
      if (d.schedule.everyMinutes !== undefined) {
        throw new Error(
          'Add-ons cannot create time-based triggers that run more often than once per hour.',
        );
      }
      if (this.triggers.some((t) => t.data.eventType === 'CLOCK')) {
        throw new Error(
          'This add-on has created too many time-based triggers in this document for this Google user account.',
        );
      }
    }
    const t = new FakeTrigger(this.env, { ...d, uid: String(this.nextUid++ * 1000003) });
    this.triggers.push(t);
    return t;
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.env.touch('ScriptApp.newTrigger', 'trigger');
    if (typeof functionName !== 'string' || functionName === '') {
      throw signatureError('ScriptApp.newTrigger', [functionName]);
    }
    return new FakeTriggerBuilder(this.env, this, functionName);
  }

  getProjectTriggers(): FakeTrigger[] {
    this.env.touch('ScriptApp.getProjectTriggers', 'trigger');
    return this.env.realm.copy(this.triggers.slice());
  }

  getUserTriggers(document: unknown): FakeTrigger[] {
    this.env.touch('ScriptApp.getUserTriggers', 'trigger');
    const id =
      document !== null && typeof document === 'object' && 'id' in document
        ? String((document as { id: unknown }).id)
        : this.spreadsheetId();
    return this.env.realm.copy(
      this.triggers.filter((t) => t.data.sourceId === null || t.data.sourceId === id),
    );
  }

  deleteTrigger(trigger: FakeTrigger): void {
    this.env.touch('ScriptApp.deleteTrigger', 'trigger');
    if (!(trigger instanceof FakeTrigger))
      throw signatureError('ScriptApp.deleteTrigger', [trigger]);
    this.triggers = this.triggers.filter((t) => t.data.uid !== trigger.data.uid);
  }

  getScriptId(): string {
    this.env.touch('ScriptApp.getScriptId', 'free');
    return this.scriptId;
  }

  getAuthorizationInfo(): {
    getAuthorizationStatus(): EnumValue;
    getAuthorizationUrl(): string | null;
  } {
    this.env.touch('ScriptApp.getAuthorizationInfo', 'free');
    const status = makeEnum(['REQUIRED', 'NOT_REQUIRED'] as const);
    return {
      getAuthorizationStatus: () => status.NOT_REQUIRED,
      getAuthorizationUrl: () => null,
    };
  }

  getOAuthToken(): string {
    this.env.touch('ScriptApp.getOAuthToken', 'trigger');
    return 'fake-oauth-token';
  }

  toString(): string {
    return 'ScriptApp';
  }
}

// ---------------------------------------------------------------------------------------
// Session

export class FakeSession {
  constructor(
    private readonly env: Env,
    private readonly opts: { scriptTimeZone: string; userEmail: string; userKey: string },
  ) {}
  getScriptTimeZone(): string {
    this.env.touch('Session.getScriptTimeZone', 'free');
    return this.opts.scriptTimeZone;
  }
  getActiveUser(): { getEmail(): string } {
    this.env.touch('Session.getActiveUser', 'free');
    const email = this.env.mode === 'FULL' ? this.opts.userEmail : '';
    return { getEmail: () => email };
  }
  getEffectiveUser(): { getEmail(): string } {
    this.env.touch('Session.getEffectiveUser', 'free');
    const email = this.env.mode === 'FULL' ? this.opts.userEmail : '';
    return { getEmail: () => email };
  }
  getTemporaryActiveUserKey(): string {
    this.env.touch('Session.getTemporaryActiveUserKey', 'free');
    return this.opts.userKey;
  }
  getActiveUserLocale(): string {
    this.env.touch('Session.getActiveUserLocale', 'free');
    return 'en';
  }
}

// ---------------------------------------------------------------------------------------
// Utilities

export function formatString(template: string, ...args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifxXoe%])/g,
    (m, _flags, width, prec, conv) => {
      if (conv === '%') return '%';
      const v = args[i++];
      let s: string;
      switch (conv) {
        case 'd':
        case 'i':
          s = String(Math.trunc(Number(v)));
          break;
        case 'f':
          s = Number(v).toFixed(prec === undefined ? 6 : Number(prec));
          break;
        case 'e':
          s = Number(v).toExponential(prec === undefined ? 6 : Number(prec));
          break;
        case 'x':
          s = Math.trunc(Number(v)).toString(16);
          break;
        case 'X':
          s = Math.trunc(Number(v)).toString(16).toUpperCase();
          break;
        case 'o':
          s = Math.trunc(Number(v)).toString(8);
          break;
        default:
          s = String(v);
          if (prec !== undefined) s = s.slice(0, Number(prec));
      }
      if (width !== undefined)
        s = String(_flags).includes('-') ? s.padEnd(Number(width)) : s.padStart(Number(width));
      return m.length > 0 ? s : '';
    },
  );
}

export class FakeUtilities {
  readonly Charset = makeEnum(['US_ASCII', 'UTF_8'] as const);
  readonly DigestAlgorithm = makeEnum([
    'MD2',
    'MD5',
    'SHA_1',
    'SHA_256',
    'SHA_384',
    'SHA_512',
  ] as const);
  constructor(private readonly env: Env) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    this.env.touch('Utilities.formatDate', 'free');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatJavaDate(new Date(date.getTime()), timeZone, format);
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    this.env.touch('Utilities.parseDate', 'free');
    const d = parseJavaDate(String(date), String(timeZone), String(format));
    if (d === null) throw new Error(`Invalid argument: ${date}`);
    return d;
  }

  formatString(template: string, ...args: unknown[]): string {
    this.env.touch('Utilities.formatString', 'free');
    return formatString(template, ...args);
  }

  sleep(milliseconds: number): void {
    this.env.touch('Utilities.sleep', 'free');
    if (typeof milliseconds !== 'number' || milliseconds < 0)
      throw signatureError('Utilities.sleep', [milliseconds]);
    if (milliseconds > 300000) throw new Error('Invalid argument: milliseconds');
    this.env.sleptMs += milliseconds;
    this.env.advance(milliseconds);
  }

  getUuid(): string {
    this.env.touch('Utilities.getUuid', 'free');
    return randomUUID();
  }

  jsonParse(jsonString: string): unknown {
    this.env.touch('Utilities.jsonParse', 'free');
    return this.env.realm.copy(JSON.parse(jsonString));
  }

  jsonStringify(obj: unknown): string {
    this.env.touch('Utilities.jsonStringify', 'free');
    return JSON.stringify(obj);
  }

  base64Encode(data: string): string {
    this.env.touch('Utilities.base64Encode', 'free');
    return Buffer.from(String(data), 'utf8').toString('base64');
  }

  base64Decode(encoded: string): number[] {
    this.env.touch('Utilities.base64Decode', 'free');
    return this.env.realm.copy(
      [...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b)),
    );
  }
}

// ---------------------------------------------------------------------------------------
// HtmlService

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);

export class FakeHtmlOutput {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly env: Env,
    private content: string,
  ) {}
  getContent(): string {
    this.env.touch('HtmlOutput.getContent', 'free');
    return this.content;
  }
  setContent(content: string): this {
    this.env.touch('HtmlOutput.setContent', 'free');
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.env.touch('HtmlOutput.append', 'free');
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.env.touch('HtmlOutput.appendUntrusted', 'free');
    this.content += String(addedContent)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    return this;
  }
  setTitle(title: string): this {
    this.env.touch('HtmlOutput.setTitle', 'free');
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    this.env.touch('HtmlOutput.getTitle', 'free');
    return this.title;
  }
  setWidth(width: number): this {
    this.env.touch('HtmlOutput.setWidth', 'free');
    this.width = width;
    return this;
  }
  getWidth(): number | null {
    this.env.touch('HtmlOutput.getWidth', 'free');
    return this.width;
  }
  setHeight(height: number): this {
    this.env.touch('HtmlOutput.setHeight', 'free');
    this.height = height;
    return this;
  }
  getHeight(): number | null {
    this.env.touch('HtmlOutput.getHeight', 'free');
    return this.height;
  }
  setSandboxMode(mode: unknown): this {
    this.env.touch('HtmlOutput.setSandboxMode', 'free');
    this.sandboxMode = enumName(mode);
    return this;
  }
  setXFrameOptionsMode(mode: unknown): this {
    this.env.touch('HtmlOutput.setXFrameOptionsMode', 'free');
    this.xFrameOptionsMode = enumName(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.env.touch('HtmlOutput.addMetaTag', 'free');
    this.metaTags.push({ name, content });
    return this;
  }
  setFaviconUrl(_url: string): this {
    this.env.touch('HtmlOutput.setFaviconUrl', 'free');
    return this;
  }
}

export class FakeHtmlTemplate {
  [key: string]: unknown;
  constructor(
    private readonly env: Env,
    private readonly source: string,
  ) {}
  getRawContent(): string {
    return this.source;
  }
  /** Evaluates `<?= expr ?>` (escaped), `<?!= expr ?>` (raw) using the template's properties. */
  evaluate(): FakeHtmlOutput {
    this.env.touch('HtmlTemplate.evaluate', 'free');
    const scope: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'env' && k !== 'source') scope[k] = v;
    const html = this.source.replace(
      /<\?(!?=)\s*([\s\S]*?)\s*\?>/g,
      (_m, kind: string, expr: string) => {
        const fn = new Function(...Object.keys(scope), `return (${expr});`) as (
          ...a: unknown[]
        ) => unknown;
        const v = String(fn(...Object.values(scope)));
        return kind === '!='
          ? v
          : v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      },
    );
    return new FakeHtmlOutput(this.env, html);
  }
}

export class FakeHtmlService {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    private readonly env: Env,
    private readonly distDir: () => string,
  ) {}

  private readFile(name: string): string {
    const file = name.endsWith('.html') ? name : `${name}.html`;
    const path = join(this.distDir(), file);
    if (!existsSync(path)) throw new Error(`No HTML file named ${name} was found.`);
    return readFileSync(path, 'utf8');
  }

  createHtmlOutput(html?: unknown): FakeHtmlOutput {
    this.env.touch('HtmlService.createHtmlOutput', 'free');
    return new FakeHtmlOutput(this.env, html === undefined ? '' : String(html));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.env.touch('HtmlService.createHtmlOutputFromFile', 'free');
    return new FakeHtmlOutput(this.env, this.readFile(String(filename)));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    this.env.touch('HtmlService.createTemplate', 'free');
    return new FakeHtmlTemplate(this.env, String(html));
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    this.env.touch('HtmlService.createTemplateFromFile', 'free');
    return new FakeHtmlTemplate(this.env, this.readFile(String(filename)));
  }
}

// ---------------------------------------------------------------------------------------
// Logger, console, MailApp, Charts, SpreadsheetApp

export class FakeLogger {
  constructor(private readonly env: Env) {}
  log(data: unknown, ...values: unknown[]): this {
    this.env.touch('Logger.log', 'free');
    const msg =
      typeof data === 'string' && values.length > 0
        ? formatString(data, ...values)
        : stringify(data);
    this.env.log('log', msg);
    return this;
  }
  getLog(): string {
    this.env.touch('Logger.getLog', 'free');
    return this.env.logEntries
      .filter((e) => e.level === 'log')
      .map((e) => e.message)
      .join('\n');
  }
  clear(): void {
    this.env.touch('Logger.clear', 'free');
  }
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  return utilFormat('%O', v);
}

export function makeConsole(env: Env, echo: boolean): Record<string, (...args: unknown[]) => void> {
  const mk =
    (level: string) =>
    (...args: unknown[]): void => {
      env.touch(`console.${level}`, 'free');
      const msg = utilFormat(...args);
      env.log(level, msg);
      if (echo) process.stderr.write(`[${level}] ${msg}\n`);
    };
  return {
    log: mk('log'),
    info: mk('info'),
    warn: mk('warn'),
    error: mk('error'),
    debug: mk('debug'),
  };
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  options: Record<string, unknown>;
}

export class FakeMailApp {
  constructor(
    private readonly env: Env,
    readonly sent: SentMail[],
  ) {}
  sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: unknown): void {
    this.env.touch('MailApp.sendEmail', 'mail');
    if (a !== null && typeof a === 'object') {
      const o = a as Record<string, unknown>;
      this.sent.push({
        to: String(o.to ?? ''),
        subject: String(o.subject ?? ''),
        body: String(o.body ?? o.htmlBody ?? ''),
        options: { ...o },
      });
      return;
    }
    this.sent.push({
      to: String(a),
      subject: String(subject ?? ''),
      body: String(body ?? ''),
      options:
        options !== null && typeof options === 'object'
          ? { ...(options as Record<string, unknown>) }
          : {},
    });
  }
  getRemainingDailyQuota(): number {
    this.env.touch('MailApp.getRemainingDailyQuota', 'mail');
    return Math.max(0, 100 - this.sent.length);
  }
}

export const LegendPosition = makeEnum(['BOTTOM', 'LEFT', 'NONE', 'RIGHT', 'TOP'] as const);

export function makeCharts(): Record<string, unknown> {
  return { ChartType, Position: LegendPosition, LegendPosition };
}

export class FakeSpreadsheetApp {
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
  readonly BorderStyle = makeEnum([
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  ] as const);
  readonly ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
  readonly flushes: number[] = [];

  constructor(
    private readonly env: Env,
    private readonly ss: () => FakeSpreadsheet,
    private readonly recorder: UiRecorder,
  ) {}

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.env.touch('SpreadsheetApp.getActiveSpreadsheet', 'read');
    return this.ss();
  }
  getActive(): FakeSpreadsheet {
    this.env.touch('SpreadsheetApp.getActive', 'read');
    return this.ss();
  }
  getActiveSheet(): unknown {
    this.env.touch('SpreadsheetApp.getActiveSheet', 'read');
    const ss = this.ss();
    return ss.activeSheetInternal ?? ss.sheetList()[0];
  }
  getUi(): FakeUi {
    this.env.touch('SpreadsheetApp.getUi', 'ui');
    return new FakeUi(this.env, this.recorder, () => 'SLA Sheets');
  }
  flush(): void {
    this.env.touch('SpreadsheetApp.flush', 'free');
    this.flushes.push(this.env.nowMs());
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.env.touch('SpreadsheetApp.newConditionalFormatRule', 'free');
    return new FakeConditionalFormatRuleBuilder(this.env);
  }
  newDataValidation(): FakeDataValidationBuilder {
    this.env.touch('SpreadsheetApp.newDataValidation', 'free');
    return new FakeDataValidationBuilder();
  }
  openById(_id: string): never {
    this.env.touch('SpreadsheetApp.openById', 'trigger');
    throw new Error(
      'You do not have permission to call SpreadsheetApp.openById (spreadsheets.currentonly scope).',
    );
  }
}
