import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { newUser } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('? opens the cheat sheet of every shortcut, and the keys it lists work', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user, '/notes');
  await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await sheet.waitFor();
  const everywhere = await sheet.getByRole('region', { name: 'Partout' }).innerText();
  assert.match(everywhere, /Ouvrir ou fermer la palette de commandes/);
  assert.match(everywhere, /G\s*T\s*Aller à : Tâches/);
  assert.match(await sheet.getByRole('region', { name: 'Notes' }).innerText(), /C\s*Nouvelle note/);
  await screenshot(page, 'cheat-sheet-light');
  await page.keyboard.press('Escape');
  assert.equal(await sheet.count(), 0);

  // The key the sheet listed: c on Notes starts a new note, its title focused.
  await page.keyboard.press('c');
  await page.waitForURL('**/notes/new');
  await page.getByLabel('Titre').waitFor();

  // The palette shows a command's key beside it.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('raccourcis');
  const option = page.getByRole('option', { name: /Afficher les raccourcis clavier/ });
  assert.equal(await option.locator('kbd').innerText(), '?');
  await page.keyboard.press('Enter');
  await sheet.waitFor();
  await context.close();
});

test('the time zone is found by typing a city, grouped by region, the device’s first', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user, '/preferences');
  const zone = page.getByLabel('Fuseau horaire', { exact: true });
  assert.equal(await zone.locator('option').first().innerText(), 'Celui de l’appareil (Europe/Paris)');
  assert.equal(await zone.locator('optgroup').first().getAttribute('label'), 'Europe');

  await page.getByRole('searchbox', { name: /Chercher un fuseau/ }).fill('tokyo');
  assert.deepEqual(await zone.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label'))), ['Asie']);
  await zone.selectOption('Asia/Tokyo');
  await page.getByText('Préférences enregistrées.').waitFor();
  await page.reload();
  assert.equal(await page.getByLabel('Fuseau horaire', { exact: true }).inputValue(), 'Asia/Tokyo');
  await context.close();
});
