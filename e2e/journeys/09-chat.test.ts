import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const messagesOf = (page: Page) => page.getByRole('list', { name: 'Messages' });
const roomsOf = (page: Page) => page.getByRole('list', { name: 'Conversations' });

test('two people chat in a direct room: typing line, live message, reaction, unread count cleared on reading', async () => {
  const alice = await newUser({ displayName: 'Alice Martin' });
  const bruno = await newUser({ displayName: 'Bruno Petit' });
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, alice, '/chat/new');
  await signIn(b.page, bruno, '/chat');
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);

  // A finds B by username and starts the direct room; the first message arrives in B's list, unread.
  await a.page.getByLabel('Chercher une personne').fill(bruno.username);
  await a.page.getByRole('list', { name: 'Résultats' }).getByText('Bruno Petit').waitFor();
  await screenshot(a.page, 'chat-new-light');
  await a.page.getByRole('list', { name: 'Résultats' }).getByRole('button', { name: 'Écrire' }).click();
  await a.page.waitForURL(/\/chat\/[0-9a-f]{24}$/);
  const composerA = a.page.getByRole('textbox', { name: 'Message' });
  await composerA.fill('Bonjour Bruno');
  await composerA.press('Enter');
  await messagesOf(a.page).getByText('Bonjour Bruno').waitFor();
  const room = roomsOf(b.page).getByRole('link', { name: /Alice Martin/ });
  await room.getByLabel('1 message non lu').waitFor();
  await b.page.getByRole('link', { name: 'Discussions 1' }).waitFor();

  // B opens it at the bottom: read, so the count and the tab badge clear (in B's list, from the server's count).
  await room.click();
  await messagesOf(b.page).getByText('Bonjour Bruno').waitFor();
  await room.getByLabel('1 message non lu').waitFor({ state: 'detached' });
  await b.page.getByRole('link', { name: 'Discussions', exact: true }).waitFor();

  // A types: B sees the typing line; A sends: B receives it live (Markdown rendered, HTML shown as text).
  await composerA.pressSequentially('On se voit', { delay: 20 });
  await b.page.getByText('Alice Martin écrit…').waitFor();
  await composerA.pressSequentially(' **demain** ? <img src=x onerror="window.pwned=1">');
  await composerA.press('Enter');
  const sent = messagesOf(b.page).getByRole('listitem', { name: 'Message de Alice Martin' }).filter({ hasText: 'demain' });
  await sent.locator('strong', { hasText: 'demain' }).waitFor();
  await b.page.getByText('Alice Martin écrit…').waitFor({ state: 'detached' });
  assert.equal(await b.page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  // The optimistic copy and the server's message are one message, not two.
  assert.equal(await messagesOf(a.page).getByText('demain').count(), 1);

  // B reacts: A sees the count, and who reacted in its label.
  await sent.hover();
  await sent.getByRole('button', { name: 'Réagir' }).click();
  await sent.getByRole('button', { name: '👍' }).click();
  await messagesOf(a.page).getByRole('button', { name: '👍 1 : Bruno Petit' }).waitFor();
  await messagesOf(a.page).getByText('Vu').waitFor();
  await screenshot(a.page, 'chat-light');

  await b.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(b.page, 'chat-dark');
  await b.page.setViewportSize({ width: 360, height: 740 });
  await screenshot(b.page, 'mobile-chat-dark');
  await a.context.close();
  await b.context.close();
});

