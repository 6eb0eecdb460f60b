import type { PersonRecord } from '@panoramix/contracts';

/** The `@…` being typed just before the caret: where its `@` is, and the words after it (a name may hold one space). */
export interface MentionAt {
  start: number;
  query: string;
}

const TYPING = /(?:^|[\s(])@([\p{L}\p{N}.'-]*(?: [\p{L}\p{N}.'-]*)?)$/u;

export function mentionAt(text: string, caret: number): MentionAt | null {
  const found = TYPING.exec(text.slice(0, caret));
  if (!found) return null;
  const query = found[1] ?? '';
  return { start: caret - query.length - 1, query };
}

export const personName = (p: Pick<PersonRecord, 'name' | 'lastName'>) => `${p.name} ${p.lastName}`.trim();

/** The Markdown link a mention is stored as: `[@Élodie Dupont](/people?open=<id>)`, rendered as a chip. */
export const mentionLink = (p: Pick<PersonRecord, 'id' | 'name' | 'lastName'>) =>
  `[@${personName(p).replace(/[[\]]/g, '')}](/people?open=${p.id})`;

/** The text with the `@…` typed replaced by the mention and a space, and where the caret goes after it. */
export function insertMention(text: string, at: MentionAt, person: Pick<PersonRecord, 'id' | 'name' | 'lastName'>) {
  const inserted = `${mentionLink(person)} `;
  const end = at.start + 1 + at.query.length;
  return { text: text.slice(0, at.start) + inserted + text.slice(end), caret: at.start + inserted.length };
}
