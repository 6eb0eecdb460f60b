// The desktop app as a user meets it, in its real window under Xvfb: choose the server, sign in,
// run a command in the Terminal tab, get a native notification for a message from someone else.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { api, newUser, routes } from '../support/api.ts';
import { artifactsDir, baseUrl } from '../support/browser.ts';
import { startDesktop, type Desktop } from './desktop.ts';
import { asArgument, pause, type WebDriver } from './webdriver.ts';

const ENTER = '\uE007';
let desktop: Desktop;
let driver: WebDriver;

before(async () => {
  desktop = await startDesktop();
  driver = desktop.driver;
});
after(() => desktop?.stop());

async function screenshot(name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await writeFile(path.join(artifactsDir, `desktop-${name}.png`), await driver.screenshot());
}

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(200);
  }
}

test('first run: choose the server, sign in through the window, run a command, get a message as a notification', async () => {
  const [alice, bob] = [await newUser({ displayName: 'Alice Desktop' }), await newUser({ displayName: 'Bob Desktop' })];

  // The first start of WebKit on a loaded machine takes seconds before the page paints.
  await driver.byName('h1, h2', 'Choisir le serveur', 45_000);
  await screenshot('1-server-choice');
  await driver.type(await driver.byLabel('Adresse du serveur'), baseUrl);
  await driver.click(await driver.byName('button', 'Se connecter'));

  await driver.type(await driver.byLabel('Nom d’utilisateur'), alice.username);
  await driver.type(await driver.byLabel('Mot de passe'), alice.password);
  await driver.click(await driver.byName('button', 'Se connecter'));
  await driver.find('#main', { timeoutMs: 20_000 });
  await driver.find('.shell[data-live="online"]', { timeoutMs: 20_000 });
  await screenshot('2-signed-in');

  // The refresh token went to Rust's store (no Secret Service here: the encrypted file), not to the page.
  const secrets = path.join(desktop.home, '.local/share/app.panoramix.desktop/secrets.bin');
  await waitUntil('the secrets file', async () => (existsSync(secrets) ? true : undefined));
  const stored = await driver.execute<string>('return JSON.stringify({ ...localStorage })');
  assert.ok(!/refresh/i.test(stored), `localStorage holds no refresh token: ${stored}`);

  await driver.click(await driver.byName('nav a', 'Terminal'));
  const region = await driver.byName('[role="region"]', 'Terminal 1').catch(async () => {
    await driver.click(await driver.byName('button', 'Nouveau terminal'));
    return driver.byName('[role="region"]', 'Terminal 1');
  });
  const input = await driver.find('textarea', { within: region, timeoutMs: 30_000 }).catch(async (error: unknown) => {
    await screenshot('3-terminal-missing');
    throw error;
  });
  await driver.type(input, `echo panoramix-ok${ENTER}`);
  // The typed line reads "… echo panoramix-ok"; the shell's answer is a row of its own.
  let rows: string[] = [];
  await waitUntil('the command output', async () => {
    rows = await driver.execute<string[]>(
      `return [...arguments[0].querySelectorAll('.xterm-rows > div')].map((row) => row.textContent.trim())`,
      [asArgument(region)],
    );
    return rows.includes('panoramix-ok') ? true : undefined;
  }).catch(async (error: unknown) => {
    await screenshot('3-terminal-no-output');
    throw new Error(`${(error as Error).message}; the terminal's rows: ${JSON.stringify(rows.filter(Boolean))}`);
  });
  await screenshot('3-terminal');

  const me = await api(routes.auth.me, { token: alice.token });
  const room = await api(routes.rooms.create, { token: bob.token, body: { type: 'direct', memberIds: [me.id] } });
  await api(routes.messages.send, {
    token: bob.token,
    params: { id: room.id },
    body: { clientId: 'desktop-journey-1', text: 'Bonjour depuis le bureau' },
  });
  const notification = await waitUntil('the notification on D-Bus', async () =>
    desktop.notifications.find((n) => n.body.includes('Bonjour depuis le bureau')),
  );
  assert.match(notification.title, /Bob Desktop/);
  await screenshot('4-after-notification');
});
