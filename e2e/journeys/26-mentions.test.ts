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

test('@ in a note offers people, inserts a mention shown as a chip, and the chip opens the person', async () => {
  const user = await newUser();
  const body = (name: string, lastName: string) => ({ token: user.token, body: { name, lastName } });
  const elodie = await api(routes.people.create, body('Élodie', 'Dupont'));
  await api(routes.people.create, body('Jean', 'Martin'));
  const { page, context } = await newPage(browser);
  await signIn(page, user, '/notes');

  await page.getByRole('button', { name: 'Nouvelle note' }).first().click();
  await page.getByLabel('Titre').fill('Réunion budget');
  const content = page.getByLabel('Contenu (Markdown)');
  await content.click();
  await page.keyboard.type('Voir avec @elo'); // no accent typed: the Personnes search ignores them
  const offered = page.getByRole('listbox', { name: 'Personnes à mentionner' });
  await offered.getByRole('option', { name: 'Élodie Dupont' }).waitFor();
  assert.equal(await offered.getByRole('option').count(), 1);
  await page.keyboard.press('Enter');
  await page.keyboard.type('demain');
  assert.equal(await content.inputValue(), `Voir avec [@Élodie Dupont](/people?open=${elodie.id}) demain`);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/notes\/[0-9a-f]{24}$/);

  await page.getByRole('radio', { name: 'Aperçu' }).check();
  const chip = page.getByRole('link', { name: '@Élodie Dupont' });
  await chip.waitFor();
  await screenshot(page, 'mention-chip');
  await chip.click();
  await page.waitForURL(`**/people?open=${elodie.id}`);
  await page.getByRole('dialog', { name: 'Élodie Dupont' }).waitFor();
  await context.close();
});
