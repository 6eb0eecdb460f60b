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

// A 1×1 PNG and a small text file, as someone would pick them from disk.
const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const notes = 'Liste des courses\n- pain\n- fromage\n';

test('one person sends a photo and a file in a room; the other sees the image and downloads the file', async () => {
  const alice = await newUser({ displayName: 'Alice Martin' });
  const bruno = await newUser({ displayName: 'Bruno Petit' });
  const brunoId = (await api(routes.auth.me, { token: bruno.token })).id;
  const room = await api(routes.rooms.create, { token: alice.token, body: { type: 'direct', memberIds: [brunoId] } });
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, alice, `/chat/${room.id}`);
  await signIn(b.page, bruno, `/chat/${room.id}`);
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);

  // Both files upload as soon as they are chosen; the chips then show their sizes.
  await a.page.getByTestId('chat-file-input').setInputFiles([
    { name: 'plage.png', mimeType: 'image/png', buffer: pixel },
    { name: 'courses.txt', mimeType: 'text/plain', buffer: Buffer.from(notes) },
  ]);
  const uploads = a.page.getByRole('list', { name: 'Fichiers joints' });
  await uploads.locator('[data-state="done"]').nth(1).waitFor();
  await screenshot(a.page, 'chat-attachments-composer-light');
  const composer = a.page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Photos du week-end');
  await composer.press('Enter');
  await uploads.waitFor({ state: 'detached' });

  // Bruno receives it live: the image is fetched with his token and shown; the text file downloads.
  const message = b.page.getByRole('listitem', { name: 'Message de Alice Martin' }).filter({ hasText: 'Photos du week-end' });
  const image = message.getByRole('img', { name: 'plage.png' });
  await image.waitFor();
  await b.page.waitForFunction(
    () => (document.querySelector('img.chat-thumbnail') as HTMLImageElement | null)?.naturalWidth === 1,
  );
  assert.match((await image.getAttribute('src')) ?? '', /^blob:/);
  const [download] = await Promise.all([
    b.page.waitForEvent('download'),
    message.getByRole('button', { name: /courses\.txt/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'courses.txt');
  assert.equal(await readFile((await download.path())!, 'utf8'), notes);
  await screenshot(b.page, 'chat-attachments-light');
  await a.context.close();
  await b.context.close();
});
