import { normalizeName } from '@panoramix/contracts';

interface Named {
  name: string;
  lastName: string;
  aliases: readonly string[];
  email: string;
}

/**
 * The fields kept beside a person's own so that a list is one query on one field: written on every
 * change of name, last name, aliases or email, never by hand. `searchText` holds one normalised
 * line per searchable value (the full name, each alias, the email): a query, normalised the same
 * way, matches inside one line, so "dupont" finds "Dupont-Moretti" and "elodie" finds "Élodie".
 */
export function derivedFields(person: Named) {
  const fullName = normalizeName(`${person.name} ${person.lastName}`);
  return {
    normalizedName: normalizeName(person.name),
    sortName: fullName,
    searchText: [fullName, ...person.aliases.map(normalizeName), person.email].filter(Boolean).join('\n'),
  };
}

/** How a typed query is compared with `searchText`. */
export const normalizeQuery = (q: string) => normalizeName(q).replace(/\s+/g, ' ');
