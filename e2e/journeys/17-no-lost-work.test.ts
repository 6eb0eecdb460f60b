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

const titleOf = (page: Page) => page.getByLabel('Titre').inputValue();
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

test('a new note never saved survives leaving the tab and a reload, and goes once created', async () => {
  const user = await newUser();
  const { context, page } = await newPage(browser);
  await signIn(page, user, '/notes/new');
  await page.getByLabel('Titre').fill('Idées de cadeaux');
  await page.getByLabel('Contenu (Markdown)').fill('- un livre');

  await openTab(page, 'Tâches');
  await page.waitForURL('**/tasks');
  await page.goBack();
  await page.waitForURL('**/notes/new');
  assert.equal(await titleOf(page), 'Idées de cadeaux');
  await page.getByText('Brouillon restauré').waitFor();

  await page.reload();
  assert.equal(await titleOf(page), 'Idées de cadeaux');
  assert.equal(await page.getByLabel('Contenu (Markdown)').inputValue(), '- un livre');

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/notes\/[0-9a-f]{24}$/);
  await page.goto('/notes/new');
  await page.getByLabel('Titre').waitFor();
  assert.equal(await titleOf(page), '');
  await context.close();
});

test('the account screen fits a phone, its confirmations included', async () => {
  const user = await newUser();
  const phone = await newPage(browser, { width: 390, height: 844 });
  const laptop = await newPage(browser);
  await signIn(laptop.page, user);
  await signIn(phone.page, user, '/account');
  await phone.page.getByRole('heading', { name: 'Compte', level: 1 }).waitFor();
  await phone.page.getByRole('list', { name: 'Sessions ouvertes' }).getByRole('listitem').nth(1).waitFor();
  assert.equal(await overflows(phone.page), false);

  await phone.page
    .getByRole('button', { name: /^Déconnecter/ })
    .first()
    .click();
  await phone.page.getByRole('dialog').waitFor();
  assert.equal(await overflows(phone.page), false);
  await screenshot(phone.page, 'account-phone-revoke');
  await phone.page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();

  await phone.page.goto('/account/users');
  await phone.page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
  assert.equal(await overflows(phone.page), false);
  await phone.context.close();
  await laptop.context.close();
});

test('deleting a chat message asks first; cancelling keeps it, confirming removes it for both', async () => {
  const [alice, bruno] = [await newUser(), await newUser()];
  const brunoId = (await api(routes.auth.me, { token: bruno.token })).id;
  const room = await api(routes.rooms.create, { token: alice.token, body: { type: 'direct', memberIds: [brunoId] } });
  const body = { clientId: 'journey-17-delete', text: 'À effacer' };
  await api(routes.messages.send, { token: alice.token, params: { id: room.id }, body });
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, alice, `/chat/${room.id}`);
  await signIn(b.page, bruno, `/chat/${room.id}`);
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  const message = a.page.getByRole('list', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'À effacer' });

  await message.hover();
  await message.getByRole('button', { name: 'Supprimer' }).click();
  await a.page.getByRole('dialog', { name: 'Supprimer ce message ?' }).waitFor();
  await a.page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
  await a.page.getByRole('dialog').waitFor({ state: 'detached' });
  assert.equal(await message.count(), 1);

  await message.hover();
  await message.getByRole('button', { name: 'Supprimer' }).click();
  await a.page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
  await b.page.getByRole('list', { name: 'Messages' }).getByText('message supprimé').waitFor();
  assert.equal(await b.page.getByText('À effacer').count(), 0);
  await a.context.close();
  await b.context.close();
});
