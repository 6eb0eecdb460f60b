import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { openTab, signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const ringing = (page: Page, title: string) => page.getByRole('dialog', { name: `Alarme : ${title}` });

test('an alarm set by quick entry shows in both browsers; the server rings a due one in both, and a snooze in one closes both', async () => {
  const user = await newUser();
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, user, '/alarms');
  await signIn(b.page, user, '/alarms');
  await b.page.getByText('Aucune alarme.').waitFor();
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);

  // Quick entry in A fills the title and the time; B sees the new alarm live.
  await a.page.getByRole('button', { name: 'Nouvelle alarme' }).click();
  await a.page.getByLabel('Quand ?').fill('Appeler Paul demain 9h');
  assert.equal(await a.page.getByLabel('Titre').inputValue(), 'Appeler Paul'); // the words around the time
  await a.page.getByRole('button', { name: 'Créer l’alarme' }).click();
  const listIn = (page: Page) => page.getByRole('list', { name: 'Mes alarmes' });
  await listIn(b.page).getByText('Appeler Paul').waitFor();

  // Due in a few seconds: the server fires it with no help from the browsers; both ring.
  const dueAt = new Date(Date.now() + 3000).toISOString();
  await api(routes.alarms.create, { token: user.token, body: { title: 'Thé', nextTriggerAt: dueAt, timeZone: 'Europe/Paris' } });
  await ringing(a.page, 'Thé').waitFor();
  await ringing(b.page, 'Thé').waitFor();
  await screenshot(b.page, 'alarm-ringing');

  // Snoozed in A: gone from both, and back among the alarms to come.
  await ringing(a.page, 'Thé').getByRole('button', { name: 'Reporter 5 min' }).click();
  await ringing(a.page, 'Thé').waitFor({ state: 'detached' });
  await ringing(b.page, 'Thé').waitFor({ state: 'detached' });
  await listIn(b.page)
    .getByText(/Reportée à/)
    .waitFor();

  await openTab(b.page, 'Accueil');
  await b.page.getByRole('region', { name: 'Alarmes à venir' }).getByText('Thé').waitFor();
  await a.context.close();
  await b.context.close();
});
