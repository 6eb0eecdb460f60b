import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { openTab, signIn, waitForLive } from '../support/journey.ts';

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

test('a long list comes whole from the live local replica, and coming back to Liens, Notes or Accueil asks the server nothing', async () => {
  const user = await newUser();
  // 205 links: more than the 200 a list route answers at once, saved ten at a time.
  const names = Array.from({ length: 205 }, (_, i) => `Lien ${String(i).padStart(3, '0')}`);
  for (let i = 0; i < names.length; i += 10) {
    await Promise.all(
      names
        .slice(i, i + 10)
        .map((name) => api(routes.links.create, { token: user.token, body: { name, url: `https://example.test/${i}` } })),
    );
  }
  const { page, context } = await newPage(browser);
  await signIn(page, user, '/notes');
  await waitForLive(page);
  await page.getByText('Aucune note. Créez-en une avec « Nouvelle note ».').waitFor();
  await openTab(page, 'Accueil');
  await page.getByRole('heading', { name: 'Tâches par statut' }).waitFor();
  await openTab(page, 'Liens');
  const rows = page.getByRole('list', { name: 'Liens' }).getByRole('listitem');
  await rows.nth(204).waitFor();
  assert.equal(await rows.count(), 205);
  assert.equal(await page.getByRole('button', { name: 'Charger plus' }).count(), 0);

  // Every tab has been shown once: from now on, their lists and sections are computed locally.
  const asked: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') && !pathname.startsWith('/api/sync/')) asked.push(`${request.method()} ${pathname}`);
  });
  await openTab(page, 'Notes');
  await page.getByRole('radio', { name: 'Sessions' }).check();
  await page.getByText('Aucune session. Une session capture une réunion ligne par ligne.').waitFor();
  await openTab(page, 'Accueil');
  await page.getByRole('radio', { name: '24 h' }).check();
  await page.getByText('Aucune activité sur la période.').waitFor();
  await openTab(page, 'Liens');
  await rows.nth(204).waitFor();
  assert.deepEqual(asked, []);
  await context.close();
});
