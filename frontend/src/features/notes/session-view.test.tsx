import type { AiStatus } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aiStatusQuery } from '../../api/ai-status.ts';
import { call } from '../../api/client.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import { aNoteSession } from '../../test-builders.ts';
import { SessionView } from './session-view.tsx';
import './messages.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const withSummaryModel = (provider: AiStatus['summary']['provider']) =>
  vi
    .mocked(call)
    .mockImplementation(((route: { path: string }) =>
      Promise.resolve(route.path.endsWith('ai-status') ? { summary: { provider, model: null } } : { items: [] })) as never);

function renderSession() {
  const session = aNoteSession({ name: 'Lundi' });
  const queryClient = new QueryClient();
  queryClient.setQueryData(replicaKey('noteSessions'), { version: 'v1', items: [session] });
  render(
    <QueryClientProvider client={queryClient}>
      <SessionView id={session.id} />
    </QueryClientProvider>,
  );
  return queryClient;
}

describe('the session’s AI summary button', () => {
  it('is disabled and explained when the server has no language model', async () => {
    withSummaryModel('none');
    renderSession();
    const explanation = await screen.findByText(/^Le résumé IA demande un modèle de langage/);
    const button = screen.getByRole('button', { name: 'Résumé IA' });
    expect(button).toHaveProperty('disabled', true);
    expect(button.getAttribute('aria-describedby')).toBe(explanation.id);
  });

  it('is usable when one is configured', async () => {
    withSummaryModel('ollama');
    const queryClient = renderSession();
    await vi.waitFor(() => expect(queryClient.getQueryData(aiStatusQuery.queryKey)).toBeDefined());
    expect(screen.getByRole('button', { name: 'Résumé IA' })).toHaveProperty('disabled', false);
    expect(screen.queryByText(/^Le résumé IA demande/)).toBeNull();
  });
});
