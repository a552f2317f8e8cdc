/** The small services: Logger, console, MailApp and Charts. */
import { format as utilFormat } from 'node:util';
import { ChartType } from './charts.ts';
import type { Env } from './env.ts';
import { makeEnum } from './env.ts';
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
