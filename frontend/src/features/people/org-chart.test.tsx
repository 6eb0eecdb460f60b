import type { OrgNode } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OrgChart } from './org-chart.tsx';
import { peopleKeys } from './people-cache.ts';
import './messages.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn(() => new Promise(() => {})) }));

const node = (id: string, managerId: string | null = null, left = false): OrgNode => ({
  id,
  name: id,
  lastName: 'X',
  role: '',
  managerId,
  teamId: null,
  left,
});

function renderChart(nodes: OrgNode[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(peopleKeys.tree, { items: nodes });
  const onOpen = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <OrgChart onOpen={onOpen} />
    </QueryClientProvider>,
  );
  const tree = screen.getByRole('tree', { name: 'Organigramme' });
  const names = () => screen.getAllByRole('treeitem').map((item) => item.querySelector('.org-name')?.textContent);
  const press = (key: string) => fireEvent.keyDown(document.activeElement ?? tree, { key });
  return { tree, names, press, onOpen };
}

describe('Organigramme', () => {
  it('shows the roots open, their reports closed, and moves with the arrow keys', () => {
    const { names, press, onOpen } = renderChart([node('Ana'), node('Ben', 'Ana'), node('Dan', 'Ben'), node('Eve')]);
    expect(names()).toEqual(['Ana X', 'Ben X', 'Eve X']);
    const first = screen.getAllByRole('treeitem')[0]!;
    expect(first.tabIndex).toBe(0);
    first.focus();
    press('ArrowDown'); // Ben
    expect(document.activeElement?.textContent).toContain('Ben X');
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('false');
    press('ArrowRight'); // opens Ben
    expect(names()).toEqual(['Ana X', 'Ben X', 'Dan X', 'Eve X']);
    press('ArrowRight'); // into Dan
    expect(document.activeElement?.textContent).toContain('Dan X');
    press('ArrowLeft'); // back to the manager
    expect(document.activeElement?.textContent).toContain('Ben X');
    press('ArrowLeft'); // closes Ben
    expect(names()).toEqual(['Ana X', 'Ben X', 'Eve X']);
    press('End');
    press('Enter');
    expect(onOpen).toHaveBeenCalledWith('Eve');
  });

  it('greys who left', () => {
    renderChart([node('Ana', null, true)]);
    expect(screen.getByRole('treeitem').className).toContain('person-left');
  });

  it('says so when there is no one to place', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(peopleKeys.tree, { items: [] });
    render(
      <QueryClientProvider client={queryClient}>
        <OrgChart onOpen={() => {}} />
      </QueryClientProvider>,
    );
    expect(screen.getByText('Aucune personne à placer dans l’organigramme.')).toBeTruthy();
  });
});
