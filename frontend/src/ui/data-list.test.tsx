import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DataList } from './data-list.tsx';

const base = { label: 'Things', getKey: (s: string) => s, renderItem: (s: string) => <span>{s}</span>, error: null };

describe('DataList', () => {
  it('shows a busy status while the first load runs', () => {
    render(<DataList {...base} items={undefined} loading />);
    expect(screen.getByRole('status').getAttribute('aria-busy')).toBe('true');
  });

  it('shows the error with a working retry button', async () => {
    const onRetry = vi.fn();
    render(<DataList {...base} items={undefined} loading={false} error={new Error('boom')} onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('Impossible de charger');
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('shows the empty message when there is nothing', () => {
    render(<DataList {...base} items={[]} loading={false} empty="Aucun lien" />);
    expect(screen.getByText('Aucun lien')).toBeTruthy();
  });

  it('renders one item per row in a labelled list', () => {
    render(<DataList {...base} items={['a', 'b']} loading={false} />);
    expect(screen.getByRole('list', { name: 'Things' }).querySelectorAll('li')).toHaveLength(2);
  });
});
