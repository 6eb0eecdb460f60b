import type { AiStatus } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import AiStatusPanel from './ai-status-panel.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const reachable = { reachable: true, error: null };
const statusWith = (lastError: AiStatus['queue']['lastError']): AiStatus => ({
  embeddings: { ...reachable, provider: 'local', model: 'local-hashing-v1', dimension: 384, description: 'hashing' },
  vectorStore: { ...reachable, kind: 'embedded', collection: 'panoramix' },
  chat: { provider: 'none', model: null },
  summary: { provider: 'none', model: null },
  queue: { pending: 0, failed: 1, lastError },
});

function renderPanel(status: AiStatus) {
  vi.mocked(call).mockImplementation(((route?: { path: string }) =>
    Promise.resolve(
      route?.path.endsWith('ai-status') ? status : { collection: 'panoramix', model: 'm', dimension: 384, counts: {} },
    )) as never);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AiStatusPanel />
    </QueryClientProvider>,
  );
}

const at = '2026-12-01T10:00:00.000Z';

describe('AiStatusPanel', () => {
  beforeEach(() => vi.mocked(call).mockReset());

  it('names the embedder in French, the address of a server kept', async () => {
    const status = statusWith(null);
    renderPanel({
      ...status,
      embeddings: { ...status.embeddings, provider: 'ollama', description: 'Ollama at http://127.0.0.1:11434' },
    });
    expect(await screen.findByText('Ollama à l’adresse http://127.0.0.1:11434')).toBeTruthy();
  });

  it('names the local embedder in French', async () => {
    renderPanel(statusWith(null));
    expect(await screen.findByText(/^Vectorisation locale par hachage/)).toBeTruthy();
  });

  it('shows an administrator the failing item and the reason', async () => {
    renderPanel(statusWith({ kind: 'note', id: 'n1', reason: 'model timed out', at }));
    expect(await screen.findByText(/Dernière erreur \(note n1, .*\) : model timed out/)).toBeTruthy();
  });

  it('tells anyone else that the details are for administrators, with no empty placeholders', async () => {
    renderPanel(statusWith({ kind: 'note', id: null, reason: null, at }));
    const line = await screen.findByText(/Dernière erreur \(note, .*\) : le détail est réservé aux administrateurs/);
    expect(line.textContent).not.toMatch(/null|\{\{/);
  });
});
