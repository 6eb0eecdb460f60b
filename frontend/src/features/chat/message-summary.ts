import type { Message } from '@panoramix/contracts';

/**
 * One line standing for a message in the room list and in notifications: its text, or for a
 * message of files alone their names behind a paperclip (the same in every language).
 */
export function messageSummary(message: Pick<Message, 'text' | 'attachments'>): string {
  if (message.text.trim() || message.attachments.length === 0) return message.text;
  return `📎 ${message.attachments.map((file) => file.name).join(', ')}`;
}
