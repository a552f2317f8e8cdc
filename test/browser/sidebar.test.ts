/**
 * The sidebar in a real browser (Debian Chromium through playwright-core), talking to
 * dist/Code.js in our runtime through the preview server's google.script.run bridge.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../runtime/index.ts';
import { type PreviewServer, startPreviewServer } from '../../scripts/preview.ts';
import type { Settings } from '../../src/core/settings/index.ts';
import { UNKNOWN_ZONE_MESSAGE } from '../../src/core/time/timeZoneName.ts';
import { runLog } from '../fixtures/properties.ts';
import { ARTIFACTS, launchSidebarBrowser, type SidebarBrowser } from './chromium.ts';

const XSS = '<img src=x onerror=alert(1)>';

let chromiumBrowser: SidebarBrowser;
let browser: BrowserContext;
const servers: PreviewServer[] = [];

beforeAll(async () => {
  chromiumBrowser = await launchSidebarBrowser();
  browser = chromiumBrowser.context;
});

afterAll(async () => {
  await chromiumBrowser?.close();
  for (const s of servers) await s.close();
});

interface Opened {
  page: Page;
  rt: Runtime;
  dialogs: string[];
}

/** A fresh runtime + preview server, and the sidebar at 300 px, loaded. */
async function openSidebar(): Promise<Opened> {
  // The sample workbook (12 known leads): reading examples/example.xlsx takes seconds.
  const server = await startPreviewServer({ port: 0, workbook: null });
  servers.push(server);
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.sidebarUrl);
  await page.getByTestId('preview-text').waitFor();
  expect(errors).toEqual([]);
  // Nothing changed yet: Save is off.
  expect(await page.locator('.status').textContent()).toBe('All changes saved');
  expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
  return { page, rt: server.runtime, dialogs };
}

const poll = (fn: () => Promise<unknown>, timeout = 15_000) => expect.poll(fn, { timeout });
const text = async (l: Locator): Promise<string> => (await l.textContent()) ?? '';

async function previewText(page: Page): Promise<string> {
  return (await page.getByTestId('preview-text').textContent()) ?? '';
}

/** The error message shown for an input (its aria-describedby error element). */
async function errorFor(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
  const errId = ids.find((id) => id.endsWith('-err'));
  if (!errId) return '';
  const el = page.locator(`[id="${errId}"]`);
  return (await el.isVisible()) ? ((await el.textContent()) ?? '') : '';
}

/** Adds an interest criterion "every lead with a job title hands off". */
async function addHandOffEveryone(page: Page, label = 'Anyone with a title'): Promise<void> {
  await page.getByRole('button', { name: '+ Add interest criterion' }).click();
  // The new card is the last of the interest list (other cards may be open too).
  const card = page.getByRole('list', { name: 'Interest criteria' }).locator('li.criterion').last();
  await card.getByLabel('Label', { exact: true }).fill(label);
  await card.getByLabel('Leads column', { exact: true }).fill('Job title');
  await card.getByLabel('Matches when the cell', { exact: true }).selectOption('notBlank');
  await card.getByLabel('Hand off on match (whatever the score)').check();
}

function storedSettings(rt: Runtime): { scoring: { criteria: Array<{ label: string }> } } {
  const json = rt.documentProperties.getProperty('sla.settings');
  if (!json) throw new Error('no settings stored');
  return JSON.parse(json) as { scoring: { criteria: Array<{ label: string }> } };
}

function qualificationColumn(rt: Runtime): string[] {
  const sheet = rt.toWorkbook().sheets.find((s) => s.name === 'Leads');
  if (!sheet) throw new Error('no Leads sheet');
  const values = sheet.values;
  const col = values[0]!.indexOf('Qualification');
  return values
    .slice(1)
    .filter((r) => String(r[0]).trim() !== '')
    .map((r) => String(r[col]));
}

