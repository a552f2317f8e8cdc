/**
 * The review's HTML page opened in Chromium: user text stays text, nothing is fetched; it reads
 * on a phone (390 px) and a laptop (1280 px), headline and charts first, and prints cleanly.
 * Screenshots of both widths go to test-artifacts/ to be looked at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKUP_NAME, reviewPage } from '../fixtures/reviewPage.ts';
import { ARTIFACTS, launchSidebarBrowser, type SidebarBrowser } from './chromium.ts';

let chromiumBrowser: SidebarBrowser;
let browser: BrowserContext;
const html = reviewPage();

beforeAll(async () => {
  chromiumBrowser = await launchSidebarBrowser(900, 1400);
  browser = chromiumBrowser.context;
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await chromiumBrowser?.close();
});

async function pageAt(width: number, height = 900): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

/** Where the headline, the first chart and the first other table start, from the top. */
async function order(page: Page) {
  return page.evaluate(() => {
    const top = (el: Element | null) => (el ? el.getBoundingClientRect().top + window.scrollY : -1);
    return {
      headline: top(document.querySelector('.headline table')),
      chart: top(document.querySelector('.charts svg')),
      tables: top(document.querySelector('.tables table')),
    };
  });
}

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
    await page.setContent(html, { waitUntil: 'load' });
    const rejected = page.locator('section', { hasText: 'Rejected leads to re-evaluate' });
    await expect(rejected.locator('td').nth(2).textContent()).resolves.toBe(MARKUP_NAME);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('svg').count()).toBe(2);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it.each([390, 1280])(
    'reads at %i px: no sideways scroll, headline then charts then tables',
    async (width) => {
      const page = await pageAt(width);
      const scroll = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        // the boxes that scroll inside themselves, and how wide their tables are
        boxes: [...document.querySelectorAll('.table-box')].map((b) => ({
          box: b.getBoundingClientRect().right,
          inner: b.scrollWidth,
        })),
        charts: [...document.querySelectorAll('.charts svg')].map(
          (s) => s.getBoundingClientRect().right,
        ),
      }));
      expect(scroll.page).toBeLessThanOrEqual(scroll.view);
      for (const b of scroll.boxes) expect(b.box).toBeLessThanOrEqual(width);
      for (const right of scroll.charts) expect(right).toBeLessThanOrEqual(width);
      if (width === 390) expect(scroll.boxes.some((b) => b.inner > b.box)).toBe(true);
      const at = await order(page);
      expect(at.headline).toBeGreaterThan(0);
      expect(at.headline).toBeLessThan(at.chart);
      expect(at.chart).toBeLessThan(at.tables);
      await page.screenshot({ path: join(ARTIFACTS, `review-page-${width}.png`), fullPage: true });
      await page.close();
    },
  );

  it('prints with each chart whole and no table box cut', async () => {
    const page = await pageAt(1280);
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      figures: [...document.querySelectorAll('.charts figure')].map(
        (f) => getComputedStyle(f).breakInside,
      ),
      boxes: [...document.querySelectorAll('.table-box')].map((b) => getComputedStyle(b).overflowX),
    }));
    expect(styles.figures).toEqual(['avoid', 'avoid']);
    expect(new Set(styles.boxes)).toEqual(new Set(['visible']));
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.length).toBeGreaterThan(1000);
    await page.close();
  });
});
