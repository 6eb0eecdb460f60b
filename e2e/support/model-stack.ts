import path from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { startFakeModelServer } from '../../backend/test/fake-model-server.ts';
import { api, routes } from './api.ts';
import { launchBrowser } from './browser.ts';
import { repoRoot, startStack } from './stack.ts';
import type { Stack } from './stack.ts';

interface ModelStack {
  browser: Browser;
  stack: Stack;
  /** The tests' fake model server: a journey scripts its answers in `model.state.answers`. */
  model: Awaited<ReturnType<typeof startFakeModelServer>>;
}

/**
 * A stack of the test file's own, whose language model is the fake server, and a browser: the
 * shared stack has no model (journey 07 checks that the buttons say so). Filled by `before`.
 */
export function withModelStack(): ModelStack {
  const setup = {} as ModelStack;
  before(async () => {
    setup.model = await startFakeModelServer();
    setup.stack = await startStack(path.join(repoRoot, 'frontend/dist'), {
      AI_CHAT_PROVIDER: 'ollama',
      OLLAMA_URL: setup.model.url,
      JOBS_POLL_MS: '300',
    });
    setup.browser = await launchBrowser();
  });
  after(async () => {
    await setup.browser?.close();
    await setup.stack?.stop();
    await setup.model?.close();
  });
  return setup;
}

/** A new account on the stack at `baseUrl`, signed up through the API. */
export async function signUp(baseUrl: string, username: string, displayName: string) {
  const password = 'correct horse battery';
  const session = await api(routes.auth.register, { baseUrl, body: { username, password, displayName } });
  return { username, password, displayName, token: session.accessToken };
}
