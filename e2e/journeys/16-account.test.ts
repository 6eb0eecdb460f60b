import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newUser } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
  await newUser(); // the instance has its first account (its admin): later ones sign up from the sign-in screen
});
after(() => browser.close());

const username = `acct${process.pid % 10_000}`;
const firstPassword = 'premier mot de passe';
const secondPassword = 'second mot de passe';
/** A 1×1 PNG, for the avatar. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function signInAs(page: Page, password: string) {
  await page.goto('/login');
  await page.getByLabel('Nom d’utilisateur').fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('#main').waitFor();
}

test('sign up, rename, see both sessions, change the password: the other browser is signed out', async () => {
  const mine = await newPage(browser);
  const other = await newPage(browser);

  // Sign-up from the sign-in screen while registration is open.
  await mine.page.goto('/login');
  await mine.page.getByRole('link', { name: 'Créer un compte' }).click();
  await mine.page.waitForURL('**/register');
  await mine.page.getByLabel('Nom d’utilisateur').fill(username);
  await mine.page.getByLabel('Mot de passe').fill(firstPassword);
  await mine.page.getByRole('button', { name: 'Créer le compte' }).click();
  await mine.page.locator('#main').waitFor();

  await signInAs(other.page, firstPassword);
  await waitForLive(other.page);

  // Profile: the new display name shows in the sidebar at once.
  await mine.page.getByRole('link', { name: 'Compte' }).click();
  await mine.page.getByRole('heading', { name: 'Compte', level: 1 }).waitFor();
  await mine.page.getByLabel('Nom affiché').fill('Ada Lovelace');
  await mine.page.getByRole('button', { name: 'Enregistrer' }).click();
  await mine.page.locator('.sidebar-user', { hasText: 'Ada Lovelace' }).waitFor();
  assert.equal(await mine.page.title(), 'Compte — Panoramix');

  // Avatar: an uploaded image replaces the initials, and can be removed.
  assert.equal(await mine.page.locator('.user-avatar').textContent(), 'AL');
  await mine.page.getByTestId('avatar-input').setInputFiles({ name: 'moi.png', mimeType: 'image/png', buffer: png });
  await mine.page.locator('.user-avatar img').waitFor();
  await mine.page.getByRole('button', { name: 'Retirer l’image' }).click();
  await mine.page.locator('.user-avatar', { hasText: 'AL' }).waitFor();

  // Both sign-ins are listed, this one marked.
  const sessions = mine.page.getByRole('list', { name: 'Sessions ouvertes' });
  await sessions.getByRole('listitem').nth(1).waitFor();
  assert.equal(await sessions.getByRole('listitem').count(), 2);
  assert.equal(await sessions.getByText('Cette session').count(), 1);
  await screenshot(mine.page, 'account-sessions');

  // A mismatched confirmation is caught before anything is sent.
  await mine.page.getByLabel('Mot de passe actuel').fill(firstPassword);
  await mine.page.getByLabel('Nouveau mot de passe', { exact: true }).fill(secondPassword);
  await mine.page.getByLabel('Confirmer le nouveau mot de passe').fill('autre chose');
  await mine.page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await mine.page.getByText('Les deux mots de passe ne correspondent pas.').waitFor();

  await mine.page.getByLabel('Confirmer le nouveau mot de passe').fill(secondPassword);
  await mine.page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await mine.page.getByText('Mot de passe changé.', { exact: false }).waitFor();

  // The other browser is signed out by itself, without reloading; this one carries on.
  await other.page.waitForURL('**/login**');
  await other.page.getByRole('heading', { name: 'Connexion' }).waitFor();
  await mine.page.reload();
  await mine.page.getByRole('heading', { name: 'Compte', level: 1 }).waitFor();
  const left = mine.page.getByRole('list', { name: 'Sessions ouvertes' }).getByRole('listitem');
  await left.first().waitFor();
  assert.equal(await left.count(), 1);

  // The old password no longer works; the new one does.
  await other.page.getByLabel('Nom d’utilisateur').fill(username);
  await other.page.getByLabel('Mot de passe').fill(firstPassword);
  await other.page.getByRole('button', { name: 'Se connecter' }).click();
  await other.page.getByRole('alert').waitFor();
  await signInAs(other.page, secondPassword);

  // From the sessions list, this browser signs the other one out.
  await mine.page.reload();
  const list = mine.page.getByRole('list', { name: 'Sessions ouvertes' });
  await list.getByRole('listitem').nth(1).waitFor();
  await list.getByRole('button', { name: /^Déconnecter/ }).click();
  await mine.page.getByRole('dialog').getByRole('button', { name: 'Déconnecter' }).click();
  await other.page.waitForURL('**/login**');

  await mine.context.close();
  await other.context.close();
});
