import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { newUser } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { runCommand, signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

const lines = Array.from({ length: 10 }, (_, i) => `Point ${i + 1} : décision prise`);

test('a note session typed line after line, seen live in another browser; a Markdown note never runs its HTML', async () => {
  const user = await newUser();
  const a = await newPage(browser);
  const b = await newPage(browser);
  await signIn(a.page, user, '/notes');
  await signIn(b.page, user, '/notes');
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);

  // A session from the palette: the line field has the focus, Enter appends and keeps it.
  await runCommand(a.page, 'nouvelle session');
  await a.page.waitForURL(/\/notes\/sessions\/[0-9a-f]{24}$/);
  await a.page.waitForFunction(() => document.activeElement?.id === 'line-input');
  for (const line of lines) {
    await a.page.keyboard.type(line);
    await a.page.keyboard.press('Enter');
  }
  const list = a.page.getByRole('list', { name: 'Lignes de la session' });
  await list.getByText(lines[9]!).waitFor();
  assert.deepEqual(await list.locator('.inline-text').allTextContents(), lines);

  // B opens the session from its list, which received it live.
  await b.page.getByRole('radio', { name: 'Sessions' }).check({ force: true });
  await b.page.locator('.notes-item').first().click();
  await b.page.getByRole('list', { name: 'Lignes de la session' }).getByText(lines[9]!).waitFor();

  // A line edited in A changes in B; without a language model the summary says why.
  await list.getByText(lines[2]!).click();
  await a.page.getByRole('textbox', { name: 'Ligne 3' }).fill('Point 3 : reporté');
  await a.page.keyboard.press('Enter');
  await b.page.getByText('Point 3 : reporté').waitFor();
  // No language model on this server: the summary button is off and says why, rather than failing once pressed.
  await a.page.getByText('Le résumé IA demande un modèle de langage').waitFor();
  const summarize = a.page.getByRole('button', { name: 'Résumé IA' });
  assert.equal(await summarize.isDisabled(), true);
  assert.match((await summarize.getAttribute('aria-describedby')) ?? '', /^no-model-/);
  await screenshot(a.page, 'session-light');

  // A note whose Markdown carries a script and a javascript: link: shown as text, nothing runs.
  await runCommand(a.page, 'nouvelle note');
  await a.page.getByLabel('Titre').fill('Compte rendu');
  await a.page
    .getByLabel('Contenu (Markdown)')
    .fill('# Décisions\n\n- **Budget** validé\n- [Piège](javascript:window.pwned=1)\n\n<script>window.pwned = 1</script>');
  await a.page.keyboard.press('Control+S');
  await a.page.waitForURL(/\/notes\/[0-9a-f]{24}$/);
  await a.page.getByRole('radio', { name: 'Aperçu' }).check({ force: true });
  await a.page.getByRole('heading', { name: 'Décisions' }).waitFor();
  await a.page.getByText('<script>window.pwned = 1</script>').waitFor();
  assert.equal(await a.page.getByRole('link', { name: 'Piège' }).count(), 0);
  assert.equal(await a.page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  await b.page.getByRole('radio', { name: 'Notes' }).check({ force: true });
  await b.page.locator('.notes-item', { hasText: 'Compte rendu' }).waitFor();
  await screenshot(a.page, 'notes-light');

  // Edited without saving: it saves itself once typing pauses, and the other browser shows it.
  await a.page.getByRole('radio', { name: 'Écrire' }).check({ force: true });
  await a.page.getByLabel('Titre').fill('Compte rendu du comité');
  await a.page.getByText('Enregistrée — modifiée le').waitFor();
  await b.page.locator('.notes-item', { hasText: 'Compte rendu du comité' }).waitFor();

  await a.page.emulateMedia({ colorScheme: 'dark' });
  await a.page.setViewportSize({ width: 360, height: 740 });
  await a.page.goto('/tasks');
  await a.page.getByPlaceholder('Ajouter une tâche puis Entrée…').fill('Relire le compte rendu');
  await a.page.keyboard.press('Enter');
  await a.page.getByRole('button', { name: 'Relire le compte rendu', exact: true }).waitFor();
  await screenshot(a.page, 'mobile-tasks-dark');
  await a.context.close();
  await b.context.close();
});
