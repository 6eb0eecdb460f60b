import type { MentionMessages } from './mention-messages-fr.ts';

export const en: MentionMessages = {
  list: 'People to mention',
  none: 'No one found.',
};
