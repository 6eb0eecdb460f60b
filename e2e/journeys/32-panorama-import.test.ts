import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { writeTestArchive } from '../../backend/src/modules/panorama-import/test-archive.ts';
import { api, newUser, routes } from '../support/api.ts';
import type { TestUser } from '../support/api.ts';
import { baseUrl, launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn } from '../support/journey.ts';

let browser: Browser;
const work = mkdtempSync(path.join(os.tmpdir(), 'e2e-panorama-'));
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
});

/** The instance's administrator: journey 01's Ada in a whole run, or the first account when this journey runs alone. */
async function administrator(): Promise<TestUser> {
  const ada = { username: 'ada', password: 'analytical engine', displayName: 'Ada Lovelace' };
  const login = await fetch(`${baseUrl}${routes.auth.login.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ada.username, password: ada.password }),
  });
  if (login.ok) return { ...ada, token: ((await login.json()) as { accessToken: string }).accessToken };
  return newUser();
}

test('Préférences → Import: a Panorama archive imported for an account, its files from a folder, the report per collection', async () => {
  const admin = await administrator();
  const alice = await newUser();
  const archive = writeTestArchive(path.join(work, 'panorama-export.ndjson.gz'));
  const { page } = await newPage(browser);
  await signIn(page, admin, '/preferences');
  const panel = page.getByRole('region', { name: 'Import Panorama' });
  await panel.waitFor();

  await panel.getByTestId('panorama-import-archive').setInputFiles(archive);
  await panel.getByText('panorama-export.ndjson.gz').waitFor();
  // An account that does not exist here: refused beside its field, in French, nothing imported.
  await panel.getByLabel('Compte destinataire').fill('personne-ici');
  await panel.getByRole('button', { name: 'Importer' }).click();
  await panel.getByText('aucun compte ne porte ce nom ici').waitFor();

  await panel.getByLabel('Compte destinataire').fill(alice.username);
  await panel.getByRole('checkbox', { name: /openaiApiKey/ }).check();
  // Panorama's files folder: one of the two files the archive describes is there.
  const folder = path.join(work, 'PanoramaFiles');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'plan__abc__plan.pdf'), '%PDF-1.4 plan');
  writeFileSync(path.join(folder, 'unrelated.txt'), 'not in the archive');
  await panel.getByTestId('panorama-import-folder').setInputFiles(folder);
  await panel.getByText('2 fichiers dans le dossier').waitFor();
  await panel.getByRole('button', { name: 'Importer' }).click();

  const report = panel.getByTestId('panorama-import-report');
  await report.waitFor({ timeout: 60_000 });
  const tasks = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^tasks/ }) });
  // The reason in French, by its code (the CLI keeps the English text).
  assert.match((await tasks.textContent()) ?? '', /sans statut \(mis à « à faire »\)/);
  assert.deepEqual(await tasks.getByRole('cell').allTextContents(), ['4', '4', '0', '0', '0']);
  await report.getByText('openaiApiKey — gardé, chiffré').waitFor();
  await report.getByText('pennylaneToken — supprimé').waitFor();
  // The folder's file was sent and taken off the missing ones; the other is still missing.
  const missing = report.getByTestId('panorama-import-missing');
  await missing.getByText('absent__def__absent.txt').waitFor();
  assert.equal(await missing.getByText('plan__abc__plan.pdf').count(), 0);
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Télécharger le rapport (JSON)' }).click();
  const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { collections: Record<string, unknown> };
  assert.ok(saved.collections.situations);

  // Alice has her Panorama data, the file's bytes included.
  const files = await api(routes.files.list, { token: alice.token });
  const plan = files.items.find((f) => f.name.includes('plan'));
  assert.ok(plan, JSON.stringify(files.items));
  const bytes = await fetch(`${baseUrl}/api/files/${plan.id}/content`, { headers: { authorization: `Bearer ${alice.token}` } });
  assert.equal(await bytes.text(), '%PDF-1.4 plan');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'panorama-import-report-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at phone width`);
});
