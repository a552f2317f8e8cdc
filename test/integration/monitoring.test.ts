import { describe, expect, it, vi } from 'vitest';
import { ownedSheetNames } from '../../src/core/common/ownedSheetNames.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import { LAST_AUTO_REVIEW_KEY } from '../../src/sheets/review.ts';
import { rowOf } from '../fixtures/leads.ts';
import { runLog, storeSettings } from '../fixtures/properties.ts';
import { byLeadId, EVERY_STATUS, HEADER, leadsRuntime, NOW } from './leadsHelpers.ts';

function rows(): unknown[][] {
  return [HEADER, ...EVERY_STATUS.map((s) => rowOf(HEADER, s.row))];
}

function saveFrequency(rt: ReturnType<typeof leadsRuntime>['rt'], minutes: number): void {
  const s = defaultSettings();
  s.monitoring.frequencyMinutes = minutes as 60;
  storeSettings(rt, s);
}

describe('monitoring trigger', () => {
  it('start twice → one hourly trigger; stop → none; state for the sidebar', () => {
    const { rt } = leadsRuntime(rows(), { persistentGlobals: true });
    const sla = (rt.context() as unknown as { SLA: { monitoringState(): unknown } }).SLA;
    const off = { on: false, minutes: null, mine: false, runBy: null, lastRunAt: null };
    expect(sla.monitoringState()).toEqual(off);
    rt.call('startMonitoring');
    rt.call('startMonitoring');
    const triggers = rt.triggers();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'onSlaTimer', eventType: 'CLOCK' });
    expect(triggers[0]!.schedule).toMatchObject({ everyHours: 1 });
    expect(sla.monitoringState()).toEqual({
      on: true,
      minutes: 60,
      mine: true,
      runBy: 'user@example.com',
      lastRunAt: null,
    });
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/already on/);
    rt.call('stopMonitoring');
    expect(rt.triggers()).toHaveLength(0);
    expect(sla.monitoringState()).toEqual(off);
  });

  it('replaces the trigger when the frequency changes, and leaves other triggers alone', () => {
    const { rt } = leadsRuntime(rows());
    rt.call('startMonitoring');
    saveFrequency(rt, 15);
    rt.call('startMonitoring');
    const ours = rt.triggers().filter((t) => t.handler === 'onSlaTimer');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.schedule).toMatchObject({ everyMinutes: 15 });
    rt.call('stopMonitoring');
    expect(rt.triggers()).toHaveLength(0);
  });

  it('falls back to hourly where minute triggers are refused (published add-on)', () => {
    const { rt } = leadsRuntime(rows(), { addOnTriggerLimits: true });
    saveFrequency(rt, 5);
    rt.call('startMonitoring');
    const ours = rt.triggers();
    expect(ours).toHaveLength(1);
    expect(ours[0]!.schedule).toMatchObject({ everyHours: 1 });
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/every hour/);
    // starting again keeps the one trigger (an add-on may have only one)
    rt.call('startMonitoring');
    expect(rt.triggers()).toHaveLength(1);
  });

  it('onSlaTimer fired by the clock checks the leads and logs a timer run', () => {
    const { rt } = leadsRuntime(rows());
    rt.call('startMonitoring');
    const runs = rt.fireTimeTriggers(NOW);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.error).toBeNull();
    expect(String(byLeadId(rt).get('L-004'))).toMatch(/^Overdue/);
    expect(runLog(rt, 'check')[0]).toMatchObject({ kind: 'check', trigger: 'timer', rows: 10 });
    // the after-check hook made last month's review (first timer run of the month)
    expect(rt.spreadsheet.getSheetByName('SLA Review 2026-10')).not.toBeNull();
    // an hour later the at-risk Hot lead is overdue
    rt.fireTimeTriggers(new Date(NOW.getTime() + 3600_000));
    expect(String(byLeadId(rt).get('L-003'))).toMatch(/^Overdue/);
  });

  it('asks once per tick whether the monthly review is due', () => {
    const { rt } = leadsRuntime(rows());
    rt.call('startMonitoring');
    const reads = vi.spyOn(rt.documentProperties, 'getProperty');
    const reviewChecks = () => reads.mock.calls.filter(([key]) => key === LAST_AUTO_REVIEW_KEY);
    rt.fireTimeTriggers(NOW);
    expect(reviewChecks()).toHaveLength(1);
    const reviews = () => runLog(rt, 'review');
    expect(reviews()).toHaveLength(1);
    rt.fireTimeTriggers(new Date(NOW.getTime() + 3600_000));
    expect(reviewChecks()).toHaveLength(2);
    expect(reviews()).toHaveLength(1);
  });

  it('a failing monthly review is tried once per tick and logged once', () => {
    const { rt } = leadsRuntime(rows());
    rt.call('startMonitoring');
    // a user's sheet holds every name the review could take: the review cannot be written
    for (const name of ownedSheetNames('SLA Review 2026-10')) rt.addSheet(name, [['mine']]);
    rt.fireTimeTriggers(NOW);
    const failures = runLog(rt, 'review').filter((e) => e.error);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.error).toMatch(/^Monthly review failed: Every name SLA Sheets can give/);
    expect(rt.spreadsheet.getSheetByName('SLA Review 2026-10')!.getRange('A1').getValue()).toBe(
      'mine',
    );
  });

  it("two users: the second is told of the first one's timer, which stays hers to stop", () => {
    const { rt } = leadsRuntime(rows(), { persistentGlobals: true });
    const sla = () => (rt.context() as unknown as { SLA: { monitoringState(): unknown } }).SLA;
    rt.setUser('ann@example.com');
    rt.call('startMonitoring');
    rt.setUser('bob@example.com');
    saveFrequency(rt, 30);
    // a second timer would check everything twice: Bob is told whose timer runs instead
    rt.call('startMonitoring');
    expect(rt.triggers().map((t) => t.owner)).toEqual(['ann@example.com']);
    expect(sla().monitoringState()).toMatchObject({
      on: true,
      mine: false,
      runBy: 'ann@example.com',
    });
    // Ann's trigger is still hers, found through the shared record, and she can stop it
    rt.setUser('ann@example.com');
    expect(sla().monitoringState()).toMatchObject({ on: true, minutes: 60, mine: true });
    rt.call('stopMonitoring');
    expect(rt.triggers()).toEqual([]);
    expect(sla().monitoringState()).toMatchObject({ on: false, minutes: null });
    rt.setUser('bob@example.com');
    expect(sla().monitoringState()).toMatchObject({ on: false });
    rt.call('startMonitoring');
    expect(rt.triggers().map((t) => t.owner)).toEqual(['bob@example.com']);
    expect(sla().monitoringState()).toMatchObject({ on: true, minutes: 30, mine: true });
    rt.call('stopMonitoring');
    expect(rt.triggers()).toEqual([]);
    expect(rt.documentProperties.getProperty('sla.monitoring')).toBeNull();
  });

  it('skips the tick (logged) when another run holds the document lock', () => {
    const { rt } = leadsRuntime(rows());
    rt.call('startMonitoring');
    const release = rt.holdDocumentLock();
    rt.fireTimeTriggers(NOW);
    release();
    expect(byLeadId(rt).get('L-004')).toBeUndefined();
    expect(String(runLog(rt, 'check')[0]!.error)).toMatch(/^Skipped: another run/);
    // the manual check also refuses politely
    const release2 = rt.holdDocumentLock();
    rt.call('checkLeadsNow');
    release2();
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/Another lead check is running/);
    rt.fireTimeTriggers(NOW);
    expect(String(byLeadId(rt).get('L-004'))).toMatch(/^Overdue/);
  });
});

