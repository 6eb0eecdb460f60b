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

test('the command palette reaches tabs and commands with the keyboard only', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user);
  const palette = page.getByRole('dialog', { name: 'Palette de commandes' });

  await page.keyboard.press('Control+K');
  await palette.waitFor();
  await page.keyboard.type('liens');
  await screenshot(page, 'palette-light');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/links');
  await page.getByRole('heading', { name: 'Liens', level: 1 }).waitFor();
  assert.equal(await palette.count(), 0);

  // Fuzzy and accent-insensitive: "prfrnc" finds "Ouvrir les préférences".
  await page.keyboard.press('Control+K');
  await page.keyboard.type('prfrnc');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/preferences');

  // A feature's own command: "Nouveau lien" opens Links with the form focused.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('nouveau lien');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/links?new');
  await page.waitForFunction(
    () =>
      document.activeElement?.getAttribute('id') === document.querySelector<HTMLLabelElement>('form.link-form label')?.htmlFor,
  );

  // The link added from there is edited in place from the keyboard: e on its row, Ctrl+Enter saves, Esc cancels.
  await page.keyboard.type('Docs');
  await page.getByRole('textbox', { name: 'Adresse' }).fill('https://docs.example.test');
  await page.keyboard.press('Enter');
  const links = page.getByRole('list', { name: 'Liens' });
  await links.getByRole('link', { name: 'Docs' }).focus();
  await page.keyboard.press('e');
  const edit = page.getByRole('form', { name: 'Modifier Docs' });
  await edit.getByRole('textbox', { name: 'Nom' }).fill('Guide');
  await page.keyboard.press('Control+Enter');
  await links.getByRole('link', { name: 'Guide' }).waitFor();
  await page.reload();
  await links.getByRole('link', { name: 'Guide' }).focus();
  await page.keyboard.press('e');
  await page.getByRole('form', { name: 'Modifier Guide' }).getByRole('textbox', { name: 'Nom' }).fill('Never saved');
  await page.keyboard.press('Escape');
  await page.getByRole('form', { name: 'Modifier Guide' }).waitFor({ state: 'detached' });
  assert.equal(await links.getByRole('link').first().innerText(), 'Guide');

  // Esc closes without running anything.
  await page.keyboard.press('Control+K');
  await palette.waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await palette.count(), 0);

  // An app command: the sidebar collapses to icons, and the choice is kept across reloads.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('barre latérale');
  await page.keyboard.press('Enter');
  await page.locator('.shell[data-collapsed="true"]').waitFor();
  await page.reload();
  await page.locator('.shell[data-collapsed="true"]').waitFor();
  await page.getByRole('heading', { name: 'Liens', level: 1 }).waitFor();
  await screenshot(page, 'shell-collapsed-light');

  // G then H: the Home tab's shortcut.
  await page.locator('body').click({ position: { x: 600, y: 700 } }); // move focus out of the input
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await page.waitForURL('**/home');
  await context.close();
});
