import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../http/problem.ts';
import { decodeCsv, readGoogleCsv } from './google-csv.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(import.meta.dirname, 'fixtures', name)));
const read = (name: string) => readGoogleCsv(decodeCsv(fixture(name)).text);

describe('decodeCsv', () => {
  it('reads UTF-8 with a BOM, the BOM dropped', () => {
    const { text, encoding } = decodeCsv(fixture('google-utf-8-bom.csv'));
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('First Name')).toBe(true);
  });

  it('reads a Windows-1252 file (Excel on Windows) with its accents', () => {
    expect(decodeCsv(fixture('google-windows-1252.csv')).encoding).toBe('windows-1252');
    expect(read('google-windows-1252.csv').map((r) => r.name)).toEqual(['Élodie', 'François']);
  });
});

describe('readGoogleCsv', () => {
  it('reads the columns an import needs, lower-cases emails and maps the status to left', () => {
    expect(read('google-utf-8-bom.csv')).toEqual([
      { line: 2, name: 'Élodie', lastName: 'Dupont-Moretti', email: 'elodie@acme.test', left: false },
      { line: 3, name: 'Jean', lastName: 'Martin', email: 'jean@acme.test', left: true },
      { line: 5, name: 'Zoë', lastName: 'Roux', email: '', left: false },
    ]);
  });

  it('names every missing column', () => {
    const error = (() => {
      try {
        readGoogleCsv('First Name [Required],Email\nAna,ana@acme.test\n');
      } catch (e) {
        return e as HttpError;
      }
    })();
    expect(error).toBeInstanceOf(HttpError);
    expect(error?.status).toBe(400);
    expect(error?.errors?.[0]).toEqual({
      path: 'body.file',
      message: 'missing columns: Last Name [Required], Email Address [Required]',
    });
  });

  it('refuses an empty file and a broken quote with a 400', () => {
    expect(() => readGoogleCsv('')).toThrow(/the file is empty/);
    expect(() => readGoogleCsv('First Name [Required],Last Name [Required],Email Address [Required]\n"Ana,x,y\n')).toThrow(
      /not a readable CSV/,
    );
  });
});
