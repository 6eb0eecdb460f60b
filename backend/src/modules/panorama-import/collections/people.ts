import { derivedFields } from '../../people/derive.ts';
import { PersonModel } from '../../people/model.ts';
import { personSearch } from '../../people/search.ts';
import type { Mapping } from '../mapping.ts';
import { COMMON_FIELDS, dateOrNull, strings, text, timestamps } from '../mapping.ts';
import { reason } from '../reasons.ts';

export const peopleMapping: Mapping = {
  collection: 'people',
  model: PersonModel,
  searchKind: personSearch.kind,
  known: [
    ...COMMON_FIELDS,
    ...['name', 'lastName', 'normalizedName', 'aliases', 'role', 'email', 'notes', 'left', 'contactOnly'],
    ...['teamId', 'subteam', 'managerId', 'githubUsernames', 'githubUsername', 'arrivalDate'],
  ],
  map(doc, ctx) {
    const github = strings(doc.githubUsernames);
    if (typeof doc.githubUsername === 'string' && doc.githubUsername.trim() !== '') {
      ctx.fix(reason('githubUsernameMerged'));
      const legacy = doc.githubUsername.trim();
      if (!github.some((g) => g.toLowerCase() === legacy.toLowerCase())) github.push(legacy);
    }
    const named = {
      name: text(doc.name),
      lastName: text(doc.lastName),
      aliases: strings(doc.aliases)
        .map((a) => a.trim())
        .filter(Boolean),
      email: text(doc.email).trim().toLowerCase(),
    };
    const derived = derivedFields(named);
    // Two people may share a first name: both are imported, the user decides whether they are one.
    if (!ctx.firstTime(`person:${derived.normalizedName}`)) ctx.fix(reason('sameNormalizedName'));
    return {
      ...named,
      ...derived,
      role: text(doc.role),
      notes: text(doc.notes),
      left: doc.left === true,
      contactOnly: doc.contactOnly === true,
      teamId: ctx.ref('teams', doc.teamId, 'teamId'),
      subteam: text(doc.subteam),
      managerId: ctx.ref('people', doc.managerId, 'managerId'),
      githubUsernames: github,
      arrivalDate: dateOrNull(doc.arrivalDate),
      ...timestamps(doc, ctx),
    };
  },
};
