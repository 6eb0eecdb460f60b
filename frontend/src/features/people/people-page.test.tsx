import type { PersonRecord } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { navigate } from '../../lib/location.ts';
import { entityBase } from '../../test-builders.ts';
import PeoplePage from './people-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

function aPerson(overrides: Partial<PersonRecord> = {}): PersonRecord {
  const { n, ...base } = entityBase();
  return {
    ...base,
    name: `Person ${n}`,
    lastName: '',
    normalizedName: `person ${n}`,
    aliases: [],
    role: '',
    email: '',
    notes: '',
    left: false,
    contactOnly: false,
    teamId: null,
    subteam: '',
    managerId: null,
    githubUsernames: [],
    arrivalDate: null,
    ...overrides,
  };
}

/** The server: the people list answers `people` (filtered by `q` as the server would be asked), no teams. */
function serve(people: PersonRecord[]) {
  vi.mocked(call).mockImplementation((async (route: { path: string }, input?: { query?: { q?: string } }) => {
    if (route.path === '/api/teams') return { items: [{ ...entityBase(), id: 't1', name: 'Data', memberCount: 1 }] };
    if (route.path === '/api/people') {
      const q = input?.query?.q?.toLowerCase();
      return { items: people.filter((p) => !q || p.normalizedName.includes(q)), nextOffset: null };
    }
    throw new Error(`unexpected ${route.path}`);
  }) as never);
}

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <PeoplePage />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.mocked(call).mockReset();
  navigate('/', { replace: true });
});

describe('Personnes', () => {
  it('lists people with their team, greys who left, and says how many', async () => {
    serve([aPerson({ name: 'Élodie', role: 'CTO', teamId: 't1' }), aPerson({ name: 'Jean', left: true })]);
    renderPage();
    const list = await screen.findByRole('list', { name: 'Personnes' });
    expect(await within(list).findByText('CTO · Data')).toBeTruthy();
    expect(within(list).getByRole('button', { name: /Jean/ }).className).toContain('person-left');
    expect(screen.getByText('2 personnes')).toBeTruthy();
  });

  it('sends the typed search to the server once typing pauses', async () => {
    serve([aPerson({ name: 'Élodie', normalizedName: 'elodie' }), aPerson({ name: 'Jean', normalizedName: 'jean' })]);
    renderPage();
    await screen.findByText('2 personnes');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher' }), { target: { value: 'elo' } });
    expect(await screen.findByText('1 personne')).toBeTruthy();
    const asked = vi.mocked(call).mock.calls.map(([, input]) => (input as { query?: { q?: string } })?.query?.q);
    expect(asked.filter((q) => q !== undefined)).toEqual(['elo']);
  });

  it('tells an empty workspace how to start, and a filter that matches no one apart', async () => {
    serve([]);
    renderPage();
    expect(await screen.findByText(/Aucune personne\. Ajoutez-en une ou importez/)).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Rechercher' }), { target: { value: 'zzz' } });
    expect(await screen.findByText('Personne ne correspond à ces filtres.')).toBeTruthy();
  });
});
