import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { api, newUser, routes } from '../support/api.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';
import { signIn } from '../support/journey.ts';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser.close());

/** April 2027 in Paris (UTC+2): a three-day leave, a dentist at 10:00 and a task due on the 21st. */
async function seed() {
  const user = await newUser();
  const body = (title: string, start: string, end: string, allDay = false) => ({ title, start, end, allDay });
  await api(routes.calendarEvents.create, {
    token: user.token,
    body: body('Congés', '2027-04-12T00:00:00.000Z', '2027-04-15T00:00:00.000Z', true),
  });
  await api(routes.calendarEvents.create, {
    token: user.token,
    body: body('Dentiste', '2027-04-20T08:00:00.000Z', '2027-04-20T09:00:00.000Z'),
  });
  const task = await api(routes.tasks.create, {
    token: user.token,
    body: { title: 'Rendre le dossier', deadline: '2027-04-21T21:59:59.999Z' },
  });
  return { user, task };
}

test('month view shows the month’s events by day; the toggle adds task deadlines, remembered, and opens the task', async () => {
  const { user, task } = await seed();
  const { page, context } = await newPage(browser);
  await signIn(page, user, '/calendar?view=month&date=2027-04-01');
  await page.locator('.cal-range-title').getByText('avril 2027').waitFor();
  const day = (name: string) => page.getByRole('group', { name, exact: true });
  await day('mardi 20 avril').getByRole('button', { name: 'Dentiste, 10:00–11:00' }).waitFor();
  for (const leave of ['lundi 12 avril', 'mardi 13 avril', 'mercredi 14 avril'])
    await day(leave)
      .getByRole('button', { name: /^Congés/ })
      .waitFor();
  assert.equal(
    await day('jeudi 15 avril')
      .getByRole('button', { name: /^Congés/ })
      .count(),
    0,
  ); // its end is exclusive

  // Off by default; on, the deadline shows on its day; kept after a reload.
  assert.equal(await page.getByRole('button', { name: /Rendre le dossier/ }).count(), 0);
  await page.getByLabel('Tâches et alarmes').check();
  await day('mercredi 21 avril').getByRole('button', { name: 'Rendre le dossier, Échéance' }).waitFor();
  await screenshot(page, 'calendar-month');
  await page.reload();
  await day('mercredi 21 avril').getByRole('button', { name: 'Rendre le dossier, Échéance' }).click();
  await page.waitForURL(`**/tasks?open=${task.id}`);

  // A day's number opens its week.
  await page.goto('/calendar?view=month&date=2027-04-01');
  await day('mardi 20 avril').getByRole('button', { name: '20', exact: true }).click();
  await page.locator('.cal-range-title').getByText('Semaine du 19 avr. au 25 avr.').waitFor();
  await context.close();
});

test('a 390 px phone opens on the agenda, day by day, with nothing wider than the screen', async () => {
  const { user } = await seed();
  const { page, context } = await newPage(browser, { width: 390, height: 844 });
  await signIn(page, user, '/calendar?date=2027-04-10');
  const agenda = page.getByRole('list', { name: 'Agenda' });
  await agenda.getByRole('heading', { name: 'lundi 12 avril' }).waitFor();
  await page.getByRole('list', { name: 'Le mardi 20 avril' }).getByRole('button', { name: 'Dentiste, 10:00–11:00' }).waitFor();
  assert.equal(await agenda.getByRole('heading', { name: 'dimanche 11 avril' }).count(), 0); // nothing that day
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
  await screenshot(page, 'calendar-agenda-phone');

  // The next span reads on from where this one ends.
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByText(/Rien de prévu du/).waitFor();
  await context.close();
});
