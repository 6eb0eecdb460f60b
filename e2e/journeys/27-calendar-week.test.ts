import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newUser } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn, waitForLive } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** Pixels an hour is drawn tall (frontend/src/features/calendar/week-view.tsx). */
const HOUR = 48;
const rangeTitle = (page: Page) => page.locator('.cal-range-title');
const column = (page: Page, day: number) => page.locator(`.cal-column[data-day="${day}"]`);

/** The point of a day column at a time of day (hours), in the viewport. */
async function pointAt(page: Page, day: number, hours: number) {
  const box = (await column(page, day).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + hours * HOUR };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

test('week view: arrows change the week, a drag creates then moves an event, another browser follows live, delete then Annuler', async () => {
  const user = await newUser();
  const a = await newPage(browser);
  const b = await newPage(browser);
  // The week of Wednesday 10 March 2027, in Paris (the browsers' zone and the user's, no preference set).
  const week = '/calendar?view=week&date=2027-03-10';
  await signIn(a.page, user, week);
  await signIn(b.page, user, week);
  await Promise.all([waitForLive(a.page), waitForLive(b.page)]);
  await rangeTitle(a.page).getByText('Semaine du 8 mars au 14 mars').waitFor();

  // ← and → step a week; the address keeps the day.
  await a.page.locator('#calendar-title').click();
  await a.page.keyboard.press('ArrowRight');
  await rangeTitle(a.page).getByText('Semaine du 15 mars au 21 mars').waitFor();
  await a.page.keyboard.press('ArrowLeft');
  await a.page.keyboard.press('ArrowLeft');
  await rangeTitle(a.page).getByText('Semaine du 1 mars au 7 mars').waitFor();
  await a.page.keyboard.press('ArrowRight');
  await rangeTitle(a.page).getByText('Semaine du 8 mars au 14 mars').waitFor();
  assert.match(a.page.url(), /date=2027-03-10/);

  // A drag down Wednesday from 10:00 to 11:00 opens the form on that slot; Enter creates it.
  await drag(a.page, await pointAt(a.page, 2, 10.05), await pointAt(a.page, 2, 10.95));
  const form = a.page.getByRole('dialog', { name: 'Nouvel événement' });
  assert.equal(await form.getByLabel('Début').inputValue(), '2027-03-10T10:00');
  assert.equal(await form.getByLabel('Fin').inputValue(), '2027-03-10T11:00');
  await form.getByLabel('Titre').fill('Point hebdo');
  await form.getByLabel('Titre').press('Enter');
  await column(a.page, 2).getByRole('button', { name: 'Point hebdo, 10:00–11:00' }).waitFor();
  await column(b.page, 2).getByRole('button', { name: 'Point hebdo, 10:00–11:00' }).waitFor();

  // Dragged to Thursday an hour later: moved at once here, live in the other browser.
  const block = column(a.page, 2).getByRole('button', { name: /^Point hebdo/ });
  const box = (await block.boundingBox())!;
  const thursday = await pointAt(a.page, 3, 0);
  await drag(a.page, { x: box.x + box.width / 2, y: box.y + 10 }, { x: thursday.x, y: box.y + 10 + HOUR });
  await column(a.page, 3).getByRole('button', { name: 'Point hebdo, 11:00–12:00' }).waitFor();
  await column(b.page, 3).getByRole('button', { name: 'Point hebdo, 11:00–12:00' }).waitFor();
  await screenshot(a.page, 'calendar-week');

  // B opens it with a click, deletes it; both lose it; Annuler brings it back in both.
  await column(b.page, 3)
    .getByRole('button', { name: /^Point hebdo/ })
    .click();
  await b.page.getByRole('dialog', { name: 'Modifier l’événement' }).getByRole('button', { name: 'Supprimer' }).click();
  await column(a.page, 3)
    .getByRole('button', { name: /^Point hebdo/ })
    .waitFor({ state: 'detached' });
  await b.page.getByRole('button', { name: 'Annuler' }).click();
  await column(b.page, 3).getByRole('button', { name: 'Point hebdo, 11:00–12:00' }).waitFor();
  await column(a.page, 3).getByRole('button', { name: 'Point hebdo, 11:00–12:00' }).waitFor();
  await a.context.close();
  await b.context.close();
});
