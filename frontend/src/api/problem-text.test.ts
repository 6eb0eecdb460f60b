import { problemTypes, problemTypeUri } from '@panoramix/contracts';
import type { Problem } from '@panoramix/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { leaves } from '../i18n/leaves.ts';
import { en } from './problem-messages-en.ts';
import { fr } from './problem-messages-fr.ts';
import { fieldPatterns, fieldText, problemText, statusText } from './problem-text.ts';
import { backendFieldMessages, contractFieldMessages } from './server-messages.ts';

const problem = (type: string, more: Partial<Problem> = {}): Problem => ({
  type: problemTypeUri(type as never),
  title: 'Title',
  status: 400,
  ...more,
});

afterEach(() => i18n.changeLanguage('fr'));

describe('problem texts', () => {
  it.each(Object.values(problemTypes))('every problem type the API answers has a French and an English text: %s', (type) => {
    expect(fr.types[type as keyof typeof fr.types]?.trim()).toBeTruthy();
    expect(en.types[type as keyof typeof en.types]?.trim()).toBeTruthy();
  });

  it('list no problem type the API does not have', () => {
    expect(Object.keys(fr.types).sort()).toEqual(Object.values(problemTypes).sort());
  });

  it('have the same keys and variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const english = new Map(leaves(en));
    expect([...english.keys()]).toEqual(leaves(fr).map(([key]) => key));
    for (const [key, text] of leaves(fr)) expect(variables(english.get(key) ?? ''), key).toEqual(variables(text));
  });
});

describe('every field message the server can write', () => {
  const known = (message: string) => fieldPatterns.some(([pattern]) => pattern.test(message));
  // Zod's English defaults for the checks that carry no message of ours.
  const zodDefaults = [
    'Invalid input: expected number, received string',
    'Too big: expected number to be <=100',
    'Too small: expected number to be >=1',
    'Too big: expected array to have <=100 items',
    'Too small: expected array to have >=1 items',
    'Invalid ISO datetime',
    'Invalid string: must match pattern /^x$/',
  ];

  it.each([...contractFieldMessages()])('has a French and an English text (contracts): %s', (message) => {
    expect(known(message)).toBe(true);
  });

  it.each([...backendFieldMessages(), ...zodDefaults])('has a French and an English text (server): %s', (message) => {
    expect(known(message)).toBe(true);
  });

  it('finds the messages it checks', () => {
    expect([...contractFieldMessages()]).toContain('must be an http(s) address');
    expect([...backendFieldMessages()]).toContain('no such user 665f1c2e9b1e8a0012345678');
  });
});

describe('fieldText', () => {
  it.each([
    ['no such user', 'aucun utilisateur ne porte ce nom'],
    ['no such user 665f1c2e9b1e8a0012345678', 'aucun utilisateur ne porte ce nom'],
    ['nothing to update', 'rien à modifier'],
    ['is too simple: use at least 4 different characters', 'est trop simple : utilisez au moins 4 caractères différents'],
    ['must list at most 199 people', 'au plus 199 personnes'],
    ['Too big: expected number to be <=100', 'doit valoir au plus 100'],
    ['must be an http(s) address', 'doit être une adresse http(s)'],
    ['must not be empty', 'ne doit pas être vide'],
    ['must be at most 200 characters', 'doit faire au plus 200 caractères'],
    ['Too big: expected string to have <=50 characters', 'doit faire au plus 50 caractères'],
    ['must be at least 8 characters', 'doit faire au moins 8 caractères'],
    ['is required', 'est obligatoire'],
    ['Invalid input: expected string, received undefined', 'est obligatoire'],
    ['must be one of todo, doing, done', 'doit être l’une de ces valeurs : todo, doing, done'],
    ['Unrecognized key: "colour"', 'champ inconnu : "colour"'],
  ])('translates the server’s “%s”', (english, french) => {
    expect(fieldText(english)).toBe(french);
  });

  it('speaks English when the user chose it', async () => {
    await i18n.changeLanguage('en');
    expect(fieldText('Too big: expected string to have <=50 characters')).toBe('must be at most 50 characters');
  });

  it('keeps a message it does not know as the server wrote it', () => {
    expect(fieldText('is not a tide table')).toBe('is not a tide table');
  });
});

describe('problemText', () => {
  it('names what is wrong with a lone invalid field', () => {
    const refused = problem('validation-error', { errors: [{ path: 'body.url', message: 'must be an http(s) address' }] });
    expect(problemText(refused)).toBe('Doit être une adresse http(s).');
  });

  it('names each field when several are invalid', () => {
    const refused = problem('validation-error', {
      errors: [
        { path: 'body.title', message: 'must not be empty' },
        { path: 'body.memberIds.0', message: 'cannot be yourself' },
      ],
    });
    expect(problemText(refused)).toBe('title : ne doit pas être vide ; memberIds : ne peut pas être vous-même');
  });

  it('translates the LLM-not-configured refusal', () => {
    const refused = problem('service-unavailable', {
      status: 503,
      detail: 'No language model is configured on this server, so sessions cannot be summarised yet',
    });
    expect(problemText(refused)).toMatch(/^Aucun modèle de langage n’est configuré/);
  });

  it('falls back to the type’s text, with the request id of an internal error', () => {
    expect(problemText(problem('not-found', { status: 404, detail: 'Project not found' }))).toBe(fr.types['not-found']);
    expect(problemText(problem('internal-error', { status: 500, requestId: 'r-42' }))).toContain('référence r-42');
  });

  it('keeps the server’s words for a type it does not know', () => {
    expect(problemText({ type: 'about:blank', title: 'Teapot', status: 418, detail: 'I am a teapot' })).toBe('I am a teapot');
  });
});

describe('statusText', () => {
  it('says what an answer without a problem body stands for (a proxy’s page)', () => {
    expect(statusText(502)).toBe(fr.types['service-unavailable']);
    expect(statusText(413)).toBe(fr.types['payload-too-large']);
    expect(statusText(404)).toBe('Une erreur inattendue est survenue.');
  });
});
