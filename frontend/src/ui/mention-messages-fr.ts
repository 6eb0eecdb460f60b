/** Strings of the @ list of the notes and tasks text fields, loaded with those fields (i18n/namespaces.ts). */
export const fr = {
  list: 'Personnes à mentionner',
  none: 'Aucune personne trouvée.',
};

export type MentionMessages = typeof fr;
