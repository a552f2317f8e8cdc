/**
 * Debian Chromium through playwright-core, at the sidebar's 300 px, in a fresh profile: what
 * the browser tests share.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { REPO_ROOT } from '../../runtime/index.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

export interface SidebarBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium at the sidebar's 300 px (or another width, for a full page). */
export async function launchSidebarBrowser(height = 900, width = 300): Promise<SidebarBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium"`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'sla-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
