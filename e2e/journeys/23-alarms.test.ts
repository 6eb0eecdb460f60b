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

test('a browser opened while two alarms ring shows both in one dialog, answered across browsers; the palette sets one by quick entry', async () => {
  const user = await newUser();
  const b = await newPage(browser);
  await signIn(b.page, user, '/alarms');
  await waitForLive(b.page);
  const dueAt = new Date(Date.now() + 2000).toISOString();
  for (const title of ['Thé', 'Appel'])
    await api(routes.alarms.create, { token: user.token, body: { title, nextTriggerAt: dueAt, timeZone: 'Europe/Paris' } });
  const both = (page: Page) => page.getByRole('dialog', { name: '2 alarmes sonnent' });
  await both(b.page).waitFor();

  // C opens after both rang: no alarm.fired reaches it, the list says they ring.
  const c = await newPage(browser);
  await signIn(c.page, user, '/');
  await waitForLive(c.page);
  await both(c.page).getByRole('listitem', { name: 'Thé' }).getByRole('button', { name: 'Ignorer' }).click();
  await ringing(c.page, 'Appel').waitFor();
  await ringing(b.page, 'Appel').waitFor();
  await ringing(b.page, 'Appel').getByRole('button', { name: 'Ignorer' }).click();
  await ringing(c.page, 'Appel').waitFor({ state: 'detached' });

  // Quick entry in the palette: Enter creates it at once, Annuler takes it back.
  await c.page.keyboard.press('Control+K');
  await c.page.keyboard.type('alarme demain 9h point budget');
  await c.page.getByRole('option', { name: /^Nouvelle alarme : point budget — .+ 09:00$/, selected: true }).waitFor();
  await c.page.keyboard.press('Enter');
  await b.page.getByRole('list', { name: 'Mes alarmes' }).getByText('point budget').waitFor();
  await c.page.getByRole('status', { name: 'Notifications' }).getByRole('button', { name: 'Annuler' }).click();
  await b.page.getByRole('list', { name: 'Mes alarmes' }).getByText('point budget').waitFor({ state: 'detached' });
  await b.context.close();
  await c.context.close();
});
