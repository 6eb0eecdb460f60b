import { render, screen, within } from '@testing-library/react';
import { act } from 'react';
import { lazyScreen } from '../../lib/lazy-screen.ts';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../lib/store.ts';
import type { FeatureDefinition } from '../registry.ts';
import { navigate } from '../../lib/location.ts';
import { Sidebar } from './sidebar.tsx';

const feature = (id: string, path: `/${string}`, title: FeatureDefinition['title']): FeatureDefinition => ({
  id,
  path,
  icon: 'home',
  title,
  component: lazyScreen(() => Promise.resolve({ default: () => null })),
});

describe('Sidebar', () => {
  it('lists exactly the registered features, with their translated labels and deep links', () => {
    navigate('/links/123');
    const features = [feature('home', '/home', 'home.title'), feature('links', '/links', 'links.title')];
    render(<Sidebar features={features} collapsed={false} onToggleCollapsed={() => {}} onNavigate={() => {}} />);
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Accueil', '/home'],
      ['Liens', '/links'],
    ]);
    // A sub-path marks its tab as current.
    expect(within(nav).getByRole('link', { name: 'Liens' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows a feature’s badge count when above zero, live', () => {
    const badge = createStore(0);
    const features = [{ ...feature('chat', '/chat', 'chat.title'), badge }];
    render(<Sidebar features={features} collapsed={false} onToggleCollapsed={() => {}} onNavigate={() => {}} />);
    expect(screen.getByRole('link', { name: 'Discussions' })).toBeTruthy();
    act(() => badge.set(3));
    expect(screen.getByRole('link', { name: 'Discussions 3' })).toBeTruthy();
    act(() => badge.set(120));
    expect(screen.getByRole('link', { name: 'Discussions 99+' })).toBeTruthy();
  });
});
