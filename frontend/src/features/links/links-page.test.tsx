import type { Link } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { replicaKey } from '../../api/replica/replica-cache.ts';
import { navigate } from '../../lib/location.ts';
import { aProject, edited, entityBase } from '../../test-builders.ts';
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

  it('edits a link in place from its Modifier button: Ctrl+Enter sends only what changed and shows the answer', async () => {
    const link = aLink({ name: 'Docs', url: 'https://docs.example.test' });
    vi.mocked(call).mockResolvedValueOnce(edited(link, { name: 'Guide' }));
    const { names } = renderWith([link]);
    fireEvent.click(screen.getByRole('button', { name: 'Modifier Docs' }));
    const form = screen.getByRole('form', { name: 'Modifier Docs' });
    const name = within(form).getByRole('textbox', { name: 'Nom' });
    expect(document.activeElement).toBe(name);
    expect(within(form).getByRole('textbox', { name: 'Adresse' })).toHaveProperty('value', 'https://docs.example.test');
    fireEvent.change(name, { target: { value: 'Guide' } });
    fireEvent.keyDown(name, { key: 'Enter', ctrlKey: true });
    await expect.poll(names).toEqual(['Guide']);
    expect(call).toHaveBeenCalledWith(expect.anything(), { params: { id: link.id }, body: { name: 'Guide' } });
    expect(screen.queryByRole('form', { name: 'Modifier Docs' })).toBeNull();
  });

  it('e edits the focused row; Escape closes the form unsaved and gives the focus back to the link', async () => {
    vi.mocked(call).mockClear(); // the previous test's update
    const link = aLink({ name: 'Docs' });
    renderWith([link, aLink({ name: 'Other', createdAt: '2020-01-01T00:00:00.000Z' })]);
    const anchor = screen.getByRole('link', { name: 'Docs' });
    act(() => anchor.focus());
    fireEvent.keyDown(anchor, { key: 'e' });
    const name = within(screen.getByRole('form', { name: 'Modifier Docs' })).getByRole('textbox', { name: 'Nom' });
    fireEvent.change(name, { target: { value: 'Never saved' } });
    fireEvent.keyDown(name, { key: 'Escape' });
    expect(screen.queryByRole('form', { name: 'Modifier Docs' })).toBeNull();
    await expect.poll(() => document.activeElement).toBe(screen.getByRole('link', { name: 'Docs' }));
    expect(call).not.toHaveBeenCalled();
    // Nothing focused in a row: e edits nothing.
    act(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
    fireEvent.keyDown(window, { key: 'e' });
    expect(screen.queryByRole('form', { name: /^Modifier/ })).toBeNull();
  });

  it('c puts the cursor in the new link’s name, as the cheat sheet says', () => {
    renderWith([]);
    fireEvent.keyDown(window, { key: 'c' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Nom' }));
  });
});
