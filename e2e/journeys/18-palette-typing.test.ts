import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { newUser } from '../support/api.ts';
import { launchBrowser, newPage } from '../support/browser.ts';
import { signIn } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('what is typed right after Ctrl+K reaches the palette, even while its code is still loading', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  // The first open on a slow connection: the palette's chunk is held back until the keys are typed.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/command-palette-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await signIn(page, user, '/notes');
  await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
  assert.equal(await page.title(), 'Notes — Panoramix');

  await page.keyboard.press('Control+K');
  await page.keyboard.type('clarte'); // a "c" reaching the page would open a new note (Notes' c key)
  release();
  const field = page.getByRole('combobox', { name: 'Palette de commandes' });
  await field.waitFor();
  assert.equal(await field.inputValue(), 'clarte');
  assert.match(page.url(), /\/notes$/);
  await page.keyboard.press('Escape');

  // Loaded, from a fresh page: typed at once and run, the tab opens and names the window.
  await page.reload();
  await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
  await page.keyboard.press('Control+K');
  await page.keyboard.type('taches');
  await field.waitFor();
  assert.equal(await field.inputValue(), 'taches');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/tasks');
  await page.waitForFunction(() => document.title === 'Tâches — Panoramix');
  await context.close();
});
