import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newUser } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { openTab, signIn } from '../support/journey.ts';

// The Liens tab's own chunk (`links-page-<hash>.js`), fetched on the tab's first visit.
const linksChunk = /\/assets\/links-page-[\w-]+\.js$/;

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const boundary = (page: Page) => page.getByRole('alert').filter({ hasText: 'Cette page n’a pas pu être chargée.' });

test('a tab whose chunk fails to load offers Réessayer, with the shell still there, and recovers', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user);
  await context.route(linksChunk, (route) => route.abort('connectionfailed'));

  await openTab(page, 'Liens');
  await boundary(page).waitFor();
  assert.match((await boundary(page).textContent()) ?? '', /Son chargement a échoué\./);
  assert.equal(await page.getByRole('navigation').getByRole('link', { name: 'Accueil' }).isVisible(), true);
  await screenshot(page, 'chunk-failure');

  await context.unroute(linksChunk);
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByRole('heading', { name: 'Liens', level: 1 }).waitFor();
  assert.equal(await page.title(), 'Liens — Panoramix');
  await context.close();
});

test('offline: a banner says so, a tab not loaded yet waits, and everything comes back with the network', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user, '/links');
  await page.getByRole('heading', { name: 'Liens', level: 1 }).waitFor();
  const banner = page.getByRole('status').filter({ hasText: 'Hors ligne : ce qui est affiché reste consultable' });
  assert.equal(await banner.count(), 0);

  await context.setOffline(true);
  await banner.waitFor();
  // A write is refused at once, saying nothing was saved.
  const form = page.getByRole('form', { name: 'Nouveau lien' });
  await form.getByLabel('Nom').fill('Hors ligne');
  await form.getByLabel('Adresse').fill('https://example.test');
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await form
    .getByRole('alert')
    .filter({ hasText: /^Vous êtes hors ligne : rien n’a été enregistré\./ })
    .waitFor();

  await openTab(page, 'Notes');
  await page.getByText('Vous êtes hors ligne : elle se chargera d’elle-même au retour de la connexion.').waitFor();
  await screenshot(page, 'offline-banner');

  await context.setOffline(false); // no click: the boundary reloads by itself
  await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();
  await banner.waitFor({ state: 'detached' });
  assert.equal(await page.title(), 'Notes — Panoramix');
  await context.close();
});

test('after a redeploy, a stale tab reloads once to the new build, and never loops when that build is broken', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user);
  // A deploy happened: the app shell names another entry script, and this page's chunks are gone (404).
  const shell = readFileSync(path.resolve(import.meta.dirname, '../../frontend/dist/index.html'), 'utf8');
  const newShell = shell.replace(/(src="\/assets\/index-)[\w-]+(\.js")/, '$1NewBuild0$2');
  assert.notEqual(newShell, shell);
  await context.route(
    (url) => url.pathname === '/',
    (route) =>
      route.request().resourceType() === 'fetch'
        ? route.fulfill({ status: 200, contentType: 'text/html', body: newShell })
        : route.continue(),
  );
  await context.route(linksChunk, (route) => route.fulfill({ status: 404, body: 'gone' }));
  let loads = 0;
  page.on('load', () => (loads += 1));

  const reloaded = page.waitForEvent('load');
  await openTab(page, 'Liens');
  await reloaded; // by itself, to the new build
  // On the reloaded page the chunk is still missing (a broken deploy): once it has asked the server
  // again (no longer busy) it shows Réessayer instead of reloading in a loop.
  await boundary(page).and(page.locator('[aria-busy="false"]')).waitFor();
  assert.equal(loads, 1);
  assert.match(page.url(), /\/links$/);

  // The deploy is fixed: Réessayer brings the tab.
  await context.unroute(linksChunk);
  await context.unroute((url) => url.pathname === '/');
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByRole('heading', { name: 'Liens', level: 1 }).waitFor();
  assert.equal(loads, 2);
  await context.close();
});
