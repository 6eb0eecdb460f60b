import type { Task } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { QuickAdd } from './quick-add.tsx';
import { aTask } from '../../test-builders.ts';
import './messages.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));
const mockedCall = vi.mocked(call);

function renderQuickAdd(projectId: string | null = null) {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <QuickAdd projectId={projectId} />
    </QueryClientProvider>,
  );
  return screen.getByRole('textbox', { name: 'Nouvelle tâche' });
}

describe('QuickAdd', () => {
  it('creates a task per Enter, clears the field at once and keeps the focus', async () => {
    const user = userEvent.setup();
    mockedCall.mockImplementation(async (_route, input) => aTask({ title: (input as { body: Task }).body.title }) as never);
    const input = renderQuickAdd('e'.repeat(24));
    await user.click(input);
    await user.keyboard('First{Enter}Second{Enter}');
    expect(input).toHaveProperty('value', '');
    expect(document.activeElement).toBe(input);
    const bodies = mockedCall.mock.calls.map(([, options]) => (options as { body: unknown }).body);
    expect(bodies).toEqual([
      { title: 'First', projectId: 'e'.repeat(24) },
      { title: 'Second', projectId: 'e'.repeat(24) },
    ]);
  });

  it('puts a refused title back with the server’s reason', async () => {
    const user = userEvent.setup();
    mockedCall.mockRejectedValue(
      new ApiError(400, { type: 'x', title: 'Invalid', status: 400, detail: 'title: too long' }, undefined),
    );
    const input = renderQuickAdd();
    await user.type(input, 'Too long{Enter}');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'title: too long');
    expect(input).toHaveProperty('value', 'Too long');
  });
});
