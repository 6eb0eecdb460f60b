import type { Page } from 'playwright-core';
import type { TestUser } from './api.ts';

/** Signs in through the login form (French labels: French is the default language). */
export async function signIn(page: Page, user: TestUser, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Nom d’utilisateur').fill(user.username);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('#main').waitFor();
}

/** Opens a tab from the sidebar by its label. */
export const openTab = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

/** Resolves once the page's live socket is connected, so events sent from now on reach it. */
export const waitForLive = (page: Page) => page.locator('.shell[data-live="online"]').waitFor({ state: 'attached' });

/** The theme actually applied to the document (`light` or `dark`). */
export const appliedTheme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

/** Runs a palette command by typing part of its title, as a user would. */
export async function runCommand(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.getByRole('dialog', { name: 'Palette de commandes' }).waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