describe('sidebar in Chromium at 300 px', { timeout: 90_000 }, () => {
  it('opens, prints its first paint, and the preview follows a new criterion', async () => {
    const { page } = await openSidebar();
    const paint = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0] as
        | PerformanceNavigationTiming
        | undefined;
      return {
        fcp: fcp?.startTime ?? null,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      };
    });
    console.log(
      `sidebar first contentful paint: ${paint.fcp?.toFixed(0) ?? 'n/a'} ms (DOMContentLoaded ${paint.domContentLoaded?.toFixed(0) ?? 'n/a'} ms)`,
    );
    // The bridge behaves like google.script.run: a Date argument fails, with the user object.
    const dateCall = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          type Runner = Record<string, (...a: unknown[]) => Runner>;
          const run = (window as unknown as { google: { script: { run: Runner } } }).google.script
            .run;
          run.withSuccessHandler!(() => resolve('succeeded')).withFailureHandler!(
            (e: unknown, user: unknown) => resolve(`${(e as Error).message} [${String(user)}]`),
          ).withUserObject!('u1').sidebarPreview!(new Date());
        }),
    );
    expect(dateCall).toMatch(/is a Date: google\.script\.run cannot pass Date values.*\[u1\]$/);
    const before = await previewText(page);
    expect(before).toMatch(
      /^With these rules: \d+ MQL, \d+ to hand off; your reps can take \d+ a week\.$/,
    );
    expect(before).not.toContain('12 to hand off');
    expect(await page.getByTestId('preview-month').textContent()).toMatch(
      /^[A-Z][a-z]+ \d{4}: (\d+ new leads?, \d+ MQL, \d+ to hand off|no new leads yet)\.$/,
    );
    await addHandOffEveryone(page);
    await poll(() => previewText(page)).toContain('12 to hand off');
    // The Leads headers are suggested, and an unknown column is flagged in the list.
    const options = await page
      .locator('#leads-headers option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toContain('Job title');
    await page.getByLabel('Leads column', { exact: true }).fill('Favourite colour');
    await poll(() =>
      page.getByText('column not found in Leads: "Favourite colour"').isVisible(),
    ).toBe(true);
    await page.close();
  });

  it('shows an invalid value next to its field, disables Save, warns on close', async () => {
    const { page, dialogs } = await openSidebar();
    const save = page.getByRole('button', { name: 'Save' });
    await page.getByRole('tab', { name: /Hand-off/ }).click();
    const hot = page.getByLabel('Hot', { exact: true });
    await hot.fill('0');
    expect(await errorFor(page, 'Hot')).toBe('Hot deadline must be above 0');
    await poll(() => hot.getAttribute('aria-invalid')).toBe('true');
    await poll(() => save.isDisabled()).toBe(true);
    await poll(() => text(page.locator('.status'))).toContain('1 field to fix');
    await poll(() => text(page.getByRole('tab', { name: /Hand-off/ }))).toContain('1');
    await hot.fill('abc');
    expect(await errorFor(page, 'Hot')).toBe('Hot deadline must be a number');
    await hot.fill('2');
    expect(await errorFor(page, 'Hot')).toBe('');
    await poll(() => save.isEnabled()).toBe(true);
    // Keyboard: arrows move between tabs.
    await page.getByRole('tab', { name: /Hand-off/ }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Fields' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Scoring' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    // Reorder and delete criteria.
    const fitLabels = () =>
      page.getByRole('list', { name: 'Fit criteria' }).locator('.crit-label').allTextContents();
    const first = (await fitLabels())[0]!;
    await page.getByRole('button', { name: first }).click();
    await page.getByRole('button', { name: `Move "${first}" down` }).click();
    expect((await fitLabels())[1]).toBe(first);
    const count = (await fitLabels()).length;
    await page.getByRole('button', { name: `Delete "${first}"` }).click();
    expect(await fitLabels()).not.toContain(first);
    expect((await fitLabels()).length).toBe(count - 1);
    // A criterion error is shown next to its field too.
    await page.getByRole('button', { name: '+ Add fit criterion' }).click();
    await page.getByLabel('Matches when the cell', { exact: true }).selectOption('between');
    await page.getByLabel('Minimum', { exact: true }).fill('10');
    await page.getByLabel('Maximum', { exact: true }).fill('5');
    expect(await errorFor(page, 'Maximum')).toBe('The minimum must not be above the maximum');
    await poll(() => save.isDisabled()).toBe(true);
    // Unsaved changes: closing the sidebar warns first (beforeunload).
    await page.close({ runBeforeUnload: true });
    await poll(async () => dialogs.join('\n')).toContain('beforeunload');
  });

  it('saves into the runtime, and the next check re-scores the leads', async () => {
    const { page, rt, dialogs } = await openSidebar();
    rt.call('checkLeadsNow');
    expect(qualificationColumn(rt).filter((q) => q === 'Hand off').length).toBeLessThan(12);
    await addHandOffEveryone(page, 'Everyone hands off');
    // Unsaved changes: closing warns (beforeunload).
    const save = page.getByRole('button', { name: 'Save' });
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => text(page.locator('.status'))).toContain('Saved at');
    await poll(() => save.isDisabled()).toBe(true);
    const labels = storedSettings(rt).scoring.criteria.map((c) => c.label);
    expect(labels).toContain('Everyone hands off');
    expect(runLog(rt).map((e) => e.kind)).toContain('settings');
    expect(dialogs).toEqual([]);
    // The next check (from the Monitoring tab) re-scores every lead with the saved rules.
    await page.getByRole('tab', { name: 'Monitor' }).click();
    await poll(() => text(page.locator('.run-kind').first())).toBe('Settings saved');
    await page.getByRole('button', { name: 'Check leads now' }).click();
    await poll(() => text(page.locator('.run-kind').first())).toBe('Leads checked');
    // The check's own answer carries the outcome and the new log: no second load.
    expect(await text(page.getByTestId('check-outcome'))).toBe(rt.ui.toasts.at(-1)!.message);
    expect(await text(page.getByTestId('check-outcome'))).toMatch(/^Checked 12 leads/);
    expect(qualificationColumn(rt)).toEqual(Array(12).fill('Hand off'));
    // Monitoring on/off installs and removes the one trigger.
    await page.getByLabel('Check leads automatically').check();
    await poll(async () => rt.triggers().map((t) => t.handler)).toEqual(['onSlaTimer']);
    await page.getByLabel('Check leads automatically').uncheck();
    await poll(async () => rt.triggers().length).toBe(0);
    await page.close();
  });

  it('makes the review of the month typed, and offers the months that have leads', async () => {
    const { page, rt, dialogs } = await openSidebar();
    await page.getByRole('tab', { name: 'Monitor' }).click();
    await page.getByLabel('Month to review').fill('2001-01');
    await page.getByRole('button', { name: 'Make the review' }).click();
    const outcome = page.getByTestId('review-outcome');
    await poll(() => text(outcome)).toMatch(/^SLA Review 2001-01 is ready/);
    expect(await text(outcome)).toMatch(/No lead in January 2001: leads are dated \d{4}-\d\d/);
    expect(rt.spreadsheet.getSheetByName('SLA Review 2001-01')).not.toBeNull();
    // one click on a month that has leads reviews it
    const month = page.locator('.review-months button').first();
    const key = (await month.getAttribute('data-month'))!;
    expect(key).toMatch(/^\d{4}-\d\d$/);
    await month.click();
    await poll(() => text(outcome)).toMatch(new RegExp(`^SLA Review ${key} is ready`));
    expect(await text(outcome)).not.toMatch(/No lead in/);
    expect(rt.spreadsheet.getSheetByName(`SLA Review ${key}`)).not.toBeNull();
    await poll(() => text(page.locator('.run-kind').first())).toBe('Monthly review');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-monthly-review.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('writes a zone as Apps Script spells it, refuses an unknown one and a week with no hours', async () => {
    const { page, rt } = await openSidebar();
    const save = page.getByRole('button', { name: 'Save' });
    await page.getByRole('tab', { name: /Calendar/ }).click();
    const zone = page.getByLabel('Time zone', { exact: true });
    await zone.fill('Mars/Olympus');
    expect(await errorFor(page, 'Time zone')).toBe(UNKNOWN_ZONE_MESSAGE);
    await poll(() => save.isDisabled()).toBe(true);
    await zone.fill('america/new_york');
    await zone.blur();
    await poll(() => zone.inputValue()).toBe('America/New_York');
    expect(await errorFor(page, 'Time zone')).toBe('');
    // closing every day leaves no business hours: said under the week, Save off
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      await page.getByRole('button', { name: `Remove ${day} hours` }).click();
    await poll(() => text(page.locator('#panel-calendar'))).toContain(
      'Add working hours to at least one day',
    );
    await poll(() => save.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Add hours on Wednesday' }).click();
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => text(page.locator('.status'))).toContain('Saved at');
    const stored = JSON.parse(rt.documentProperties.getProperty('sla.settings')!) as {
      calendar: { timeZone: string; hours: Record<string, unknown[]> };
    };
    expect(stored.calendar.timeZone).toBe('America/New_York');
    expect(Object.values(stored.calendar.hours).filter((d) => d.length)).toHaveLength(1);
    await page.close();
  });

  it('edits the agreement: the data a stage requires (a missing column flagged), roles, channels, the return path; the Agreement follows', async () => {
    const { page, rt } = await openSidebar();
    const save = page.getByRole('button', { name: 'Save' });
    const errorOf = async (input: Locator): Promise<string> => {
      const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
      const el = page.locator(`[id="${ids.find((id) => id.endsWith('-err'))}"]`);
      return (await el.isVisible()) ? await text(el) : '';
    };
    await page.getByRole('tab', { name: /Terms/ }).click();
    // a hand-off field the leads sheet does not have: said beside it, Save off, the tab counts it
    await page.getByRole('button', { name: 'Add a field required at hand-off' }).click();
    const field = page.getByLabel('Hand-off field 1', { exact: true });
    await field.fill('Budget');
    expect(await errorOf(field)).toBe(
      'The leads sheet has no column "Budget": name a header of its row 1, or remove it',
    );
    await poll(() => save.isDisabled()).toBe(true);
    await poll(() => text(page.getByRole('tab', { name: /Terms/ }))).toContain('1');
    await field.fill('Owner');
    expect(await errorOf(field)).toBe('');
    // a role without a name is refused, with what to write
    const firstRole = page.getByRole('listitem', { name: 'Role 1' });
    const role = firstRole.getByLabel('Role', { exact: true });
    await role.fill(' ');
    expect(await errorOf(role)).toBe('Name the role (e.g. Marketing ops), or remove the row');
    await poll(() => save.isDisabled()).toBe(true);
    await role.fill('Lead router');
    await firstRole.getByLabel('Person or team', { exact: true }).fill('Camille');
    // how sales makes contact, and one more return reason with its track
    await page.getByRole('tab', { name: /Hand-off/ }).click();
    await page.getByRole('button', { name: '+ Add channel' }).click();
    await page.getByLabel('Channel 4', { exact: true }).fill('LinkedIn');
    await page.getByRole('button', { name: '+ Add reason' }).click();
    await page.getByLabel('Return reason 4', { exact: true }).fill('Chose a competitor');
    await page.getByLabel('Nurture track of reason 4', { exact: true }).fill('Win-back');
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => text(page.locator('.status'))).toContain('Saved at');
    const stored = JSON.parse(rt.documentProperties.getProperty('sla.settings')!) as Settings;
    expect(stored.agreement.requiredFields.handoff).toEqual(['Owner']);
    expect(stored.agreement.roles[0]).toMatchObject({ role: 'Lead router', who: 'Camille' });
    const agreement = rt
      .toWorkbook()
      .sheets.find((s) => s.name === 'SLA Agreement')!
      .values.flat()
      .map(String);
    expect(agreement).toContain('Lead router');
    expect(agreement).toContain('Camille');
    expect(agreement).toContain('"Chose a competitor" → Win-back');
    expect(agreement.some((c) => c.startsWith('Phone, E-mail, Video call or LinkedIn. '))).toBe(
      true,
    );
    await page.close();
  });

  it('edits the plan: live plan line, percent errors, cost per source saved', async () => {
    const { page, rt } = await openSidebar();
    const save = page.getByRole('button', { name: 'Save' });
    // Every tab fits at 300 px, whole and on one line, in at most two rows of four.
    const tabs = await page.getByRole('tab').evaluateAll((ts) =>
      ts.map((t) => ({
        top: Math.round(t.getBoundingClientRect().top),
        right: t.getBoundingClientRect().right,
        whole: t.scrollWidth <= t.clientWidth && t.getBoundingClientRect().height < 30,
      })),
    );
    expect(tabs.length).toBeGreaterThanOrEqual(7);
    expect(new Set(tabs.map((t) => t.top)).size).toBeLessThanOrEqual(2);
    expect(tabs.every((t) => t.whole && t.right <= 300)).toBe(true);
    await page.getByRole('tab', { name: 'Plan' }).click();
    const line = page.getByTestId('plan-line');
    expect(await text(line)).toBe('Plan: 800 MQL a year → 17.0 a week → 2.13 reps');
    const mqlToSql = page.getByLabel('MQL → SQL', { exact: true });
    expect(await mqlToSql.inputValue()).toBe('50');
    await mqlToSql.fill('25');
    await poll(() => text(line)).toBe('Plan: 1,600 MQL a year → 34.0 a week → 4.26 reps');
    await mqlToSql.fill('150');
    expect(await errorFor(page, 'MQL → SQL')).toBe('MQL → SQL must be at most 100 %');
    await poll(() => mqlToSql.getAttribute('aria-invalid')).toBe('true');
    await poll(() => save.isDisabled()).toBe(true);
    await poll(() => text(page.getByRole('tab', { name: /Plan/ }))).toContain('1');
    await mqlToSql.fill('25');
    // A cost for the most frequent Leads source (suggested), then saved.
    await page.getByRole('button', { name: '+ Add source' }).click();
    const name = page.getByLabel('Source 1 name', { exact: true });
    expect(await name.inputValue()).toBe('Website');
    const options = await page
      .locator('#leads-sources option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.sort()).toEqual(['LinkedIn', 'Referral', 'Webinar', 'Website']);
    expect(await errorFor(page, 'Source 1 monthly cost')).toBe('Cost must be a number');
    await poll(() => save.isDisabled()).toBe(true);
    await page.getByLabel('Source 1 monthly cost', { exact: true }).fill('1 200');
    await poll(() => save.isEnabled()).toBe(true);
    await page.mouse.move(299, 899);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-plan.png') });
    await save.click();
    await poll(() => text(page.locator('.status'))).toContain('Saved at');
    const loaded = rt.call('sidebarLoad') as {
      settings: { plan: { costPerSource: Record<string, number>; stageRates: number[] } };
      leadsSources: string[];
    };
    expect(loaded.settings.plan.costPerSource).toEqual({ Website: 1200 });
    expect(loaded.settings.plan.stageRates[2]).toBe(0.25);
    expect(loaded.leadsSources).toHaveLength(4);
    await page.close();
  });

  it('renders user text as text (no markup, no alert) and writes the screenshot', async () => {
    const { page, rt, dialogs } = await openSidebar();
    // Screenshot first: the Scoring tab, the first criterion open.
    await page.getByRole('button', { name: /Decision maker/ }).click();
    await page.mouse.move(299, 899);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar.png') });
    await addHandOffEveryone(page, XSS);
    await poll(() => page.locator('.crit-label', { hasText: XSS }).count()).toBe(1);
    await page.getByRole('button', { name: 'Save' }).click();
    await poll(() => text(page.locator('.status'))).toContain('Saved at');
    expect(storedSettings(rt).scoring.criteria.map((c) => c.label)).toContain(XSS);
    // Reload: the label now comes from the server.
    await page.reload();
    await page.getByTestId('preview-text').waitFor();
    await poll(() => page.locator('.crit-label', { hasText: XSS }).count()).toBe(1);
    expect(await page.locator('#app img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // The whole Scoring tab (sticky bars unstuck so they do not land mid-page).
    await page.addStyleTag({ content: '.tabs, .footer { position: static; }' });
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-full.png'), fullPage: true });
    await page.close();
  });

  it('shows SLA Team, its unusable rows and the owners missing from it', async () => {
    const { page, rt, dialogs } = await openSidebar();
    const team = rt.spreadsheet.getSheetByName('SLA Team')!;
    team.getRange(3, 1, 2, 7).setValues([
      [XSS, 'x@example.com', 'boss@example.com', 'yes', 'Europe/Paris', '', ''],
      ['Marc', 'marc@example.com', '', 'yes', 'Moon/Base', '', ''],
    ]);
    await page.getByRole('tab', { name: 'Monitor' }).click();
    await page.getByRole('button', { name: 'Refresh SLA Team' }).click();
    const list = page.getByTestId('team');
    await poll(() => text(list)).toContain(XSS);
    expect(await text(list)).toContain('Alex Martin');
    expect(await page.locator('#app img').count()).toBe(0);
    await poll(() => text(page.locator('.warning-banner', { hasText: 'Moon/Base' }))).toContain(
      'SLA Team row 4 (Marc)',
    );
    // the sample's owners are not in SLA Team (Marc's unusable row is named above instead)
    await poll(() => text(page.getByTestId('missing-owners'))).toMatch(/: Sophie, Nadia\.$/);
    // the escalation delay is a setting, validated as you type
    const delay = page.getByLabel('Escalate to the manager after');
    expect(await delay.inputValue()).toBe('4');
    await delay.fill('0');
    await poll(() => text(page.getByRole('tab', { name: /Monitor/ }))).toContain('1');
    await delay.fill('6');
    await page.getByRole('button', { name: 'Save' }).click();
    const stored = () => JSON.parse(rt.documentProperties.getProperty('sla.settings') ?? '{}');
    await poll(() => stored().monitoring?.escalateAfterHours).toBe(6);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
