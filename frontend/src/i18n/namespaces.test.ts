import { describe, expect, it } from 'vitest';
import { leaves } from './leaves.ts';

// Every namespace, found on disk (features', and the app's own screens loaded on demand): a new one is checked without editing this file.
const files = import.meta.glob<Record<string, object>>(['../features/*/messages-*.ts', '../app/*/messages-*.ts'], {
  eager: true,
});
const namespaces = new Map<string, { fr?: object; en?: object; others: string[] }>();
for (const [file, module] of Object.entries(files)) {
  const [, feature = '', language = ''] = /(?:features|app)\/([^/]+)\/messages-([^/.]+)\.ts$/.exec(file) ?? [];
  const namespace = namespaces.get(feature) ?? { others: [] };
  if (language === 'fr' || language === 'en') namespace[language] = module[language];
  else namespace.others.push(file);
  namespaces.set(feature, namespace);
}

it('every feature with messages has them in French and English, exported as `fr` and `en`', () => {
  expect(namespaces.size).toBeGreaterThan(0);
  const incomplete = [...namespaces].filter(([, n]) => !n.fr || !n.en || n.others.length > 0).map(([feature]) => feature);
  expect(incomplete).toEqual([]);
});

describe.each([...namespaces])('the %s namespace', (_, { fr = {}, en = {} }) => {
  it('has the same keys and variables in French and English, none empty', () => {
    const english = new Map(leaves(en));
    expect([...english.keys()]).toEqual(leaves(fr).map(([key]) => key));
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of leaves(fr)) {
      expect(text.trim(), key).not.toBe('');
      expect(variables(english.get(key) ?? ''), key).toEqual(variables(text));
    }
  });
});
