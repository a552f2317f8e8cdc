/** The review's HTML page opened in Chromium: user text stays text, nothing is fetched. */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKUP_NAME, reviewPage } from '../fixtures/reviewPage.ts';
import { launchSidebarBrowser, type SidebarBrowser } from './chromium.ts';

let chromiumBrowser: SidebarBrowser;
let browser: BrowserContext;

beforeAll(async () => {
  chromiumBrowser = await launchSidebarBrowser(900, 1400);
  browser = chromiumBrowser.context;
});

afterAll(async () => {
  await chromiumBrowser?.close();
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
