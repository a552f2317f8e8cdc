/** ScriptApp: auth modes, installable triggers and their builders. */
import type { EnumValue, Env } from './env.ts';
import { enumName, makeEnum } from './env.ts';
import { isDate } from './format.ts';
import type { ServiceContext } from './options.ts';
import { signatureError } from './signatureError.ts';

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
  /** The user who created it: it runs as them, and only they see it or delete it. */
  owner: string;
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
  /**
   * A published add-on: one time-based trigger per user per document, at most hourly, and its
   * time-based triggers belong to the document (`getUserTriggers(spreadsheet)` lists them). A
   * bound script's time-based triggers belong to no document: only `getProjectTriggers` has them.
   */
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
      sourceId: this.app.rules.addOn ? this.app.documentId() : null,
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

  /** The spreadsheet the script runs in. */
  documentId(): string {
    return this.spreadsheetId();
  }

  /** The running user's triggers. */
  private own(): FakeTrigger[] {
    return this.triggers.filter((t) => t.data.owner === this.env.user);
  }

  addTrigger(d: Omit<TriggerData, 'uid' | 'owner'>): FakeTrigger {
    const own = this.own();
    if (own.length >= this.rules.maxTriggers) {
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
      if (own.some((t) => t.data.eventType === 'CLOCK' && t.data.sourceId === d.sourceId)) {
        throw new Error(
          'This add-on has created too many time-based triggers in this document for this Google user account.',
        );
      }
    }
    const uid = String(this.nextUid++ * 1000003);
    const t = new FakeTrigger(this.env, { ...d, uid, owner: this.env.user });
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

  /** The running user's triggers of this script (other users' are not visible). */
  getProjectTriggers(): FakeTrigger[] {
    this.env.touch('ScriptApp.getProjectTriggers', 'trigger');
    return this.env.realm.copy(this.own());
  }

  getUserTriggers(document: unknown): FakeTrigger[] {
    this.env.touch('ScriptApp.getUserTriggers', 'trigger');
    const id =
      document !== null && typeof document === 'object' && 'id' in document
        ? String((document as { id: unknown }).id)
        : this.spreadsheetId();
    return this.env.realm.copy(this.own().filter((t) => t.data.sourceId === id));
  }

  /** Deletes one of the running user's triggers (another user's stays: it is not theirs). */
  deleteTrigger(trigger: FakeTrigger): void {
    this.env.touch('ScriptApp.deleteTrigger', 'trigger');
    if (!(trigger instanceof FakeTrigger))
      throw signatureError('ScriptApp.deleteTrigger', [trigger]);
    this.triggers = this.triggers.filter(
      (t) => t.data.uid !== trigger.data.uid || t.data.owner !== this.env.user,
    );
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

/** ScriptApp of the runtime's script project, bound to its spreadsheet. */
export function makeScriptApp(ctx: ServiceContext): FakeScriptApp {
  const { env, options, spreadsheet } = ctx;
  return new FakeScriptApp(env, 'fake-script-id', () => spreadsheet.id, {
    addOn: options.addOnTriggerLimits ?? false,
    maxTriggers: 20,
  });
}
