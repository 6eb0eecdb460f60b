import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../api/client.ts';
import type { PaletteItem } from '../../app/palette/commands.ts';
import { CommandPalette } from '../../app/palette/command-palette.tsx';
import { currentLocation, navigate } from '../../lib/location.ts';
import { searchFeature } from './feature.ts';
import { buildHit } from './search-builders.ts';

vi.mock('../../api/client.ts', () => ({ call: vi.fn() }));

const note = buildHit({ kind: 'note', title: 'Compte rendu', snippet: 'Notes du comité', highlights: [{ start: 9, end: 15 }] });
// The section as the shell gives it: the search feature's registry entry.
const features = [searchFeature];
const command: PaletteItem = { id: 'go.notes', label: 'Aller à : Notes', section: 'navigation', keywords: '', perform: vi.fn() };

describe('the palette’s content section', () => {
  // The section is lazy: its module is compiled once up front, so the test waits on the search only.
  beforeAll(() => import('./palette-content.tsx'));
  beforeEach(() => {
    navigate('/home', { replace: true });
    vi.mocked(call).mockReset();
    vi.mocked(call).mockResolvedValue({ items: [note], semantic: true } as never);
  });

  it('lists hits below the commands once the query has 2 characters; ↓ then Enter opens one', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<CommandPalette items={[command]} features={features} onClose={onClose} />);
    await user.keyboard('n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(call).not.toHaveBeenCalled();

    await user.keyboard('o');
    const group = await screen.findByRole('group', { name: 'Contenu' });
    expect(group.textContent).toContain('Compte rendu');
    expect(group.querySelector('mark')?.textContent).toBe('comité');
    expect(screen.getAllByRole('option').map((o) => o.querySelector('.palette-label')?.firstChild?.textContent)).toEqual([
      'Aller à : Notes',
      'Compte rendu',
    ]);

    await user.keyboard('{ArrowDown}{Enter}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(command.perform).not.toHaveBeenCalled();
    expect(currentLocation().pathname).toBe(`/notes/${note.id}`);
  });

  it('lists hits first when the query matches one better than any command, its Markdown as text', async () => {
    const user = userEvent.setup();
    const report = buildHit({
      kind: 'note',
      title: 'Clarté du rapport',
      snippet: 'Relire la **clarté** du rapport',
      highlights: [],
    });
    vi.mocked(call).mockResolvedValue({ items: [report], semantic: true } as never);
    const toggleTheme: PaletteItem = { ...command, id: 'theme', label: 'Basculer entre thème clair et sombre' };
    render(<CommandPalette items={[toggleTheme]} features={features} onClose={vi.fn()} />);
    await user.keyboard('clarte');
    const group = await screen.findByRole('group', { name: 'Contenu' });
    expect(group.textContent).toContain('Relire la clarté du rapport');
    expect(screen.getAllByRole('option').map((o) => o.querySelector('.palette-label')?.firstChild?.textContent)).toEqual([
      'Clarté du rapport',
      'Basculer entre thème clair et sombre',
    ]);
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('Clarté du rapport');
  });
});