test('scrolling up a long group history loads older pages and keeps the message in view where it was', async () => {
  const people = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
  const [owner, ...others] = people;
  const members = await Promise.all(others.map((p) => api(routes.auth.me, { token: p.token })));
  const group = await api(routes.rooms.create, {
    token: owner.token,
    body: { type: 'group', name: 'Équipe', memberIds: members.map((m) => m.id) },
  });
  // 60 messages, four senders taking turns: more than one page (50), under the flood limit of each.
  for (let i = 1; i <= 60; i++) {
    const sender = people[i % people.length]!;
    await api(routes.messages.send, {
      token: sender.token,
      params: { id: group.id },
      body: { clientId: `seed-message-${i}`, text: `Message numéro ${i}` },
    });
  }
  const a = await newPage(browser);
  await signIn(a.page, owner, `/chat/${group.id}`);
  const list = messagesOf(a.page);
  await list.getByText('Message numéro 60', { exact: true }).waitFor();
  assert.equal(await list.getByText('Message numéro 1', { exact: true }).count(), 0);

  // Up to the top of the first page: the next one loads above, and the message that was at the top stays put.
  const anchor = list.getByText('Message numéro 11', { exact: true });
  await a.page.locator('.chat-scroll').evaluate((el) => (el.scrollTop = 0));
  await list.getByText('Message numéro 1', { exact: true }).waitFor({ state: 'attached' });
  const box = await anchor.boundingBox();
  const pane = await a.page.locator('.chat-scroll').boundingBox();
  assert.ok(box && pane && box.y >= pane.y - 1 && box.y < pane.y + 120, `message 11 stays near the top: ${box?.y} vs ${pane?.y}`);
  await screenshot(a.page, 'chat-group-light');

  // Leaving the group takes it off the list.
  await a.page.getByRole('button', { name: 'Quitter le groupe' }).click();
  await a.page.waitForURL(/\/chat$/);
  await a.page.getByText('Aucune conversation pour l’instant.').waitFor();
  await a.context.close();
});

test('a group admin renames the group and adds someone, the members see it live; a muted group stays out of the badge', async () => {
  const [owner, member, newcomer] = await Promise.all([
    newUser({ displayName: 'Olivia Admin' }),
    newUser({ displayName: 'Marc Membre' }),
    newUser({ displayName: 'Nina Nouvelle' }),
  ]);
  const memberId = (await api(routes.auth.me, { token: member.token })).id;
  const group = await api(routes.rooms.create, {
    token: owner.token,
    body: { type: 'group', name: 'Projet', memberIds: [memberId] },
  });
  const a = await newPage(browser);
  const b = await newPage(browser);
  const c = await newPage(browser);
  await signIn(a.page, owner, `/chat/${group.id}`);
  await signIn(b.page, member, `/chat/${group.id}`);
  await signIn(c.page, newcomer, '/chat');
  await Promise.all([waitForLive(a.page), waitForLive(b.page), waitForLive(c.page)]);

  // The admin opens the settings from the header, renames the group: the member's header follows.
  await a.page.getByRole('link', { name: 'Paramètres du groupe' }).click();
  await a.page.waitForURL(/\/settings$/);
  await a.page.getByLabel('Nom du groupe').fill('Équipe produit');
  await a.page.getByLabel('Nom du groupe').press('Enter');
  await b.page.getByRole('heading', { name: 'Équipe produit' }).waitFor();

  // The admin finds Nina and adds her: she gets the group, the member sees three members.
  await a.page.getByLabel('Chercher une personne').fill(newcomer.username);
  await a.page.getByRole('list', { name: 'Résultats' }).getByRole('button', { name: 'Ajouter' }).click();
  await a.page.getByRole('list', { name: 'Membres' }).getByText('Nina Nouvelle').waitFor();
  await roomsOf(c.page)
    .getByRole('link', { name: /Équipe produit/ })
    .waitFor();
  await b.page.getByText('3 membres').waitFor();
  await screenshot(a.page, 'chat-group-settings-light');

  // The member mutes the group and leaves it: a new message counts in the room, dimmed, not on the tab.
  await roomsOf(b.page).getByRole('button', { name: 'Mettre « Équipe produit » en sourdine' }).click();
  await b.page
    .locator('.chat-room-header')
    .getByRole('button', { name: 'Réactiver les notifications de « Équipe produit »' })
    .waitFor();
  await b.page.goto(new URL('/chat', b.page.url()).href);
  await api(routes.messages.send, {
    token: owner.token,
    params: { id: group.id },
    body: { clientId: 'muted-journey-1', text: 'Réunion à 10 h' },
  });
  await roomsOf(b.page)
    .getByRole('link', { name: /Équipe produit/ })
    .getByLabel('1 message non lu')
    .waitFor();
  await b.page.getByRole('link', { name: 'Discussions', exact: true }).waitFor();
  await screenshot(b.page, 'chat-muted-light');

  // The admin deletes the group after confirming: it leaves everyone's list.
  await a.page.getByRole('button', { name: 'Supprimer le groupe' }).click();
  await a.page.getByRole('dialog').getByRole('button', { name: 'Supprimer le groupe' }).click();
  await a.page.waitForURL(/\/chat$/);
  await roomsOf(c.page)
    .getByRole('link', { name: /Équipe produit/ })
    .waitFor({ state: 'detached' });
  await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
});
