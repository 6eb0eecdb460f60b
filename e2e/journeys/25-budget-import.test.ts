import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import type { TestUser } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const fixtures = new URL('../../backend/src/modules/budget/fixtures/', import.meta.url);
const fixture = async (name: string) => ({ name, mimeType: 'text/csv', buffer: await readFile(new URL(name, fixtures)) });
const lines = async (user: TestUser) => (await api(routes.budgetLines.list, { token: user.token })).items;
const upload = async (page: Page, name: string) => page.getByTestId('budget-import-file').setInputFiles(await fixture(name));

test('budget: a French bank CSV (semicolon, cp1252, decimal comma) previewed, remapped, imported live, reported, undone; then a Vérifier pair merged', async () => {
  const user = await newUser();
  const { page } = await newPage(browser);
  await signIn(page, user, '/budget/import');
  await waitForLive(page);
  const wizard = page.getByRole('region', { name: 'Importer un relevé' });
  await wizard.waitFor();

  // A binary file posing as CSV: the server's refusal, in French; nothing is kept.
  await upload(page, 'binary-posing-as.csv');
  await wizard.getByRole('alert').filter({ hasText: 'Ce fichier est binaire, pas du texte.' }).waitFor();

  // The BNP export: what was detected, and the user says the vendor is in the Libellé column.
  await upload(page, 'bnp-export-semicolon-cp1252.csv');
  await wizard.getByText('windows-1252').waitFor();
  await wizard.getByText('point-virgule (;)').waitFor();
  const ovh = wizard
    .getByRole('table', { name: 'Aperçu des lignes lues' })
    .getByRole('row')
    .filter({ hasText: 'PRLV SEPA OVH SAS' });
  assert.match((await ovh.textContent({ timeout: 10_000 })) ?? '', /1\s234,56\s€/);
  await wizard.getByLabel('Fournisseur').selectOption({ label: 'Libellé' });
  await wizard
    .getByRole('columnheader', { name: /Libellé/ })
    .filter({ hasText: 'Fournisseur' })
    .waitFor();
  await screenshot(page, 'budget-import-preview-light');
  await wizard.getByRole('button', { name: 'Importer 6 lignes' }).click();

  // The job's events bring the report: four lines in, the repeated café skipped, the dateless row unreadable.
  const report = wizard.getByRole('list', { name: 'Compte rendu' });
  await report.getByText('4 lignes importées').waitFor();
  await report.getByText('1 doublon ignoré').waitFor();
  await report.getByText('1 ligne illisible').waitFor();
  await wizard.getByText('Exemples de doublons').click();
  await wizard.getByText('repeated in this file').waitFor();
  assert.deepEqual(
    (await lines(user)).map((l) => l.amountCents).sort((a, b) => a - b),
    [-250000, 450, 8990, 123456],
  );

  // Undo, after confirming: the lines are gone.
  await wizard.getByRole('button', { name: 'Annuler l’import' }).click();
  const confirm = page.getByRole('dialog', { name: 'Annuler l’import de « bnp-export-semicolon-cp1252.csv » ?' });
  await confirm.getByRole('button', { name: 'Annuler l’import' }).click();
  await wizard.getByText('Import annulé : ses lignes ont été retirées.').waitFor();
  assert.deepEqual(await lines(user), []);
  await page.getByRole('region', { name: 'Imports précédents' }).getByText('annulé').waitFor();

  // The same file again: the adjusted mapping is offered.
  await wizard.getByRole('button', { name: 'Fermer' }).click();
  await upload(page, 'bnp-export-semicolon-cp1252.csv');
  await wizard.getByRole('note').filter({ hasText: 'Correspondance reprise' }).waitFor();
  assert.equal(await wizard.getByLabel('Fournisseur').inputValue(), '1');

  // Vérifier: one expense typed twice, notes on the first only. The newer line is on the left and
  // stays on f (merge); it takes the notes it lacked from the other, which goes.
  const create = (notes: string) =>
    api(routes.budgetLines.create, {
      token: user.token,
      body: { date: '2026-11-12', vendor: 'Free Mobile', amountCents: 1999, notes },
    });
  const removed = await create('forfait novembre');
  const kept = await create('');
  await page.getByRole('navigation', { name: 'Vues du budget' }).getByRole('link', { name: 'Vérifier' }).click();
  await page.getByRole('listitem', { name: 'Doublon possible : Free Mobile' }).waitFor();
  await screenshot(page, 'budget-review-light');
  await page.keyboard.press('f');
  await page.getByText('Lignes « Free Mobile » fusionnées.').waitFor();
  await page.getByText('Aucun doublon possible.').waitFor();
  const left = await lines(user);
  assert.deepEqual(
    left.map((l) => [l.id, l.notes]),
    [[kept.id, 'forfait novembre']],
  );
  assert.notEqual(kept.id, removed.id);
});
