import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { baseUrl, launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { openTab, signIn, waitForLive } from '../support/journey.ts';

// The same web build as the desktop app's, in a browser: every native power degrades to the browser's
// own (or to nothing), no desktop code is fetched, and nothing throws.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** The page's uncaught errors and the scripts it fetched, from the first request on. */
function watch(page: Page) {
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
  return { errors, scripts };
}

test('in a browser the Terminal tab explains it is the desktop app’s; notifications and copy are the browser’s, and nothing native loads', async () => {
  const alice = await newUser({ displayName: 'Alice Martin' });
  const bruno = await newUser({ displayName: 'Bruno Petit' });
  const brunoId = (await api(routes.auth.me, { token: bruno.token })).id;
  const room = await api(routes.rooms.create, { token: alice.token, body: { type: 'direct', memberIds: [brunoId] } });
  const { context, page } = await newPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  // The browser's notifications, allowed and recorded (Chromium shows none headless).
  // Sent as text: a compiled function would call helpers (tsx's __name) the page does not have.
  await context.addInitScript({
    content: `
      const shown = (window.shownNotifications = []);
      function RecordedNotification(title, options) {
        shown.push(title + ' | ' + ((options && options.body) || ''));
        return { close() {}, onclick: null };
      }
      RecordedNotification.permission = 'granted';
      RecordedNotification.requestPermission = () => Promise.resolve('granted');
      Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true, writable: true });
    `,
  });
  const seen = watch(page);
  await signIn(page, alice);
  await waitForLive(page);

  await openTab(page, 'Terminal');
  await page.getByRole('heading', { name: 'Terminal', level: 1 }).waitFor();
  await page.getByText('il n’existe que dans l’application de bureau Panoramix').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Nouveau terminal' }).count(), 0);
  assert.equal(await page.getByRole('region', { name: 'Système' }).count(), 0);
  await screenshot(page, 'terminal-browser');

  // Bruno writes while Alice is on the Terminal tab: the browser notifies her (the platform's browser side).
  await api(routes.messages.send, {
    token: bruno.token,
    params: { id: room.id },
    body: { clientId: 'journey-34-1', text: 'On déjeune ?' },
  });
  await page.waitForFunction(() => (window as unknown as { shownNotifications: string[] }).shownNotifications.length > 0);
  const shown = await page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications);
  assert.deepEqual(shown, ['Bruno Petit | Bruno Petit : On déjeune ?']);

  // Copier puts the message on the browser's clipboard.
  await page.goto(`/chat/${room.id}`);
  const message = page.getByRole('list', { name: 'Messages' }).getByRole('listitem', { name: 'Message de Bruno Petit' });
  await message.hover();
  await message.getByRole('button', { name: 'Copier' }).click();
  await page.getByText('Message copié.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'On déjeune ?');

  // Préférences has no desktop panel; the app calls this site only, and fetched no desktop code.
  await page.goto('/preferences');
  await page.getByRole('heading', { name: 'Préférences', level: 1 }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Application de bureau' }).count(), 0);
  assert.deepEqual(
    seen.scripts.filter((url) => /\/assets\/(native|desktop-start|servers|xterm|addon-fit|terminal-view)[-.]/.test(url)),
    [],
  );
  assert.ok(seen.scripts.every((url) => url.startsWith(baseUrl)));
  assert.deepEqual(seen.errors, []);
  await context.close();
});
