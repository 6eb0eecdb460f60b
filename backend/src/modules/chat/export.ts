import type { ExportedCollection } from '../export/registry.ts';
import { ContactModel } from './contacts.model.ts';
import { MessageModel, RoomModel, RoomReadModel } from './model.ts';

/**
 * Chat in an export. A user's own export holds what they own: rooms they created, the messages
 * they sent, their read positions and contacts; a whole-instance backup holds all.
 */
export const roomsExport: ExportedCollection = { name: 'rooms', model: RoomModel, scope: 'owner' };
export const roomReadsExport: ExportedCollection = { name: 'roomReads', model: RoomReadModel, scope: 'owner' };
export const messagesExport: ExportedCollection = { name: 'messages', model: MessageModel, scope: 'owner' };
export const contactsExport: ExportedCollection = { name: 'contacts', model: ContactModel, scope: 'owner' };
