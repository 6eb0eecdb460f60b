import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerChoice } from './server-choice.tsx';

// The desktop app's check_server (Rust asks <url>/api/health), mocked at the platform's boundary.
const native = vi.hoisted(() => ({ checkServer: vi.fn() }));
vi.mock('../../platform/desktop/native.ts', () => native);

beforeEach(() => native.checkServer.mockReset());

async function submit(typed: string) {
  const chosen = vi.fn();
  const user = userEvent.setup();
  render(<ServerChoice onChosen={chosen} />);
  expect(screen.getByRole('heading', { name: 'Choisir le serveur' })).toBeTruthy();
  await user.type(screen.getByLabelText('Adresse du serveur'), typed);
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
  return chosen;
}

describe('the first-run server choice', () => {
  it('keeps an address the server answers as Panoramix', async () => {
    native.checkServer.mockResolvedValue({ ok: true });
    const chosen = await submit('panoramix.example.org/');
    await vi.waitFor(() => expect(chosen).toHaveBeenCalledWith('https://panoramix.example.org'));
    expect(native.checkServer).toHaveBeenCalledWith('https://panoramix.example.org');
  });

  it('says what is wrong and keeps nothing otherwise', async () => {
    native.checkServer.mockResolvedValue({ ok: false, error: 'not-panoramix' });
    const chosen = await submit('example.org');
    expect(await screen.findByText('Un serveur répond, mais ce n’est pas Panoramix.')).toBeTruthy();
    expect(chosen).not.toHaveBeenCalled();
  });

  it('refuses what is not an address before asking any server', async () => {
    const chosen = await submit('ftp://example.org');
    expect(await screen.findByText('Ce n’est pas une adresse http ou https.')).toBeTruthy();
    expect(native.checkServer).not.toHaveBeenCalled();
    expect(chosen).not.toHaveBeenCalled();
  });

  it('says a timeout as one', async () => {
    native.checkServer.mockResolvedValue({ ok: false, error: 'timeout' });
    await submit('slow.example.org');
    expect(await screen.findByText('Le serveur n’a pas répondu en 5 secondes.')).toBeTruthy();
  });
});
