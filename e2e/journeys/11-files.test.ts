import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const minutes = 'Compte rendu du 12 mars\n- budget validé\n- prochaine réunion le 19\n';

test('two project members share a file: uploaded by one, it appears, is renamed, downloaded and deleted live for the other', async () => {
  const alice = await newUser({ displayName: 'Alice Martin' });
  const bruno = await newUser({ displayName: 'Bruno Petit' });
  const project = await api(routes.projects.create, { token: alice.token, body: { name: 'Chantier' } });
  await api(routes.projects.addMember, { token: alice.token, params: { id: project.id }, body: { username: bruno.username } });
  const a = await newPage(browser);
  const b = await newPage(browser, { width: 390, height: 800 }); // one of them on a phone
  await signIn(a.page, alice, '/files');
  await signIn(b.page, bruno, '/files');
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  await b.page.getByText('Aucun fichier.').waitFor();

  // Alice uploads into the project; a program is refused with the server's reason, the text file goes through.
  await a.page.getByLabel('Téléverser dans').selectOption({ label: 'Chantier' });
  await a.page.getByTestId('file-picker').setInputFiles([
    { name: 'outil.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ whatever') },
    { name: 'compte-rendu.txt', mimeType: 'text/plain', buffer: Buffer.from(minutes) },
  ]);
  const refusal = a.page.getByRole('list', { name: 'Téléversements' }).getByRole('alert');
  await refusal.waitFor();
  assert.equal(await refusal.textContent(), 'outil.exe est refusé : programme, ou contenu qui ne correspond pas à son nom');
  const aliceRow = a.page.locator('.file-row').filter({ hasText: 'compte-rendu.txt' });
  await aliceRow.waitFor();
  await screenshot(a.page, 'files-upload-refused-light');

  // Bruno sees it arrive, in the project, and renames it inline; Alice sees the new name.
  const brunoRow = b.page.locator('.file-row').filter({ hasText: 'compte-rendu.txt' });
  await brunoRow.waitFor();
  assert.equal(await brunoRow.getByRole('combobox').inputValue(), project.id);
  await brunoRow.getByRole('button', { name: 'compte-rendu.txt', exact: true }).click();
  const input = b.page.getByRole('textbox', { name: 'Renommer compte-rendu.txt' });
  await input.fill('CR 12 mars.txt');
  await input.press('Enter');
  await a.page.locator('.file-row').filter({ hasText: 'CR 12 mars.txt' }).waitFor();
  await screenshot(b.page, 'files-mobile-light');

  // Alice downloads the same bytes.
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByRole('button', { name: 'Télécharger CR 12 mars.txt' }).click(),
  ]);
  assert.equal(await readFile((await download.path())!, 'utf8'), minutes);

  // A search hit's address opens the tab on that file, highlighted.
  const [file] = (await api(routes.files.list, { token: bruno.token })).items;
  await b.page.goto(`/files?open=${file!.id}`);
  await b.page.locator(`.file-row[data-highlighted]`).filter({ hasText: 'CR 12 mars.txt' }).waitFor();
  await waitForLive(b.page);

  // Deleting asks first (the bytes go for everyone); once confirmed, it leaves Bruno's list too.
  await a.page.getByRole('button', { name: 'Supprimer CR 12 mars.txt' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Supprimer « CR 12 mars.txt » ?' });
  await screenshot(a.page, 'files-delete-confirm-light');
  await dialog.getByRole('button', { name: 'Supprimer' }).click();
  await b.page.getByText('Aucun fichier.').waitFor();
  await a.page.getByText('Aucun fichier.').waitFor();
  await a.context.close();
  await b.context.close();
});
