import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { SearchKind } from '@panoramix/contracts';
import { api, newUser, routes } from '../support/api.ts';
import type { TestUser } from '../support/api.ts';
import { baseUrl, launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** Indexing is a background job: wait until the API finds every expected kind before searching in the page. */
async function waitForIndexed(user: TestUser, q: string, kinds: readonly SearchKind[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(q)}`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    const { items } = (await response.json()) as { items: { kind: SearchKind }[] };
    if (kinds.every((kind) => items.some((hit) => hit.kind === kind))) return;
    if (Date.now() > deadline) throw new Error(`not indexed in time: ${q} (${JSON.stringify(items)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Presses ↓ until the active option names `title` (the field keeps the focus; the option is aria-selected). */
async function selectWithArrows(page: Page, listbox: string, title: string): Promise<void> {
  const selected = page.getByRole('listbox', { name: listbox }).locator('[role="option"][aria-selected="true"]');
  for (let presses = 0; presses < 20; presses++) {
    if ((await selected.textContent())?.includes(title)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${title} never became the active option`);
}

test('a note and a task found as you type on the Recherche tab, grouped by kind, opened with the keyboard; the palette finds the note too', async () => {
  const user = await newUser();
  const note = await api(routes.notes.create, {
    token: user.token,
    body: { title: 'Compte rendu du comité de pilotage', content: 'Le comité valide le budget du lancement.' },
  });
  await api(routes.tasks.create, { token: user.token, body: { title: 'Préparer le comité de pilotage' } });
  await waitForIndexed(user, 'comité', ['note', 'task']);

  const { context, page } = await newPage(browser);
  await signIn(page, user, '/search');
  const field = page.getByRole('combobox', { name: 'Rechercher dans le contenu' });
  await field.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  await page.keyboard.type('comit', { delay: 40 }); // a prefix, typed key by key: results come while typing
  const results = page.getByRole('listbox', { name: 'Résultats' });
  await results.getByRole('group', { name: /Notes/ }).getByText('Compte rendu du comité de pilotage').waitFor();
  await results
    .getByRole('group', { name: /Tâches/ })
    .getByText('Préparer le comité de pilotage')
    .waitFor();
  assert.match((await results.locator('mark').first().textContent()) ?? '', /^comit/i);
  await screenshot(page, 'search-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'search-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await selectWithArrows(page, 'Résultats', 'Compte rendu du comité');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/notes/${note.id}`);
  await page.getByRole('heading', { name: 'Notes', level: 1 }).waitFor();

  // Back finds the query again; Esc clears it.
  await page.goBack();
  await page.waitForURL('**/search?q=comit');
  await results.getByText('Préparer le comité de pilotage').waitFor();
  await field.focus();
  await page.keyboard.press('Escape');
  assert.equal(await field.inputValue(), '');
  assert.equal(await results.count(), 0);

  // The palette: commands first, then a "Contenu" group with the note.
  await page.goto('/home');
  await page.locator('#main').waitFor();
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Palette de commandes' });
  await palette.waitFor();
  await page.keyboard.type('comité');
  await palette.getByRole('group', { name: 'Contenu' }).getByText('Compte rendu du comité de pilotage').waitFor();
  await screenshot(page, 'palette-content-light');
  await selectWithArrows(page, 'Palette de commandes', 'Compte rendu du comité');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/notes/${note.id}`);
  assert.equal(await palette.count(), 0);

  // Preferences show the search engine's state: the offline embedder, reachable, the indexed items.
  await page.goto('/preferences');
  const status = page.getByRole('region', { name: 'Recherche et IA' });
  await status.getByText('Joignable').first().waitFor();
  await status.getByRole('list', { name: 'Éléments indexés' }).getByText('Notes').waitFor();
  await status.scrollIntoViewIfNeeded();
  await screenshot(page, 'preferences-ai-light');
  await context.close();
});

test('a chat message found on the Recherche tab and in the palette opens Discussions with its room open, scrolled to it', async () => {
  const people = [
    await newUser({ displayName: 'Alice Martin' }),
    await newUser({ displayName: 'Bruno Petit' }),
    await newUser({ displayName: 'Carla Dias' }),
  ];
  const [alice] = people as [TestUser, ...TestUser[]];
  const ids = await Promise.all(people.map(async (user) => (await api(routes.auth.me, { token: user.token })).id));
  const room = await api(routes.rooms.create, {
    token: alice.token,
    body: { type: 'group', name: 'Équipe lancement', memberIds: ids.slice(1) },
  });
  let sequence = 0;
  const send = (user: TestUser, text: string) =>
    api(routes.messages.send, {
      token: user.token,
      params: { id: room.id },
      body: { clientId: `journey-08-${++sequence}`, text },
    });
  const found = await send(alice, 'Le stand hippocampe sera monté jeudi matin.');
  // More than a page of newer messages (each sender within the flood limit): the found one is not loaded at first.
  for (let i = 0; i < 17; i++) for (const user of people) await send(user, `Point logistique numéro ${sequence}`);
  await waitForIndexed(alice, 'hippocampe', ['message']);

  const { context, page } = await newPage(browser);
  await signIn(page, alice, '/search');
  const field = page.getByRole('combobox', { name: 'Rechercher dans le contenu' });
  await field.fill('hippocampe');
  const results = page.getByRole('listbox', { name: 'Résultats' });
  await results
    .getByRole('group', { name: /Messages de discussion/ })
    .getByText('Équipe lancement · Alice Martin')
    .waitFor();
  await screenshot(page, 'search-message-hit');
  await selectWithArrows(page, 'Résultats', 'Équipe lancement');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/chat/${room.id}?message=${found.id}`);
  await page.getByRole('heading', { name: 'Équipe lancement', level: 2 }).waitFor();
  const message = page.locator(`[data-message-id="${found.id}"]`);
  await message.waitFor();
  // In view: inside the visible part of the history, which had to load an older page to show it.
  await page.waitForFunction((id) => {
    const item = document.querySelector(`[data-message-id="${id}"]`)!.getBoundingClientRect();
    const pane = document.querySelector('.chat-scroll')!.getBoundingClientRect();
    return item.top >= pane.top && item.bottom <= pane.bottom;
  }, found.id);
  await screenshot(page, 'search-message-opened');

  // The palette lists the same message in its content group.
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Palette de commandes' });
  await palette.waitFor();
  await page.keyboard.type('hippocampe');
  await palette.getByRole('group', { name: 'Contenu' }).getByText('Équipe lancement · Alice Martin').waitFor();
  await context.close();
});
