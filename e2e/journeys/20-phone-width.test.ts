import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { baseUrl, launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';

// Issue 14 item 8: no tab scrolls sideways on a 390 px phone, in either theme. The tabs are read
// from the sidebar the registry renders, and their count from features/index.ts, so a tab added
// there is swept without touching this file.

const PHONE = { width: 390, height: 844 };
const registry = readFileSync(path.resolve(import.meta.dirname, '../../frontend/src/features/index.ts'), 'utf8');
const registeredTabs = [...(/features: [^=]*= \[([^\]]*)\]/.exec(registry)?.[1] ?? '').matchAll(/\w+Feature\b/g)].length;

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

// Long words and addresses with no break opportunity: what pushes a layout wider than the phone.
const longWord = 'Anticonstitutionnellement-réorganisation-du-référentiel-documentaire';
const longUrl = `https://example.test/${'chemin/'.repeat(12)}document-final.pdf`;

/** A workspace where every tab has something to show, with the widest content a user could type. */
async function seed() {
  const user = await newUser({ displayName: 'Marie-Hélène de La Tour-d’Auvergne' });
  const friend = await newUser({ displayName: 'Bruno' });
  const friendId = (await api(routes.auth.me, { token: friend.token })).id;
  const project = await api(routes.projects.create, { token: user.token, body: { name: `Projet ${longWord}` } });
  await api(routes.projects.addMember, { token: user.token, params: { id: project.id }, body: { username: friend.username } });
  for (const title of [`Relire ${longWord}`, 'Préparer la réunion de lancement avec toute l’équipe du chantier', longUrl]) {
    await api(routes.tasks.create, {
      token: user.token,
      body: { title, projectId: project.id, deadline: new Date(Date.now() - 86_400_000).toISOString() },
    });
  }
  await api(routes.notes.create, {
    token: user.token,
    body: {
      title: `Compte rendu ${longWord}`,
      content: `Voir ${longUrl}\n\n| a | b | c |\n|---|---|---|\n| ${longWord} | ${longUrl} | x |`,
      projectId: project.id,
    },
  });
  await api(routes.links.create, { token: user.token, body: { name: `Référence ${longWord}`, url: longUrl } });
  const room = await api(routes.rooms.create, {
    token: user.token,
    body: { type: 'group', name: `Équipe ${longWord}`, memberIds: [friendId] },
  });
  for (const [i, text] of [`Le document : ${longUrl}`, longWord, 'Bonjour à tous !'].entries()) {
    await api(routes.messages.send, {
      token: i === 1 ? friend.token : user.token,
      params: { id: room.id },
      body: { clientId: `phone-width-${room.id}-${i}`, text },
    });
  }
  return { user, project, room };
}

/** The elements reaching past the right edge (for the failure message: which one to fix). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = window.innerWidth;
    return Array.from(document.querySelectorAll('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 6)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className.toString().replaceAll(' ', '.')}`);
  });

async function assertFits(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(
    scrollWidth <= innerWidth,
    `${label}: ${scrollWidth} px wide on a ${innerWidth} px screen (${(await overflowing(page)).join(', ')})`,
  );
}

/** Waits for a tab's screen to show: its heading, or the chat room's history, and no spinner left. */
async function settle(page: Page) {
  await page.locator('#main h1, #main h2').first().waitFor();
  await page.locator('#main .spinner').first().waitFor({ state: 'detached' });
}

test('every tab, a project page, a chat room and Préférences fit a 390 px phone in both themes', async () => {
  const { user, project, room } = await seed();
  const { context, page } = await newPage(browser, PHONE);
  await page.goto('/login');
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  await assertFits(page, '/login');
  await signIn(page, user, '/home');
  await waitForLive(page);
  const tabs = await page
    .locator('#sidebar nav a.nav-item')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  assert.equal(tabs.length, registeredTabs);
  // The sidebar's footer links too (Préférences, Compte).
  const footer = await page
    .locator('#sidebar .sidebar-footer a.nav-item')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(footer.includes('/preferences'));
  const routesToSweep = [...tabs, ...footer, `/projects/${project.id}`, `/chat/${room.id}`];

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const route of routesToSweep) {
      await page.goto(route);
      await settle(page);
      await assertFits(page, `${route} (${theme})`);
      await screenshot(page, `phone-${theme}${route.replaceAll('/', '-')}`);
    }
  }
  await context.close();
});

test('on a phone the chat composer grows with its text and the message actions stay below the room header', async () => {
  const { user, room } = await seed();
  const { context, page } = await newPage(browser, PHONE);
  await signIn(page, user, `/chat/${room.id}`);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.waitFor();
  const oneLine = (await composer.boundingBox())?.height ?? 0;
  await composer.fill('Première ligne\nDeuxième ligne\nTroisième ligne\nQuatrième ligne');
  // Grown by more than a line (its last lines may scroll, past the stylesheet's max-height).
  const lineHeight = await composer.evaluate((box) => parseFloat(getComputedStyle(box).lineHeight));
  await page.waitForFunction(
    (min) => (document.querySelector('.chat-input')?.getBoundingClientRect().height ?? 0) > min,
    oneLine + lineHeight,
  );
  await assertFits(page, 'chat with a four-line draft');
  // Emptied, it shrinks back to its first height.
  await composer.fill('');
  await page.waitForFunction(
    (height) => document.querySelector('.chat-input')?.getBoundingClientRect().height === height,
    oneLine,
  );

  // The oldest message, scrolled to the top: its action bar shows inside the history, not over the header.
  await page.locator('.chat-scroll').evaluate((scroller) => scroller.scrollTo(0, 0));
  const first = page.locator('.chat-message').first();
  await first.hover();
  const header = await page.locator('.chat-room-header').boundingBox();
  const actions = await first.locator('.chat-actions').boundingBox();
  assert.ok(header && actions, 'the header and the action bar are shown');
  assert.ok(actions.y >= header.y + header.height, `action bar at ${actions.y}, header ends at ${header.y + header.height}`);
  await screenshot(page, 'phone-chat-composer');
  await context.close();
});

test('a touch device shows no Ctrl K hint, in the top bar or on Accueil', async () => {
  const user = await newUser();
  // A tablet: wide enough for the top bar to show its hint on a desktop.
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    isMobile: true,
    locale: 'fr-FR',
  });
  await context.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
  const page = await context.newPage();
  await signIn(page, user, '/home');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.locator('.palette-trigger .kbd').isVisible(), false);
  assert.doesNotMatch((await page.locator('#main').textContent()) ?? '', /Ctrl|⌘/);
  await context.close();
});
