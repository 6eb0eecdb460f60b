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

test('the Panorama view: its manual order and status persist, and the view is remembered', async () => {
  const user = await newUser();
  for (const name of ['Alpha', 'Bêta', 'Gamma']) await api(routes.projects.create, { token: user.token, body: { name } });
  const { context, page } = await newPage(browser);
  await signIn(page, user, '/projects');
  await page.getByRole('radio', { name: 'Panorama' }).check();
  const list = page.getByRole('list', { name: 'Panorama' });
  const order = () => list.getByRole('link').allInnerTexts();
  await list.getByText('Gamma').waitFor();
  assert.deepEqual(await order(), ['Alpha', 'Bêta', 'Gamma']);
  assert.match(await list.getByRole('listitem').first().innerText(), /Santé 100\/100/);

  // Gamma to the top from the keyboard; its manual status to red.
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/projects/'));
  await list.getByRole('combobox', { name: 'Statut manuel de Gamma' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  // The first move's echo from the server may show for a moment before the second one's.
  await list.getByRole('link').first().filter({ hasText: 'Gamma' }).waitFor();
  assert.deepEqual(await order(), ['Gamma', 'Alpha', 'Bêta']);
  await saved;
  await list.getByRole('combobox', { name: 'Statut manuel de Alpha' }).selectOption({ label: 'Rouge' });
  await page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/projects/'));
  await screenshot(page, 'portfolio-light');

  await page.reload();
  await list.getByText('Gamma').waitFor();
  assert.deepEqual(await order(), ['Gamma', 'Alpha', 'Bêta']);
  // A reload paints from the local replica at once (saved a moment after each change), then catches up.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('select')).some(
      (select) => select.getAttribute('aria-label') === 'Statut manuel de Alpha' && select.value === 'red',
    ),
  );
  await context.close();
});
