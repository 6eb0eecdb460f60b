import { z } from 'zod';
import { idParams, isoDateTime, objectId, page, pageQuery } from './common.ts';
import {
  GROUP_MAX_MEMBERS,
  MESSAGE_MAX_FILES,
  clientId,
  message,
  messageText,
  messageTextOrEmpty,
  reactionEmoji,
  room,
  roomName,
  roomView,
} from './chat.ts';
import { defineRoute } from './http.ts';

export const createRoomBody = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('direct'),
    memberIds: z.tuple([objectId]).meta({ description: 'The other person; an existing direct room with them is returned' }),
  }),
  z.strictObject({
    type: z.literal('group'),
    name: roomName,
    memberIds: z
      .array(objectId)
      .max(GROUP_MAX_MEMBERS - 1, `must list at most ${GROUP_MAX_MEMBERS - 1} people`)
      .default([])
      .meta({ description: 'The others; I join as the first admin' }),
  }),
]);
export type CreateRoomBody = z.infer<typeof createRoomBody>;

export const updateRoomBody = z.strictObject({ name: roomName });
export const addRoomMembersBody = z.strictObject({
  userIds: z
    .array(objectId)
    .min(1, 'must name someone')
    .max(GROUP_MAX_MEMBERS - 1),
});
/** My own settings as a member of a room; nobody else sees or changes them. */
export const updateMyRoomBody = z.strictObject({
  muted: z.boolean().meta({ description: 'Mute the room for me: no notification, not counted in the badge' }),
});
export const roomMuted = z.object({ roomId: objectId, muted: z.boolean() });
export const roomMemberParams = z.strictObject({ id: objectId, userId: objectId });

export const sendMessageBody = z
  .strictObject({
    clientId,
    text: messageTextOrEmpty.default(''),
    replyTo: objectId.optional().meta({ description: 'A message of the same room' }),
    fileIds: z
      .array(objectId)
      .max(MESSAGE_MAX_FILES, `must list at most ${MESSAGE_MAX_FILES} files`)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a file')
      .meta({ uniqueItems: true })
      .default([])
      .meta({ description: 'Files I uploaded (`POST /api/files`) and attached nowhere else' }),
  })
  .refine((b) => b.text.trim().length > 0 || b.fileIds.length > 0, {
    path: ['text'],
    message: 'must not be empty without files',
  })
  // the refine, as the JSON schema can say it: some text, or at least one file
  .meta({
    anyOf: [
      { required: ['text'], properties: { text: { pattern: '\\S' } } },
      { required: ['fileIds'], properties: { fileIds: { minItems: 1 } } },
    ],
  });
export type SendMessageBody = z.infer<typeof sendMessageBody>;
export const editMessageBody = z.strictObject({ text: messageText });
export const reactBody = z.strictObject({ emoji: reactionEmoji });
export const readBody = z.strictObject({ messageId: objectId.meta({ description: 'The newest message now read' }) });

export const readState = z
  .object({
    roomId: objectId,
    userId: objectId,
    lastReadMessageId: objectId.nullable(),
    readAt: isoDateTime.nullable(),
    unreadCount: z.number().int().min(0),
  })
  .meta({ id: 'ReadState' });
export type ReadState = z.infer<typeof readState>;

export const roomDeleted = z.object({ id: objectId });

const roomTags = ['rooms'] as const;
const messageTags = ['messages'] as const;

export const roomRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/rooms',
    summary: 'Rooms I am a member of, most recent activity first, with my unread counts',
    tags: roomTags,
    access: 'user',
    query: pageQuery,
    response: page(roomView),
  }),
  create: defineRoute({
    method: 'post',
    path: '/api/rooms',
    summary: 'Start a direct room with one person (the existing one if any) or create a group I administer',
    tags: roomTags,
    access: 'user',
    body: createRoomBody,
    status: 201,
    response: roomView,
    idempotent: true,
  }),
  get: defineRoute({
    method: 'get',
    path: '/api/rooms/:id',
    summary: 'One room of mine',
    tags: roomTags,
    access: 'user',
    params: idParams,
    response: roomView,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/rooms/:id',
    summary: 'Rename a group (admins)',
    tags: roomTags,
    access: 'user',
    params: idParams,
    body: updateRoomBody,
    response: room,
    errors: [403, 409],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/rooms/:id',
    summary: 'Delete a room and its messages for everyone (group admins, either member of a direct room)',
    tags: roomTags,
    access: 'user',
    params: idParams,
    status: 202,
    response: roomDeleted,
    errors: [403],
  }),
  addMembers: defineRoute({
    method: 'post',
    path: '/api/rooms/:id/members',
    summary: 'Add people to a group (admins)',
    tags: roomTags,
    access: 'user',
    params: idParams,
    body: addRoomMembersBody,
    response: room,
    errors: [403, 409],
  }),
  removeMember: defineRoute({
    method: 'delete',
    path: '/api/rooms/:id/members/:userId',
    summary: 'Remove a member of a group (admins), or leave it (myself); the last admin leaving hands over to the oldest member',
    tags: roomTags,
    access: 'user',
    params: roomMemberParams,
    response: room,
    errors: [403, 409],
  }),
  updateMine: defineRoute({
    method: 'patch',
    path: '/api/rooms/:id/me',
    summary: 'Change my own settings in a room (mute it); my other tabs and devices are told',
    tags: roomTags,
    access: 'user',
    params: idParams,
    body: updateMyRoomBody,
    response: roomView,
  }),
  read: defineRoute({
    method: 'post',
    path: '/api/rooms/:id/read',
    summary: 'Mark the room read up to a message (never moves backwards)',
    tags: roomTags,
    access: 'user',
    params: idParams,
    body: readBody,
    response: readState,
  }),
};

export const messageRoutes = {
  list: defineRoute({
    method: 'get',
    path: '/api/rooms/:id/messages',
    summary: 'History of a room, newest first; the cursor pages back in time and is stable under new messages',
    tags: messageTags,
    access: 'user',
    params: idParams,
    query: pageQuery,
    response: page(message),
  }),
  send: defineRoute({
    method: 'post',
    path: '/api/rooms/:id/messages',
    summary: 'Send a message; sending again with the same clientId returns the first one',
    tags: messageTags,
    access: 'user',
    params: idParams,
    body: sendMessageBody,
    status: 201,
    response: message,
    idempotent: true,
    rateLimited: true,
  }),
  edit: defineRoute({
    method: 'patch',
    path: '/api/messages/:id',
    summary: 'Edit my message (it shows as edited)',
    tags: messageTags,
    access: 'user',
    params: idParams,
    body: editMessageBody,
    response: message,
    errors: [403, 409],
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/api/messages/:id',
    summary: 'Delete my message (group admins may delete any): it stays in the history as deleted, without its text',
    tags: messageTags,
    access: 'user',
    params: idParams,
    response: message,
    errors: [403],
  }),
  react: defineRoute({
    method: 'post',
    path: '/api/messages/:id/reactions',
    summary: 'Toggle my reaction: one per person per message; the same emoji removes it, another replaces it',
    tags: messageTags,
    access: 'user',
    params: idParams,
    body: reactBody,
    response: message,
    errors: [409],
  }),
};
