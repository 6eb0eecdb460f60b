import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LoginPage from './login-page.tsx';

const problem = (status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ title: 'x', status }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

afterEach(() => vi.unstubAllGlobals());

async function submitWith(response: Response) {
  vi.stubGlobal('fetch', vi.fn().mockResolvedValue(response));
  const user = userEvent.setup();
  render(<LoginPage expired={false} registrationOpen={false} />);
  await user.type(screen.getByLabelText('Nom d’utilisateur'), 'ada');
  await user.type(screen.getByLabelText('Mot de passe'), 'nope');
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
  return screen.findByRole('alert');
}

/** What a screen reader announces with the field (its aria-describedby texts). */
const description = (label: string) =>
  (screen.getByLabelText(label).getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => (id ? document.getElementById(id)?.textContent : ''))
    .join(' ');

describe('LoginPage', () => {
  it('says the credentials are wrong on a 401', async () => {
    expect((await submitWith(problem(401))).textContent).toBe('Nom d’utilisateur ou mot de passe incorrect.');
  });

  it('gives the wait in seconds, or minutes past two, on a 429', async () => {
    expect((await submitWith(problem(429, { 'retry-after': '30' }))).textContent).toBe(
      'Trop de tentatives. Réessayez dans 30 secondes.',
    );
  });

  it('rounds long waits up to minutes', async () => {
    expect((await submitWith(problem(429, { 'retry-after': '600' }))).textContent).toBe(
      'Trop de tentatives. Réessayez dans 10 minutes.',
    );
  });

  it('names the missing field of an empty form, sends nothing, and focuses it', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    render(<LoginPage expired={false} registrationOpen={false} />);
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(description('Nom d’utilisateur')).toBe('Saisissez votre nom d’utilisateur.');
    expect(description('Mot de passe')).toBe('Saisissez votre mot de passe.');
    expect(document.activeElement).toBe(screen.getByLabelText('Nom d’utilisateur'));

    await user.type(screen.getByLabelText('Nom d’utilisateur'), 'ada');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(description('Nom d’utilisateur')).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Mot de passe'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says what the server refused, in French', async () => {
    const refused = new Response(
      JSON.stringify({
        type: 'urn:panoramix:problem:validation-error',
        title: 'Invalid input',
        status: 400,
        errors: [{ path: 'body.username', message: 'must be at most 50 characters' }],
      }),
      { status: 400, headers: { 'content-type': 'application/problem+json' } },
    );
    expect((await submitWith(refused)).textContent).toBe('Doit faire au plus 50 caractères.');
  });

  it('offers to create an account only while registration is open', () => {
    const { unmount } = render(<LoginPage expired={false} registrationOpen />);
    expect(screen.getByRole('link', { name: 'Créer un compte' }).getAttribute('href')).toBe('/register');
    unmount();
    render(<LoginPage expired={false} registrationOpen={false} />);
    expect(screen.queryByRole('link', { name: 'Créer un compte' })).toBeNull();
  });

  it('explains an expired session before any attempt', () => {
    render(<LoginPage expired registrationOpen={false} />);
    expect(screen.getByRole('status').textContent).toContain('Votre session a expiré');
  });
});
