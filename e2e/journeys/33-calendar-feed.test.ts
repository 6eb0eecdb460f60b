import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ics, startIcsServer } from '../../backend/test/ics-server.ts';
import type { IcsServer } from '../../backend/test/ics-server.ts';
import { api, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { openTab, signIn, waitForLive } from '../support/journey.ts';
import { repoRoot, startStack } from '../support/stack.ts';
import type { Stack } from '../support/stack.ts';

// The outbound guard refuses loopback addresses; this journey's own stack lets the local
// calendar server's address through (the test allowance), the shared one does not.
let browser: Browser;
let stack: Stack;
let calendar: IcsServer;
before(async () => {
  calendar = await startIcsServer();
  stack = await startStack(path.join(repoRoot, 'frontend/dist'), { OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1', JOBS_POLL_MS: '300' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
  calendar?.close();
});

/** Today at 10:00–11:00 UTC, in iCalendar form: inside the week the Calendrier tab opens on. */
function todayAt10() {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return { start: `${day}T100000Z`, end: `${day}T110000Z` };
}

test('calendar feed: a subscription to a local ICS server brings its event into Calendrier; the private feed serves it, and a new address stops the old one', async () => {
  const baseUrl = stack.baseUrl;
  const password = 'correct horse battery';
  const session = await api(routes.auth.register, { baseUrl, body: { username: 'agenda', password, displayName: 'Agenda' } });
  const user = { username: 'agenda', password, displayName: 'Agenda', token: session.accessToken };
  calendar.feeds.set('/equipe.ics', { body: ics([{ uid: 'atelier@equipe', summary: 'Atelier équipe', ...todayAt10() }]) });

  const { page } = await newPage(browser, { baseUrl });
  await signIn(page, user, '/preferences');
  await waitForLive(page);
  const panel = page.locator('section.calendar-subscriptions');

  // Subscribe: the fetch runs as a job on the server; its outcome comes back live.
  await panel.getByLabel('Adresse ICS').fill(calendar.url('/equipe.ics'));
  await panel.getByLabel('Nom').fill('Équipe');
  await panel.getByRole('button', { name: 'S’abonner' }).click();
  const row = panel.locator('li.calendar-subscription').filter({ hasText: 'Équipe' });
  await row.getByText('ajoutés : 1, modifiés : 0, retirés : 0', { exact: false }).waitFor({ timeout: 30_000 });

  // An address inside the network is refused, saying why.
  await panel.getByLabel('Adresse ICS').fill('http://192.168.1.10/agenda.ics');
  await panel.getByRole('button', { name: 'S’abonner' }).click();
  await panel.getByText('cette adresse mène à un réseau privé ou local, refusée').waitFor();
  await screenshot(page, 'calendar-subscriptions-light');

  // The private feed: made here, read without a session like a phone calendar does.
  await panel.getByRole('button', { name: 'Créer l’adresse' }).click();
  const address = panel.getByLabel('Adresse du flux');
  const first = await address.inputValue();
  assert.match(first, /\/api\/calendar\/feed\/[a-f\d]{24}-[\w-]{43}\.ics$/);
  const feed = await fetch(first);
  assert.equal(feed.status, 200);
  assert.match(await feed.text(), /SUMMARY:Atelier équipe/);

  // A new address: the old one answers 404 at once.
  await panel.getByRole('button', { name: 'Nouvelle adresse' }).click();
  const dialog = page.getByRole('dialog', { name: 'Créer une nouvelle adresse ?' });
  await dialog.getByRole('button', { name: 'Nouvelle adresse' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction(
    (old) => (document.querySelector<HTMLInputElement>('.calendar-feed-address input')?.value ?? old) !== old,
    first,
  );
  const second = await address.inputValue();
  assert.equal((await fetch(first)).status, 404);
  assert.equal((await fetch(second)).status, 200);

  // And the subscribed event is in Calendrier's week.
  await openTab(page, 'Calendrier');
  await page.getByText('Atelier équipe').first().waitFor();
});
