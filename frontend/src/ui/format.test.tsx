import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { preferencesStore } from '../api/preferences-store.ts';
import { useFormat } from './format.ts';
import type { Formatters } from './format.ts';

const seen = new Set<Formatters>();
function Day({ iso }: { iso: string }) {
  const format = useFormat();
  seen.add(format);
  return <time>{format.date(iso)}</time>;
}

const initial = preferencesStore.get();
afterEach(() => {
  preferencesStore.set(initial);
  seen.clear();
});

describe('useFormat', () => {
  it('formats in the preference language and zone, with one set of Intl formatters for every component', () => {
    preferencesStore.set({ ...initial, language: 'en', timeZone: 'Pacific/Auckland' });
    const days = (iso: string) => Array.from({ length: 20 }, (_, i) => <Day key={i} iso={iso} />);
    const view = render(<>{days('2026-03-01T20:00:00Z')}</>);
    expect(screen.getAllByText('2 Mar 2026')).toHaveLength(20); // already the 2nd in Auckland
    expect(seen.size).toBe(1);

    view.rerender(<>{days('2026-03-02T20:00:00Z')}</>);
    expect(screen.getAllByText('3 Mar 2026')).toHaveLength(20);
    expect(seen.size).toBe(1);
  });
});
