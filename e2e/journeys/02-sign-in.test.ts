import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('a wrong password says so under the form', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await page.goto('/login');
  await page.getByLabel('Nom d’utilisateur').fill(user.username);
  await page.getByLabel('Mot de passe').fill('not my password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  assert.equal(await page.getByRole('alert').textContent(), 'Nom d’utilisateur ou mot de passe incorrect.');
  await screenshot(page, 'login-error-light');
  await context.close();
});

test('too many failures show how long to wait', async () => {
  const user = await newUser();
  // The API allows 10 failures per account and address in a window (LOGIN_PAIR_FAILURES_MAX).
  for (let i = 0; i < 10; i += 1) {
    await api(routes.auth.login, { body: { username: user.username, password: 'wrong' } }).catch(() => undefined);
  }
  const { context, page } = await newPage(browser);
  await page.goto('/login');
  await page.getByLabel('Nom d’utilisateur').fill(user.username);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  assert.match(
    (await page.getByRole('alert').textContent()) ?? '',
    /^Trop de tentatives\. Réessayez dans \d+ (secondes?|minutes?)\.$/,
  );
  await context.close();
});

test('the session survives a reload, and signing out ends it', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user);
  await page.reload();
  await page.getByRole('heading', { name: `Bonjour, ${user.displayName}` }).waitFor();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL('**/login');
  await page.reload();
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  assert.match(page.url(), /\/login$/);
  await context.close();
});

test('a signed-out deep link goes through sign-in and back to the same place', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await page.goto('/preferences');
  await page.waitForURL('**/login?next=%2Fpreferences');
  await signIn(page, user, page.url());
  await page.waitForURL('**/preferences');
  await page.getByRole('heading', { name: 'Préférences' }).waitFor();
  await context.close();
});

test('a lost session sends the user to sign in, remembering where they were', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user);
  await page.goto('/links');
  await page.getByRole('heading', { name: 'Liens', level: 1 }).waitFor();
  await context.clearCookies(); // the refresh cookie is gone, as after its expiry
  await page.reload();
  await page.waitForURL('**/login?next=%2Flinks');
  await context.close();
});
