/** The small services: Logger, console, MailApp and Charts. */
import { format as utilFormat } from 'node:util';
import { ChartType } from './charts.ts';
import type { Env } from './env.ts';
import { makeEnum } from './env.ts';
import type { ServiceContext } from './options.ts';
import { formatString } from './utilities.ts';

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

/** `console`, kept in the runtime's logs (and echoed to stderr with `echoConsole`). */
export function makeConsole(ctx: ServiceContext): Record<string, (...args: unknown[]) => void> {
  const { env } = ctx;
  const echo = ctx.options.echoConsole ?? false;
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
  /** The plain-text body. */
  body: string;
  /** The HTML body, when one was given. */
  htmlBody?: string;
  /** When it was sent (the runtime's clock). */
  at: Date;
  options: Record<string, unknown>;
}

/** Apps Script's daily recipients quota of a consumer account. */
export const DEFAULT_MAIL_QUOTA = 100;

/** Loose on purpose: Apps Script refuses what is clearly not an address. */
const ADDRESS = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** MailApp: records what would have been sent; one recipient counts one against the daily quota. */
export class FakeMailApp {
  /** Recipients still allowed today. */
  remaining = DEFAULT_MAIL_QUOTA;
  constructor(
    private readonly env: Env,
    readonly sent: SentMail[],
  ) {}
  sendEmail(a: unknown, subject?: unknown, body?: unknown, options?: unknown): void {
    this.env.touch('MailApp.sendEmail', 'mail');
    const o: Record<string, unknown> =
      a !== null && typeof a === 'object'
        ? { ...(a as Record<string, unknown>) }
        : {
            ...(options !== null && typeof options === 'object'
              ? (options as Record<string, unknown>)
              : {}),
            to: a,
            subject,
            body,
          };
    const to = String(o.to ?? '');
    const recipients = to.split(',').map((x) => x.trim());
    for (const r of recipients) if (!ADDRESS.test(r)) throw new Error(`Invalid email: ${r}`);
    if (recipients.length > this.remaining)
      throw new Error('Service invoked too many times for one day: email.');
    this.remaining -= recipients.length;
    const mail: SentMail = {
      to,
      subject: String(o.subject ?? ''),
      body: String(o.body ?? ''),
      at: this.env.now(),
      options: o,
    };
    if (typeof o.htmlBody === 'string') mail.htmlBody = o.htmlBody;
    this.sent.push(mail);
  }
  getRemainingDailyQuota(): number {
    this.env.touch('MailApp.getRemainingDailyQuota', 'mail');
    return this.remaining;
  }
}

export const LegendPosition = makeEnum(['BOTTOM', 'LEFT', 'NONE', 'RIGHT', 'TOP'] as const);

export function makeCharts(): Record<string, unknown> {
  return { ChartType, Position: LegendPosition, LegendPosition };
}

/** MailApp with the default daily quota and nothing sent yet. */
export function makeMailApp(ctx: ServiceContext): FakeMailApp {
  return new FakeMailApp(ctx.env, []);
}
