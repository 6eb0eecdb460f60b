import type { Link, Project } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import { putReplicaItem, replicaKey } from '../../api/replica/replica-cache.ts';
import { currentLocation, navigate } from '../../lib/location.ts';
import { aNoteSummary, aProject, aTask, edited } from '../../test-builders.ts';
import { projectSections } from '../../ui/project-sections.ts';
import ProjectsScreen from './projects-page.tsx';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

function renderAt(path: string, projects: Project[], content: { tasks?: unknown[]; notes?: unknown[]; links?: Link[] } = {}) {
  const queryClient = new QueryClient();
  const seed = (collection: 'projects' | 'tasks' | 'notes' | 'noteSessions' | 'links', items: unknown[]) =>
    queryClient.setQueryData(replicaKey(collection), { version: 'v1', items });
  seed('projects', projects);
  seed('tasks', content.tasks ?? []);
  seed('notes', content.notes ?? []);
  seed('noteSessions', []);
  seed('links', content.links ?? []);
  navigate(path);
  render(
    <QueryClientProvider client={queryClient}>
      <Suspense fallback="…">
        <ProjectsScreen />
      </Suspense>
    </QueryClientProvider>,
  );
  return queryClient;
}

const alice = { id: 'a'.repeat(24), username: 'alice', displayName: 'Alice Martin' };
const bob = { id: 'b'.repeat(24), username: 'bob', displayName: 'Bob' };
const shared = () => aProject({ name: 'Launch', userId: alice.id, memberIds: [alice.id, bob.id], members: [alice, bob] });

// The page is a lazy chunk of the tab: loaded once here, so no test waits for its first transform.
beforeAll(() => import('./project-page.tsx'));

afterEach(() => {
  projectSections.set([]);
  vi.mocked(call).mockReset();
  navigate('/');
});

