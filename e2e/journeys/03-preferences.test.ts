import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newUser } from '../support/api.ts';
import type { TestUser } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { appliedTheme, signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
let user: TestUser;
before(async () => {
  browser = await launchBrowser();
  user = await newUser({ displayName: 'Claire Dupont' });
});
after(() => browser.close());

const waitForTheme = (page: Page, theme: 'light' | 'dark') =>
  page.waitForFunction((expected) => document.documentElement.dataset.theme === expected, theme);

test('the theme applies at once, survives a reload and reaches the user’s other browser live', async () => {
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, user, '/preferences');
  await signIn(b.page, user);
  await waitForLive(b.page);
  await b.page.getByRole('heading', { name: 'Bonjour, Claire Dupont' }).waitFor();
  assert.equal(await appliedTheme(a.page), 'light'); // "system" on a light OS

  await screenshot(b.page, 'shell-light');
  await a.page.getByRole('radio', { name: 'Sombre' }).check();
  await waitForTheme(a.page, 'dark');
  await waitForTheme(b.page, 'dark'); // no reload: preferences.updated over the socket
  await screenshot(b.page, 'shell-dark');
  await a.page.getByRole('status').filter({ hasText: 'Préférences enregistrées.' }).waitFor();
  await screenshot(a.page, 'preferences-dark');

  await a.page.reload();
  await a.page.getByRole('radio', { name: 'Sombre' }).waitFor();
  assert.equal(await appliedTheme(a.page), 'dark');
  assert.equal(await a.page.getByRole('radio', { name: 'Sombre' }).isChecked(), true);

  await a.page.getByRole('radio', { name: 'Clair' }).check();
  await waitForTheme(b.page, 'light');
  await a.context.close();
  await b.context.close();
});

test('switching to English translates the whole interface, in every open browser', async () => {
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, user, '/preferences');
  await signIn(b.page, user);
  await waitForLive(b.page);

  await a.page.getByRole('radio', { name: 'English' }).check();
  await a.page.getByRole('heading', { name: 'Preferences', level: 1 }).waitFor();
  await a.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Links' }).waitFor();
  assert.equal(await a.page.evaluate(() => document.documentElement.lang), 'en');
  await b.page.getByRole('heading', { name: 'Hello, Claire Dupont' }).waitFor();

  await a.page.reload();
  await a.page.getByRole('heading', { name: 'Preferences', level: 1 }).waitFor();
  await a.page.getByRole('radio', { name: 'Français' }).check();
  await a.page.getByRole('heading', { name: 'Préférences', level: 1 }).waitFor();
  await b.page.getByRole('heading', { name: 'Bonjour, Claire Dupont' }).waitFor();
  await a.context.close();
  await b.context.close();
});

test('on a 360 px wide phone the sidebar is a drawer', async () => {
  const { context, page } = await newPage(browser, { width: 360, height: 740 });
  await signIn(page, user);
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  assert.equal(await nav.isVisible(), false);
  await page.getByRole('heading', { name: 'Bonjour, Claire Dupont' }).waitFor();
  await screenshot(page, 'mobile-light');

  await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
  await nav.getByRole('link', { name: 'Liens' }).waitFor({ state: 'visible' });
  await screenshot(page, 'mobile-drawer-light');
  await nav.getByRole('link', { name: 'Liens' }).click();
  await page.waitForURL('**/links');
  await nav.waitFor({ state: 'hidden' }); // the drawer closes after a navigation

  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await page.getByText('Aucun lien enregistré').waitFor();
  await screenshot(page, 'mobile-links-dark');
  await context.close();
});
