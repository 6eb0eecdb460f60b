import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { newUser } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { openTab, signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const header = 'First Name [Required],Last Name [Required],Email Address [Required],Status [READ ONLY]';
const googleCsv = [
  header,
  'Élodie,Dupont-Moretti,elodie@acme.test,Active',
  'Jean,Martin,jean@acme.test,Suspended',
  'Zoé,Roux,zoe@acme.test,Active',
  'Zoé,Roux,zoe@acme.test,Active',
].join('\n');

test('people: a Google CSV previewed then imported, found without accents, placed in the org chart, live in a second browser', async () => {
  const user = await newUser();
  const a = await newPage(browser);
  const b = await newPage(browser, { width: 390, height: 800 });
  await signIn(a.page, user, '/');
  await signIn(b.page, user, '/people');
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  await openTab(a.page, 'Personnes');
  await a.page.getByText('Aucune personne.', { exact: false }).first().waitFor();

  // Preview first: three to add, the repeated row skipped with its reason; nothing written yet.
  await a.page.getByRole('button', { name: 'Importer un CSV Google Workspace' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Importer depuis Google Workspace' });
  await dialog.getByTestId('people-import-file').setInputFiles({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${googleCsv}`),
  });
  await dialog.getByText('3 à ajouter, 0 à mettre à jour, 1 ignorées (0 → 3 personnes).').waitFor();
  await dialog.getByText('Ignorée (doublon dans le fichier)').waitFor();
  await screenshot(a.page, 'people-import-preview-light');
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  // The second browser sees them arrive; who left is greyed.
  const list = b.page.getByRole('list', { name: 'Personnes' });
  await list.getByText('Élodie Dupont-Moretti').waitFor();
  assert.match((await list.locator('.person-row').filter({ hasText: 'Jean Martin' }).getAttribute('class')) ?? '', /person-left/);

  // Search ignores accents and case.
  await a.page.getByRole('searchbox', { name: 'Rechercher' }).fill('ELODIE');
  await a.page.getByRole('status').filter({ hasText: '1 personne' }).waitFor();
  assert.deepEqual(await a.page.locator('.person-name').allTextContents(), ['Élodie Dupont-Moretti']);
  await a.page.getByRole('searchbox', { name: 'Rechercher' }).fill('');

  // Élodie manages Jean; making Jean her manager is refused, naming the loop.
  await a.page.getByRole('button', { name: /Jean Martin/ }).click();
  let form = a.page.getByRole('dialog', { name: 'Jean Martin' });
  await form.getByLabel('Manager').selectOption({ label: 'Élodie Dupont-Moretti' });
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await form.waitFor({ state: 'detached' });
  await a.page.getByRole('button', { name: /Élodie Dupont-Moretti/ }).click();
  form = a.page.getByRole('dialog', { name: 'Élodie Dupont-Moretti' });
  await form.getByLabel('Manager').selectOption({ label: 'Jean Martin' });
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await form.getByText('formerait une boucle : Élodie Dupont-Moretti → Jean Martin → Élodie Dupont-Moretti').waitFor();
  await form.getByRole('button', { name: 'Annuler' }).click();

  // The org chart, by keyboard: Élodie's branch closes and opens again, Jean under her, Enter opens his card.
  await a.page.getByRole('radio', { name: 'Organigramme' }).check();
  const tree = a.page.getByRole('tree', { name: 'Organigramme' });
  const jean = tree.getByRole('treeitem', { name: /Jean Martin/ });
  await jean.waitFor();
  await tree.getByRole('treeitem', { name: /Élodie Dupont-Moretti/ }).focus();
  await a.page.keyboard.press('ArrowLeft');
  await jean.waitFor({ state: 'detached' });
  await a.page.keyboard.press('ArrowRight');
  await jean.waitFor();
  await a.page.keyboard.press('ArrowRight');
  assert.equal(await jean.evaluate((item) => item === document.activeElement), true);
  await a.page.keyboard.press('Enter');
  const card = a.page.getByRole('dialog', { name: 'Jean Martin' });
  await card.waitFor();
  assert.match(a.page.url(), /\/people\?view=org&open=[0-9a-f]{24}$/);
  // The card shows what was saved a moment ago, not the first reading of it.
  assert.equal(
    await card.getByLabel('Manager').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent),
    'Élodie Dupont-Moretti',
  );
  await screenshot(a.page, 'people-org-chart-light');
});