describe('the project page', () => {
  it('shows the header, the members with their roles, the sections features declare and the recent activity', async () => {
    const project = shared();
    projectSections.set([
      { id: 'fake', order: 1, component: lazy(async () => ({ default: ({ projectId }) => <p>section of {projectId}</p> })) },
    ]);
    const task = aTask({ title: 'Book the venue', projectId: project.id, userId: bob.id });
    const note = edited(aNoteSummary({ title: 'Kick-off', projectId: project.id }));
    const elsewhere = aTask({ title: 'Not in the project' });
    renderAt(`/projects/${project.id}`, [project], { tasks: [task, elsewhere], notes: [note] });

    // A loaded machine may take over a second for the first render of the page and its sections.
    expect((await screen.findByRole('heading', { level: 1 }, { timeout: 5000 })).textContent).toContain('Launch');
    const members = screen.getByRole('list', { name: 'Membres' });
    expect(
      within(members)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Alice Martin, propriétaire', 'Bob, membre']);
    expect(await screen.findByText(`section of ${project.id}`)).toBeTruthy();
    const activity = screen.getByRole('region', { name: 'Activité récente' });
    const rows = within(activity)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(rows).toEqual([expect.stringContaining('Kick-off'), expect.stringContaining('Book the venue')]);
    expect(rows[0]).toContain('Modification');
    expect(rows[1]).toContain('Ajout par Bob');
    expect(call).not.toHaveBeenCalled();
  });

  it("shows another member's rename and new task without a reload (replica events)", async () => {
    const project = shared();
    const queryClient = renderAt(`/projects/${project.id}`, [project]);
    expect(await screen.findByText('Rien ne s’est encore passé dans ce projet.')).toBeTruthy();
    act(() => {
      putReplicaItem(queryClient, 'projects', edited(project, { name: 'Launch v2' }));
      putReplicaItem(queryClient, 'tasks', aTask({ title: 'Added by Bob', projectId: project.id, userId: bob.id }));
    });
    await expect.poll(() => screen.getByRole('heading', { level: 1 }).textContent).toContain('Launch v2');
    await expect.poll(() => screen.getByRole('region', { name: 'Activité récente' }).textContent).toContain('Added by Bob');
  });

  it('saves a name edited in place', async () => {
    const user = userEvent.setup();
    const project = shared();
    vi.mocked(call).mockImplementation(async (_route, options) => ({ ...project, ...(options as { body: object }).body }));
    renderAt(`/projects/${project.id}`, [project]);
    await user.click(within(await screen.findByRole('heading', { level: 1 })).getByRole('button', { name: 'Launch' }));
    const input = screen.getByRole('textbox', { name: 'Nom du projet' });
    await user.clear(input);
    await user.type(input, 'Relaunch{Enter}');
    expect(call).toHaveBeenCalledWith(expect.anything(), { params: { id: project.id }, body: { name: 'Relaunch' } });
    expect(await screen.findByRole('button', { name: 'Relaunch' })).toBeTruthy();
  });

  it('says clearly that a project I cannot see is not found', async () => {
    renderAt(`/projects/${'f'.repeat(24)}`, [shared()]);
    expect((await screen.findByRole('alert')).textContent).toContain('Projet introuvable');
    expect(screen.getByRole('link', { name: 'Retour aux projets' }).getAttribute('href')).toBe('/projects');
  });

  it('opens the page from the old ?edit= addresses', async () => {
    const project = shared();
    renderAt(`/projects?edit=${project.id}`, [project]);
    await expect.poll(() => currentLocation().pathname).toBe(`/projects/${project.id}`);
  });
});

describe('Projets', () => {
  it('opens the creation dialog with c, but not while typing', async () => {
    const user = userEvent.setup();
    renderAt('/projects', [aProject({ name: 'Existing' })]);
    await screen.findByRole('list', { name: 'Tous les projets' });
    await user.keyboard('c');
    await expect.poll(() => currentLocation().search).toBe('?new');
    expect(await screen.findByRole('dialog', { name: 'Nouveau projet' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Nom/ }), 'c');
    expect(currentLocation().search).toBe('?new');
  });
});

describe('the Panorama view', () => {
  it('shows health score, dormancy and manual status, and remembers the view per user', async () => {
    const user = userEvent.setup();
    const quiet = aProject({ name: 'Quiet', createdAt: daysAgo(30), updatedAt: daysAgo(30) });
    const busy = aProject({ name: 'Busy', healthFlag: 'green' });
    const late = aTask({ projectId: busy.id, deadline: daysAgo(1) });
    vi.mocked(call).mockImplementation(async (_route, options) => ({ ...quiet, ...(options as { body: object }).body }));
    renderAt('/projects', [quiet, busy], { tasks: [late] });
    await user.click(screen.getByRole('radio', { name: 'Panorama' }));
    const rows = within(screen.getByRole('list', { name: 'Panorama' })).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/Quiet.*En sommeil.*Santé 80\/100/),
      expect.stringMatching(/Busy.*1 en retard.*Santé 92\/100/),
    ]);
    expect((screen.getByRole('combobox', { name: 'Statut manuel de Busy' }) as HTMLSelectElement).value).toBe('green');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Statut manuel de Quiet' }), 'red');
    expect(call).toHaveBeenCalledWith(expect.anything(), { params: { id: quiet.id }, body: { healthFlag: 'red' } });
    expect(localStorage.getItem(`pnx.projectsView.`)).toBe('portfolio');
  });

  it('reorders from the keyboard, sending the new rank', async () => {
    const user = userEvent.setup();
    const first = aProject({ name: 'First' });
    const second = aProject({ name: 'Second' });
    vi.mocked(call).mockImplementation(async (_route, options) => ({ ...second, ...(options as { body: object }).body }));
    localStorage.setItem('pnx.projectsView.', 'portfolio');
    renderAt('/projects', [first, second]);
    screen.getByRole('combobox', { name: 'Statut manuel de Second' }).focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    const names = () =>
      within(screen.getByRole('list', { name: 'Panorama' }))
        .getAllByRole('link')
        .map((a) => a.textContent);
    expect(names()).toEqual(['Second', 'First']);
    // Written once the row stops moving (api/use-move.ts).
    await vi.waitFor(() =>
      expect(call).toHaveBeenCalledWith(expect.anything(), { params: { id: second.id }, body: { rank: expect.any(String) } }),
    );
    const { rank } = (vi.mocked(call).mock.calls[0]![1] as { body: { rank: string } }).body;
    expect(rank < first.rank).toBe(true);
  });
});
