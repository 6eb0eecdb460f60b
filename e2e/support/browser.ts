import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? '';
if (!baseUrl.startsWith('http://127.0.0.1:'))
  throw new Error('E2E_BASE_URL must point at 127.0.0.1 (run through scripts/run.ts)');

export const artifactsDir = path.resolve(import.meta.dirname, '../artifacts');

/** Debian's Chromium, with everything that could phone home turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A context is one browser profile: its own cookies, so its own session. */
export async function newPage(
  browser: Browser,
  options: { width?: number; height?: number; baseUrl?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: options.baseUrl ?? baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  context.setDefaultTimeout(10_000);
  // Only the app under test may be reached.
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  return { context, page: await context.newPage() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  // Transitions fast-forwarded: a drawer is captured open, not half-way.
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), animations: 'disabled' });
}
