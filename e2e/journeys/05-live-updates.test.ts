import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

test('a link saved elsewhere appears in every open browser of the user without a reload', async () => {
  const user = await newUser();
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, user, '/links');
  await signIn(b.page, user, '/links');
  const listIn = (page: typeof a.page) => page.getByRole('list', { name: 'Liens' });
  await b.page.getByText('Aucun lien enregistré').waitFor();
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);

  // Saved by another client through the API: both browsers receive link.created.
  await api(routes.links.create, { token: user.token, body: { name: 'Documentation', url: 'docs.example.test' } });
  await listIn(a.page).getByRole('link', { name: 'Documentation' }).waitFor();
  await listIn(b.page).getByRole('link', { name: 'Documentation' }).waitFor();

  // Saved in browser A through the form: B sees it.
  await a.page.getByLabel('Nom').fill('Annuaire');
  await a.page.getByLabel('Adresse').fill('https://annuaire.example.test');
  await a.page.getByRole('button', { name: 'Ajouter' }).click();
  await listIn(b.page).getByRole('link', { name: 'Annuaire' }).waitFor();
  await screenshot(b.page, 'links-light');

  // Deleted in B: gone from A.
  await b.page.getByRole('button', { name: 'Supprimer Documentation' }).click();
  await listIn(a.page).getByRole('link', { name: 'Documentation' }).waitFor({ state: 'detached' });
  await a.context.close();
  await b.context.close();
});

test('a list longer than a page shows the rest on "Charger plus", keyboard included', async () => {
  const user = await newUser();
  // 205 links: one page of 200 (the web's page size), then five more, saved ten at a time.
  const names = Array.from({ length: 205 }, (_, i) => `Lien ${String(i).padStart(3, '0')}`);
  for (let i = 0; i < names.length; i += 10) {
    await Promise.all(
      names
        .slice(i, i + 10)
        .map((name) => api(routes.links.create, { token: user.token, body: { name, url: `https://example.test/${i}` } })),
    );
  }
  const { page, context } = await newPage(browser);
  await signIn(page, user, '/links');
  await waitForLive(page);
  const rows = page.getByRole('list', { name: 'Liens' }).getByRole('listitem');
  await page.getByRole('button', { name: 'Charger plus' }).waitFor();
  if ((await rows.count()) !== 200) throw new Error(`expected the first page of 200 links, got ${await rows.count()}`);

  await page.getByRole('button', { name: 'Charger plus' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Charger plus' }).waitFor({ state: 'detached' });
  await rows.nth(204).waitFor();
  if ((await rows.count()) !== 205) throw new Error(`expected all 205 links, got ${await rows.count()}`);
  await context.close();
});
