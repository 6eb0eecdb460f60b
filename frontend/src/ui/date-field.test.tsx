import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preferencesStore } from '../api/preferences-store.ts';
import { DateField } from './date-field.tsx';

const initial = preferencesStore.get();
afterEach(() => preferencesStore.set(initial));

describe('DateField', () => {
  it('shows and takes the day in the preference language and zone, not the device’s', () => {
    preferencesStore.set({ ...initial, language: 'fr', timeZone: 'Pacific/Kiritimati' });
    const onChange = vi.fn();
    // Noon UTC on the 10th is already the 11th at UTC+14.
    render(<DateField aria-label="Échéance" value="2026-03-10T12:00:00.000Z" onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Échéance' });
    expect((field as HTMLInputElement).value).toBe('11/03/2026');
    fireEvent.change(field, { target: { value: '25/12/2026' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith('2026-12-25T09:59:59.999Z');
  });

  it('marks text that is no day invalid and writes nothing; emptied, it clears the date', () => {
    const onChange = vi.fn();
    render(<DateField aria-label="Due" value="2026-03-10T12:00:00.000Z" onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Due' });
    fireEvent.change(field, { target: { value: '31/02' } });
    fireEvent.blur(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.blur(field);
    expect(onChange).toHaveBeenCalledWith(null);
  });
});
