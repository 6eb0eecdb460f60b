import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DashCard } from './dash-card.tsx';
import { Page } from './page.tsx';
import { SplitPane } from './split-pane.tsx';

describe('Page', () => {
  it('is a region named by its title, with its actions in the header', () => {
    render(
      <Page titleId="t-title" title="Tâches" actions={<button type="button">Nouvelle</button>}>
        <p>content</p>
      </Page>,
    );
    const page = screen.getByRole('region', { name: 'Tâches' });
    expect(within(page).getByRole('heading', { level: 1, name: 'Tâches' })).toBeTruthy();
    expect(within(page).getByRole('button', { name: 'Nouvelle' })).toBeTruthy();
    expect(within(page).getByText('content')).toBeTruthy();
  });
});

describe('DashCard', () => {
  it('says there is nothing instead of its content when empty', () => {
    const { rerender } = render(
      <DashCard titleId="c" title="Notes récentes" empty={{ when: true, text: 'Aucune note' }}>
        <ul aria-label="notes" />
      </DashCard>,
    );
    const card = screen.getByRole('region', { name: 'Notes récentes' });
    expect(within(card).getByText('Aucune note')).toBeTruthy();
    expect(within(card).queryByRole('list')).toBeNull();
    rerender(
      <DashCard titleId="c" title="Notes récentes" empty={{ when: false, text: 'Aucune note' }}>
        <ul aria-label="notes" />
      </DashCard>,
    );
    expect(screen.queryByText('Aucune note')).toBeNull();
    expect(screen.getByRole('list', { name: 'notes' })).toBeTruthy();
  });
});

describe('SplitPane', () => {
  const pane = (open: boolean) => (
    <SplitPane listLabel="Salons" list={<p>rooms</p>} open={open} back={{ to: '/chat', label: 'Retour' }}>
      <p>detail</p>
    </SplitPane>
  );

  it('shows the list beside the detail, with a way back only once an item is open', () => {
    const { rerender } = render(pane(false));
    expect(within(screen.getByRole('complementary', { name: 'Salons' })).getByText('rooms')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Retour/ })).toBeNull();
    rerender(pane(true));
    expect(screen.getByRole('link', { name: /Retour/ }).getAttribute('href')).toBe('/chat');
    expect(screen.getByText('detail')).toBeTruthy();
  });
});
