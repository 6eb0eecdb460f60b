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

const today = new Date().toISOString().slice(0, 10);
/** French amounts use narrow no-break spaces; the assertions read them as plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
const row = (page: Page, vendor: string) =>
  page.locator('.budget-row').filter({ has: page.getByRole('checkbox', { name: `Sélectionner la ligne ${vendor}` }) });
const amountOf = async (page: Page, vendor: string) => plain(await row(page, vendor).locator('.budget-amount').textContent());

test('budget lines: typed, filtered, edited in place, edited in bulk, deleted and restored, live in a phone-sized browser; the summary has the month’s total', async () => {
  const user = await newUser();
  for (const [vendor, amountCents] of [
    ['Free', 2000],
    ['Scaleway', 750],
  ] as const) {
    await api(routes.budgetLines.create, { token: user.token, body: { date: today, vendor, amountCents, currency: 'EUR' } });
  }
  const a = await newPage(browser);
  const b = await newPage(browser, { width: 390, height: 844 });
  await signIn(a.page, user, '/budget');
  await signIn(b.page, user, '/budget');
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  await a.page
    .getByRole('status')
    .filter({ hasText: /^2 lignes$/ })
    .waitFor();

  // A line typed by hand, its amount with a decimal comma.
  await a.page.getByRole('button', { name: 'Nouvelle dépense' }).click();
  const form = a.page.getByRole('dialog', { name: 'Nouvelle dépense' });
  await form.getByLabel('Fournisseur').fill('OVH');
  await form.getByLabel('Montant').fill('12,50');
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await form.waitFor({ state: 'detached' });
  await a.page
    .getByRole('status')
    .filter({ hasText: /^3 lignes$/ })
    .waitFor();
  assert.equal(await amountOf(a.page, 'OVH'), '12,50 €');

  // A filter goes to the address and to the server.
  await a.page.getByRole('search').getByLabel('Fournisseur').fill('ovh');
  await a.page
    .getByRole('status')
    .filter({ hasText: /^1 ligne$/ })
    .waitFor();
  assert.match(a.page.url(), /\/budget\?vendor=ovh$/);
  await a.page.getByRole('search').getByLabel('Fournisseur').fill('');
  await a.page
    .getByRole('status')
    .filter({ hasText: /^3 lignes$/ })
    .waitFor();

  // Inline edit: Enter saves; the phone-sized browser sees the new amount live.
  await row(a.page, 'OVH').locator('.budget-amount button').click();
  const input = a.page.getByRole('textbox', { name: 'Montant de la ligne OVH' });
  await input.fill('13,75');
  await input.press('Enter');
  const showsNewAmount = () =>
    Array.from(document.querySelectorAll('.budget-amount')).some((cell) => cell.textContent?.replace(/\s/g, '') === '13,75€');
  await a.page.waitForFunction(showsNewAmount);
  await b.page.waitForFunction(showsNewAmount);

  // Bulk edit of two lines' category.
  await a.page.getByRole('checkbox', { name: 'Sélectionner la ligne OVH' }).check();
  await a.page.getByRole('checkbox', { name: 'Sélectionner la ligne Scaleway' }).check();
  const bar = a.page.getByRole('form', { name: 'Modifier la sélection' });
  await bar.getByText('2 lignes sélectionnées').waitFor();
  await bar.getByLabel('Catégorie').fill('Infra');
  await bar.getByRole('button', { name: 'Appliquer' }).click();
  await a.page.getByText('2 lignes modifiées.').waitFor();
  await row(a.page, 'Scaleway').locator('.budget-category').getByText('Infra').waitFor();
  await row(a.page, 'OVH').locator('.budget-category').getByText('Infra').waitFor();
  assert.equal((await api(routes.budgetLines.list, { token: user.token })).items.filter((l) => l.category === 'Infra').length, 2);

  // Delete, then Annuler brings the line back.
  await a.page.getByRole('button', { name: 'Supprimer la ligne Free' }).click();
  await a.page
    .getByRole('status')
    .filter({ hasText: /^2 lignes$/ })
    .waitFor();
  await a.page.getByRole('button', { name: 'Annuler' }).click();
  await a.page
    .getByRole('status')
    .filter({ hasText: /^3 lignes$/ })
    .waitFor();
  await row(b.page, 'Free').waitFor();
  await screenshot(a.page, 'budget-lines-light');

  // 390 px: the lines fit the phone without scrolling sideways.
  const fits = await b.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(fits, 'the Budget lines scroll sideways on a 390 px phone');
  await screenshot(b.page, 'budget-lines-phone');

  // Synthèse: the month's total, as text and as the bar's name.
  await a.page.getByRole('link', { name: 'Synthèse' }).click();
  await a.page.getByText(/^Total : 41,25\s€ sur 3 lignes$/).waitFor();
  const bars = a.page.getByRole('list', { name: 'Par mois' }).getByRole('listitem');
  assert.ok(
    (await bars.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''))).some((n) => /41,25/.test(n)),
  );
  await screenshot(a.page, 'budget-summary-light');
});
