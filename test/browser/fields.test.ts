/**
 * The Fields tab in Chromium at 300 px, on a HubSpot contacts export as HubSpot writes it:
 * the headers found and their counts, another column for a field, an unknown status mapped,
 * saved, and the next check following it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../runtime/index.ts';
import { type PreviewServer, startPreviewServer } from '../../scripts/preview.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import { rowsOf, ZOHO_CALLS } from '../fixtures/activityExports.ts';
import { exportRows, HUBSPOT } from '../fixtures/crmExports.ts';
import { ARTIFACTS, launchSidebarBrowser, type SidebarBrowser } from './chromium.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const XSS = '<img src=x onerror=alert(1)>';
/** The export, plus one lead whose status is markup (shown as text, never parsed). */
const WITH_MARKUP = [
  ...exportRows(HUBSPOT),
  HUBSPOT.header.map((h) => ({ 'Record ID': 111, 'Lead Status': XSS })[h] ?? ''),
];

let browser: SidebarBrowser;
const servers: PreviewServer[] = [];

beforeAll(async () => {
  browser = await launchSidebarBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function openFields(
  rows: unknown[][] = exportRows(HUBSPOT),
  fields: Record<string, string> = {},
): Promise<{ page: Page; rt: Runtime; panel: Locator }> {
  const rt = createRuntime({ timeZone: 'Europe/Paris', locale: HUBSPOT.locale });
  rt.addSheet(HUBSPOT.sheet, rows);
  rt.load();
  rt.setNow(NOW);
  if (Object.keys(fields).length) {
    const settings = defaultSettings();
    settings.mapping.fields = fields;
    rt.call('sidebarSave', JSON.stringify(settings));
  }
  return openFieldsOn(rt);
}

/** The sidebar on a prepared runtime, on its Fields tab. */
async function openFieldsOn(rt: Runtime): Promise<{ page: Page; rt: Runtime; panel: Locator }> {
  const server = await startPreviewServer({ port: 0, runtime: rt });
  servers.push(server);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  await page.goto(server.sidebarUrl);
  await page.getByTestId('preview-text').waitFor();
  // Keyboard: from Scoring, the arrow key reaches Fields.
  await page.getByRole('tab', { name: 'Scoring' }).focus();
  await page.keyboard.press('ArrowRight');
  expect(await page.getByRole('tab', { name: 'Fields' }).getAttribute('aria-selected')).toBe(
    'true',
  );
  expect(errors).toEqual([]);
  return { page, rt, panel: page.locator('#panel-fields') };
}

const poll = (fn: () => Promise<unknown>, timeout = 15_000) => expect.poll(fn, { timeout });
const text = async (l: Locator): Promise<string> => (await l.textContent()) ?? '';

/** The text of the option a select shows. */
const shown = (select: Locator): Promise<string> =>
  select.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');

function statusOf(rt: Runtime, recordId: number): string {
  const sheet = rt.toWorkbook().sheets.find((s) => s.name === HUBSPOT.sheet)!;
  const head = sheet.values[0]!;
  const row = sheet.values.find((r) => r[0] === recordId)!;
  return String(row[head.indexOf('SLA status')]);
}

describe('the Fields tab on a HubSpot export', { timeout: 90_000 }, () => {
  it('shows the headers found and their counts, and follows another column', async () => {
    const { page, panel } = await openFields();
    const summary = panel.getByTestId('fields-summary');
    await poll(() => text(summary)).toBe(
      `10 leads in "${HUBSPOT.sheet}". Cells that cannot be read in Handed off at. 1 value is not mapped (read as open leads): map below.`,
    );
    const handoff = panel.getByLabel('Handed off at', { exact: true });
    expect(await shown(handoff)).toBe('Automatic: Owner Assigned Date');
    expect(await text(panel.getByTestId('counts-handedOffAt'))).toBe(
      '7 read · 1 unreadable · 2 blank',
    );
    expect(await text(panel.getByTestId('counts-firstContactAt'))).toBe('Not in this sheet');
    // The unreadable count is in the warning colour, the zero one is not.
    const colour = (l: Locator) => l.evaluate((e) => getComputedStyle(e).color);
    const unreadable = panel.getByTestId('counts-handedOffAt').locator('.unreadable');
    expect(await colour(unreadable)).not.toBe(
      await colour(panel.getByTestId('counts-owner').locator('span')),
    );
    // The clock: the hand-off column, automatically.
    const clock = panel.getByLabel('The deadline counts from', { exact: true });
    expect(await shown(clock)).toBe('Automatic: Owner Assigned Date');
    // Created at read from the hand-off column instead: its count follows, and the hand-off
    // field (a column feeds one field) and the clock move on.
    const created = panel.getByLabel('Created at', { exact: true });
    expect(await text(panel.getByTestId('counts-createdAt'))).toBe(
      '1 read · 0 unreadable · 9 blank',
    );
    await created.selectOption({ label: 'Owner Assigned Date' });
    await poll(() => text(panel.getByTestId('counts-createdAt'))).toBe(
      '7 read · 1 unreadable · 2 blank',
    );
    await poll(() => shown(panel.getByLabel('Handed off at', { exact: true }))).toBe(
      'Automatic: none found',
    );
    await poll(() => shown(panel.getByLabel('The deadline counts from', { exact: true }))).toBe(
      'Automatic: Became a Marketing Qualified Lead Date',
    );
    // Focus stayed on the select the user changed, through the rebuild.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-focus'))).toBe(
      'field:createdAt',
    );
    // None: the field is not read at all.
    await panel
      .getByLabel('Created at', { exact: true })
      .selectOption({ label: 'None (not in this sheet)' });
    await poll(() => text(panel.getByTestId('counts-createdAt'))).toBe('None: not read');
    await panel.getByLabel('Created at', { exact: true }).selectOption({ label: 'Automatic' });
    await poll(() => text(panel.getByTestId('counts-createdAt'))).toBe(
      '1 read · 0 unreadable · 9 blank',
    );
    // Validated as typed with the shared schema; the error is counted on the Fields tab.
    const tracking = panel.getByLabel('Track never-contacted leads for', { exact: true });
    await tracking.fill('0');
    const trackingError = panel.locator(`[id="${await tracking.getAttribute('id')}-err"]`);
    await poll(() => text(trackingError)).toBe('Tracking window is at least 1 day');
    await poll(() => tracking.getAttribute('aria-invalid')).toBe('true');
    await poll(() => text(page.getByRole('tab', { name: /Fields/ }))).toBe('Fields1');
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await poll(() => text(panel.getByTestId('fields-summary'))).toBe(
      'Fix the highlighted fields to update the counts.',
    );
    await tracking.fill('60');
    await poll(() => text(trackingError)).toBe('');
    // Back as saved: nothing to save.
    await poll(() => text(page.locator('.status'))).toBe('All changes saved');
    await poll(() => text(summary)).toBe(
      `10 leads in "${HUBSPOT.sheet}". Cells that cannot be read in Handed off at. 1 value is not mapped (read as open leads): map below.`,
    );
    // The top of the tab, as a user opening it sees it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(299, 899);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-fields.png') });
    await page.close();
  });

  it('maps an unknown status, saves, and the check follows', async () => {
    const { page, rt, panel } = await openFields(WITH_MARKUP);
    rt.call('checkLeadsNow');
    // a status nobody knows never blocks its row: timed as an open lead, and said
    expect(statusOf(rt, 109)).toBe(
      'Overdue · 1 h late · "Qualifying?" not mapped (read as an open lead): map it in Fields',
    );
    // Every value with its rows; the unknown ones flagged; markup shown as text.
    const values = panel.getByTestId('stage-value');
    await poll(() => values.count()).toBe(11);
    const qualifying = values.filter({ hasText: '"Qualifying?"' });
    expect(await text(qualifying)).toContain('1 row · not mapped: read as open');
    expect(await qualifying.evaluate((e) => e.classList.contains('unknown'))).toBe(true);
    expect(await text(values.filter({ hasText: '"Connected"' }))).toContain('1 row · built in');
    expect(await shown(panel.getByLabel('Meaning of "Connected"'))).toBe('Contacted (built in)');
    expect(await text(values.filter({ hasText: XSS }))).toContain(`"${XSS}"`);
    expect(await page.locator('#app img').count()).toBe(0);
    const status = panel.getByTestId('counts-leadStatus');
    expect(await text(status)).toBe('8 read · 0 unreadable · 2 not mapped · 1 blank');
    // Mapped by keyboard: focus the select, pick Lead.
    const meaning = panel.getByLabel('Meaning of "Qualifying?"');
    await meaning.focus();
    await meaning.selectOption('Lead');
    await poll(() => text(status)).toBe('9 read · 0 unreadable · 1 not mapped · 1 blank');
    expect(await text(qualifying)).toContain('1 row · mapped by you');
    expect(await qualifying.evaluate((e) => e.classList.contains('unknown'))).toBe(false);
    await poll(() => text(panel.getByTestId('fields-summary'))).toContain('1 value is not mapped');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.mouse.move(299, 899);
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-fields-values.png') });
    // Save: the settings keep the entry.
    const save = page.getByRole('button', { name: 'Save' });
    await poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await poll(() => text(page.locator('.status'))).toContain('Saved at');
    const stored = JSON.parse(rt.documentProperties.getProperty('sla.settings') ?? '{}') as {
      mapping: { stageValues: Record<string, string> };
    };
    expect(stored.mapping.stageValues).toEqual({ 'Qualifying?': 'Lead' });
    // The next check reads the status through the same map.
    await page.getByRole('tab', { name: 'Monitor' }).click();
    await page.getByRole('button', { name: 'Check leads now' }).click();
    await poll(() => text(page.getByTestId('check-outcome'))).toMatch(/^Checked 11 leads/);
    expect(statusOf(rt, 109)).toBe('Overdue · 1 h late');
    expect(statusOf(rt, 111)).toMatch(/^Waiting · "<img/);
    // The whole tab, sticky bars unstuck.
    await page.getByRole('tab', { name: 'Fields' }).click();
    await page.addStyleTag({ content: '.tabs, .footer { position: static; }' });
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-fields-full.png'), fullPage: true });
    await page.close();
  });

  it('says when a chosen column is no longer in row 1, and reads the usual one', async () => {
    const { page, panel } = await openFields(exportRows(HUBSPOT), { owner: 'Sales rep' });
    const owner = panel.getByLabel('Owner', { exact: true });
    await poll(() => text(panel.getByTestId('counts-owner'))).toBe(
      '1 read · 0 unreadable · 9 blank',
    );
    expect(await shown(owner)).toBe('Sales rep (not in row 1)');
    expect(await text(panel.getByTestId('note-owner'))).toBe(
      '"Sales rep" is not in row 1: read "Contact owner" instead',
    );
    await owner.selectOption({ label: 'Contact owner' });
    await poll(() => shown(panel.getByLabel('Owner', { exact: true }))).toBe('Contact owner');
    await poll(() => panel.getByTestId('note-owner').isVisible()).toBe(false);
    await page.close();
  });

  it('reads the activity log beside the leads, and reads none when told', async () => {
    const rt = createRuntime({ timeZone: 'Europe/Paris', locale: 'en_US' });
    rt.addSheet(
      ZOHO_CALLS.leadsSheet,
      rowsOf(
        ZOHO_CALLS.leadHeader,
        ZOHO_CALLS.leads.map((l) => l.row),
      ),
    );
    rt.addSheet(ZOHO_CALLS.logSheet, rowsOf(ZOHO_CALLS.logHeader, ZOHO_CALLS.activities));
    rt.load();
    rt.setNow(NOW);
    const { page, panel } = await openFieldsOn(rt);
    const summary = panel.getByTestId('activity-summary');
    await poll(() => text(summary)).toBe(
      '5 activities read · 3 done matched to 2 leads · 1 matched no lead · 1 planned or open (not counted)',
    );
    const sheet = panel.getByLabel('Activities are read from');
    expect(await shown(sheet)).toBe(`Automatic: ${ZOHO_CALLS.logSheet}`);
    expect(await text(panel.getByTestId('activity-columns'))).toContain('Lead ← "LEADID"');
    await panel.getByTestId('activity-columns').scrollIntoViewIfNeeded();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'sidebar-fields-activity-log.png') });
    await sheet.selectOption({ label: 'None' });
    await poll(() => text(panel.getByTestId('activity-summary'))).toBe(
      'No activity log is read: first contacts come from the leads sheet.',
    );
    await page.close();
  });
});