describe('monitoring shared by collaborators', () => {
  type State = { on: boolean; minutes: number; mine?: boolean; runBy?: string; lastRunAt?: string };
  const sidebar = (rt: ReturnType<typeof leadsRuntime>['rt']) =>
    (rt.call('sidebarLoad') as { monitoring: State }).monitoring;

  it('every collaborator sees who runs the timer and when it last ran, and starts no second one', () => {
    const { rt } = leadsRuntime(rows());
    rt.setUser('ann@example.com');
    rt.call('startMonitoring');
    rt.fireTimeTriggers(new Date(NOW.getTime() + 3_600_000));
    rt.setUser('bob@example.com');
    expect(sidebar(rt)).toEqual({
      on: true,
      minutes: 60,
      mine: false,
      runBy: 'ann@example.com',
      lastRunAt: new Date(NOW.getTime() + 3_600_000).toISOString(),
    });
    rt.call('startMonitoring');
    expect(rt.triggers()).toHaveLength(1);
    expect(rt.ui.toasts.at(-1)!.message).toBe(
      'Monitoring is already on: ann@example.com runs the timer (every hour). No second timer was started: it would check everything twice.',
    );
    rt.call('stopMonitoring');
    expect(rt.triggers()).toHaveLength(1);
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/only they can stop it/);
    // Ann's own view
    rt.setUser('ann@example.com');
    expect(sidebar(rt)).toMatchObject({ on: true, mine: true, runBy: 'ann@example.com' });
  });

  it('a collaborator may start monitoring once the other timer stopped running', () => {
    const { rt } = leadsRuntime(rows());
    rt.setUser('ann@example.com');
    rt.call('startMonitoring');
    // Ann's trigger no longer runs (her access was removed): three hours without a run
    rt.setUser('bob@example.com');
    rt.advance(3 * 3_600_000);
    expect(sidebar(rt).on).toBe(false);
    rt.call('startMonitoring');
    expect(rt.triggers().filter((t) => t.owner === 'bob@example.com')).toHaveLength(1);
    expect(sidebar(rt)).toMatchObject({ on: true, mine: true, runBy: 'bob@example.com' });
  });
});
