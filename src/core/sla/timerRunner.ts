/**
 * Who runs a document's monitoring timer. A trigger belongs to the user who made it: the others
 * cannot see it, so the runner records itself in the document (each start, each run) and every
 * collaborator sees who runs it and when it last ran, instead of starting a second one. Pure.
 */

export interface TimerRunner {
  /** The runner's temporary user key (Session): tells "mine" from another editor's. */
  key: string;
  /** Their address when the platform shares it, else ''. */
  by: string;
  /** Minutes between runs. */
  minutes: number;
  /** ISO instants: when it was started, when it last ran. */
  since: string;
  lastRunAt?: string;
}

/** Still running: started or run within two periods and half an hour. */
export function isRunning(runner: TimerRunner | null, nowMs: number): boolean {
  if (!runner) return false;
  const last = Date.parse(runner.lastRunAt ?? runner.since);
  return Number.isFinite(last) && nowMs - last <= (2 * runner.minutes + 30) * 60_000;
}

/** How the runner is named to the others. */
export function runnerName(runner: TimerRunner): string {
  return runner.by || 'another editor of this spreadsheet';
}

/** A stored record; null when there is none or it cannot be read. */
export function parseRunner(json: string | null): TimerRunner | null {
  try {
    const r = JSON.parse(json ?? 'null') as Partial<TimerRunner> | null;
    if (typeof r?.key !== 'string' || typeof r.minutes !== 'number' || typeof r.since !== 'string')
      return null;
    const runner: TimerRunner = {
      key: r.key,
      by: typeof r.by === 'string' ? r.by : '',
      minutes: r.minutes,
      since: r.since,
    };
    if (typeof r.lastRunAt === 'string') runner.lastRunAt = r.lastRunAt;
    return runner;
  } catch {
    return null;
  }
}
