import assert from 'node:assert/strict';
import { test } from 'node:test';
import { api, routes } from '../support/api.ts';
import { newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';
import { signUp, withModelStack } from '../support/model-stack.ts';

// Its own stack, whose language model is the tests' fake server answering the scripted JSON below.
const setup = withModelStack();

test('journal: lines typed one after another, shown live in a second browser, summarised, its suggestion becomes one task however often it is accepted', async () => {
  const baseUrl = setup.stack.baseUrl;
  const user = await signUp(baseUrl, 'journaliste', 'Journaliste');
  const token = user.token;

  const a = await newPage(setup.browser, { baseUrl });
  const b = await newPage(setup.browser, { baseUrl, width: 390, height: 844 });
  await signIn(a.page, user, '/journal');
  await signIn(b.page, user, '/journal');
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  await b.page.getByText('Le journal est vide.', { exact: false }).waitFor();

  // The field keeps the focus after each Enter: lines follow one another.
  await a.page.getByRole('textbox', { name: 'Nouvelle ligne' }).click();
  await a.page.keyboard.type('Appel du fournisseur : livraison en retard');
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.type('Relancer   pour la facture');
  await a.page.keyboard.press('Enter');
  await a.page.getByText('Relancer pour la facture').waitFor();
  assert.equal(await a.page.evaluate(() => document.activeElement?.id), 'journal-entry');
  await b.page.getByText('Relancer pour la facture').waitFor();
  await b.page.getByText('Appel du fournisseur : livraison en retard').waitFor();

  const entries = (await api(routes.journal.list, { baseUrl, token })).items;
  assert.deepEqual(
    entries.map((e) => e.content),
    ['Relancer pour la facture', 'Appel du fournisseur : livraison en retard'],
  );
  const answer = JSON.stringify({
    summary: '## Fournisseur\n\n- Livraison en retard, facture à relancer',
    tasks: [{ title: 'Relancer le fournisseur', notes: 'facture et livraison', sourceLogIds: entries.map((e) => e.id) }],
  });

  // Summarise, create the suggested task; the same suggestion accepted again creates nothing more.
  for (const round of [1, 2]) {
    setup.model.state.answers.push(answer);
    await a.page.getByRole('button', { name: 'Résumer les 8 dernières heures' }).click();
    await a.page.getByRole('heading', { name: 'Fournisseur' }).waitFor();
    await a.page.getByText('D’après 2 lignes').waitFor();
    await a.page.getByRole('button', { name: 'Créer la tâche cochée' }).click();
    await a.page
      .getByText(round === 1 ? '1 tâche créée.' : '1 suggestion était déjà devenue une tâche : rien de plus.')
      .waitFor();
  }
  const tasks = (await api(routes.tasks.list, { baseUrl, token })).items;
  assert.deepEqual(
    tasks.map((t) => [t.title, t.source]),
    [['Relancer le fournisseur', { kind: 'journal', ids: entries.map((e) => e.id).sort() }]],
  );
  await screenshot(b.page, 'journal-phone');
  await screenshot(a.page, 'journal-light');

  // Tout effacer asks first, then empties both browsers.
  await a.page.getByRole('button', { name: 'Tout effacer' }).click();
  await a.page.getByRole('dialog', { name: 'Effacer tout le journal ?' }).getByRole('button', { name: 'Tout effacer' }).click();
  await a.page.getByText('Le journal est vide.', { exact: false }).waitFor();
  await b.page.getByText('Le journal est vide.', { exact: false }).waitFor();
});
