import type { Link } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import { navigate } from '../../lib/location.ts';
import { aProject, entityBase } from '../../test-builders.ts';
import { putLink } from './link-replica.ts';
import LinksPage from './links-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

function aLink(overrides: Partial<Link> = {}): Link {
  const { n, ...base } = entityBase();
  return {
    ...base,
    projectId: null,
    name: `link ${n}`,
    url: `https://example.test/${n}`,
    clicksCount: 0,
    lastClickedAt: null,
    ...overrides,
  };
}

function renderWith(links: Link[], projects = [aProject()]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(replicaKey('links'), { version: 'v1', items: links });
  queryClient.setQueryData(replicaKey('projects'), { version: 'v1', items: projects });
  render(
    <QueryClientProvider client={queryClient}>
      <LinksPage />
    </QueryClientProvider>,
  );
  const names = () =>
    within(screen.getByRole('list', { name: 'Liens' }))
      .getAllByRole('link')
      .filter((a) => a.getAttribute('target') === '_blank')
      .map((a) => a.textContent);
  return { queryClient, names };
}

describe('Liens', () => {
  it('lists the replicated links newest first, asking the server nothing', () => {
    const older = aLink({ name: 'Older', createdAt: '2026-11-20T10:00:00.000Z' });
    const newer = aLink({ name: 'Newer', createdAt: '2026-11-24T10:00:00.000Z' });
    const { names } = renderWith([older, newer]);
    expect(names()).toEqual(['Newer', 'Older']);
    expect(call).not.toHaveBeenCalled();
  });

  it('shows a link added in another tab on top, with no refetch', async () => {
    const { queryClient, names } = renderWith([aLink({ name: 'Mine' })]);
    act(() => putLink(queryClient, aLink({ name: 'From the other tab', createdAt: '2026-11-30T10:00:00.000Z' })));
    await screen.findByText('From the other tab');
    expect(names()).toEqual(['From the other tab', 'Mine']);
    expect(call).not.toHaveBeenCalled();
  });

  it("filters by project from the address, shows each link's project as a chip to its page", async () => {
    const project = aProject({ name: 'Launch' });
    const filed = aLink({ name: 'Filed', projectId: project.id });
    const unfiled = aLink({ name: 'Unfiled' });
    navigate('/links');
    const { names } = renderWith([filed, unfiled], [project]);
    expect(names().sort()).toEqual(['Filed', 'Unfiled']);
    expect(screen.getByRole('link', { name: 'Launch' }).getAttribute('href')).toBe(`/projects/${project.id}`);
    act(() => navigate(`/links?project=${project.id}`));
    await expect.poll(names).toEqual(['Filed']);
    act(() => navigate('/links?project=none'));
    await expect.poll(names).toEqual(['Unfiled']);
    navigate('/links');
  });

  it('c puts the cursor in the new link’s name, as the cheat sheet says', () => {
    renderWith([]);
    fireEvent.keyDown(window, { key: 'c' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Nom' }));
  });
});
