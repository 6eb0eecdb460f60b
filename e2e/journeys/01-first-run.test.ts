import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from '../support/browser.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('the first visit of an empty instance creates the admin account, then shows the shell', async () => {
  const { context, page } = await newPage(browser);
  await page.goto('/');
  await page.waitForURL('**/setup');
  await page.getByRole('heading', { name: 'Bienvenue dans Panoramix' }).waitFor();

  // A weak password is refused beside its field, in French.
  await page.getByLabel('Nom d’utilisateur').fill('ada');
  await page.getByLabel('Nom affiché').fill('Ada Lovelace');
  await page.getByLabel('Mot de passe').fill('short');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByText(/doit faire au moins \d+ caractères/).waitFor();

  await page.getByLabel('Mot de passe').fill('analytical engine');
  await page.getByRole('button', { name: 'Créer le compte' }).click();
  await page.getByRole('heading', { name: 'Bonjour, Ada Lovelace' }).waitFor();
  assert.match(page.url(), /\/home$/);
  await context.close();
});

test('once the first account exists, another visitor gets the sign-in screen', async () => {
  const { context, page } = await newPage(browser);
  await page.goto('/setup');
  await page.waitForURL('**/login');
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await context.close();
});
