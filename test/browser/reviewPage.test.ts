/** The review's HTML page opened in Chromium: user text stays text, nothing is fetched. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKUP_NAME, reviewPage } from '../fixtures/reviewPage.ts';

const CHROMIUM = '/usr/bin/chromium';
let browser: BrowserContext;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium"`,
    );
  }
  profile = mkdtempSync(join(tmpdir(), 'sla-review-page-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the review page in a browser', () => {
  it('shows a lead named <script>alert(1)</script> as text and runs no script', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      requests.push(r.url());
    });
    await page.setContent(reviewPage(), { waitUntil: 'load' });
    const rejected = page.locator('section', { hasText: 'Rejected leads to re-evaluate' });
    await expect(rejected.locator('td').nth(2).textContent()).resolves.toBe(MARKUP_NAME);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('svg').count()).toBe(2);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
