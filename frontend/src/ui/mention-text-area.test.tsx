import type { PersonRecord } from '@panoramix/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../api/client.ts';
import { entityBase } from '../test-builders.ts';
import { Markdown } from './markdown.tsx';
import { MentionTextArea } from './mention-text-area.tsx';

vi.mock('../api/client.ts', () => ({ call: vi.fn() }));

function aPerson(name: string, lastName: string): PersonRecord {
  const { n: _n, ...base } = entityBase();
  return {
    ...base,
    name,
    lastName,
    normalizedName: `${name} ${lastName}`.toLowerCase(),
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
  };
}

const elodie = aPerson('Élodie', 'Dupont');
const jean = aPerson('Jean', 'Dupont-Moretti');

function Field({ onChange }: { onChange: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <MentionTextArea
      label="Notes"
      value={text}
      onValueChange={(next) => {
        setText(next);
        onChange(next);
      }}
    />
  );
}

function setup() {
  vi.mocked(call).mockImplementation(async (_route, options) => {
    const q = (options as { query: { q?: string } }).query.q ?? '';
    const everyone = [elodie, jean];
    return { items: everyone.filter((p) => `${p.name} ${p.lastName}`.toLowerCase().includes(q.toLowerCase())), nextOffset: null };
  });
  const onChange = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Field onChange={onChange} />
    </QueryClientProvider>,
  );
  return { onChange, field: screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement };
}

describe('the @ of a notes field', () => {
  it('offers people by the Personnes search and inserts the chosen one as a Markdown link, with the keyboard', async () => {
    const { onChange, field } = setup();
    await userEvent.type(field, 'Voir avec @dup');
    expect(call).toHaveBeenLastCalledWith(expect.objectContaining({ path: '/api/people' }), {
      query: { q: 'dup', limit: 6 },
      signal: expect.any(AbortSignal),
    });
    const list = await screen.findByRole('listbox', { name: 'Personnes à mentionner' });
    await vi.waitFor(() => expect(list.textContent).toContain('Jean Dupont-Moretti'));
    expect(screen.getByRole('combobox', { name: 'Notes' }).getAttribute('aria-activedescendant')).toBe(
      screen.getByRole('option', { name: 'Élodie Dupont' }).id,
    );
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(`Voir avec [@Jean Dupont-Moretti](/people?open=${jean.id}) `);
    expect(screen.queryByRole('listbox')).toBeNull();
    // The caret is after the mention: typing goes on after it.
    await userEvent.keyboard('demain');
    expect(field.value).toBe(`Voir avec [@Jean Dupont-Moretti](/people?open=${jean.id}) demain`);
  });

  it('closes the list with Esc, after which Enter is a new line again', async () => {
    const { field } = setup();
    await userEvent.type(field, '@élo');
    await screen.findByRole('option', { name: 'Élodie Dupont' });
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    await userEvent.keyboard('{Enter}x');
    expect(field.value).toBe('@élo\nx');
  });

  it('inserts with a click too, and an e-mail address is no mention', async () => {
    const { onChange, field } = setup();
    await userEvent.type(field, 'ana@acme.test ');
    expect(screen.queryByRole('listbox')).toBeNull();
    await userEvent.type(field, '@');
    await userEvent.click(await screen.findByRole('option', { name: 'Élodie Dupont' }));
    expect(onChange).toHaveBeenLastCalledWith(`ana@acme.test [@Élodie Dupont](/people?open=${elodie.id}) `);
  });
});

describe('a mention in Markdown', () => {
  it('shows as a chip linking to the person, opened in the app rather than a new tab', () => {
    const { container } = render(<Markdown source={`Avec [@Élodie Dupont](/people?open=${elodie.id}) et [doc](/notes/1)`} />);
    const chip = screen.getByRole('link', { name: '@Élodie Dupont' });
    expect(chip.className).toBe('mention-chip');
    expect(chip.getAttribute('href')).toBe(`/people?open=${elodie.id}`);
    expect(chip.getAttribute('target')).toBeNull();
    expect(container.querySelector('a[href="/notes/1"]')?.className).toBe('');
  });
});
