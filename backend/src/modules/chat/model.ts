import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { roomTypes } from '@panoramix/contracts';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

const roomSchema = new Schema(
  {
    /** The creator. */
    userId: ownerField,
    type: { type: String, enum: roomTypes, required: true },
    name: { type: String, default: null, trim: true },
    /**
     * Unique: the two member ids, sorted, for a direct room (so a pair has one room); the room's
     * own id for a group; freed (`deleted:<id>`) when deletion starts so the pair may start again.
     */
    key: { type: String, required: true, unique: true },
    /** In join order: the first one is the oldest member. */
    memberIds: { type: [Schema.Types.ObjectId], required: true },
    adminIds: { type: [Schema.Types.ObjectId], default: [] },
    lastMessageId: { type: Schema.Types.ObjectId, default: null },
    lastMessageAt: { type: Date, required: true },
    /** Set when deletion starts: the room is gone for its members while the cascade job runs. */
    deletingAt: { type: Date, default: null },
  },
  { timestamps: true },
);
roomSchema.plugin(ownedPlugin, { sharedBy: ['memberIds'] });
roomSchema.index({ memberIds: 1, lastMessageAt: -1, _id: -1 });

export const RoomModel = model('Room', roomSchema);
export type RoomDoc = InferSchemaType<typeof roomSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/** One row per member of a room: how far they have read. Created when they join, removed when they leave. */
const roomReadSchema = new Schema({
  userId: ownerField,
  roomId: { type: Schema.Types.ObjectId, required: true },
  lastReadMessageId: { type: Schema.Types.ObjectId, default: null },
  readAt: { type: Date, default: null },
  /** The member muted the room: their clients raise no notification and leave it out of the badge. */
  muted: { type: Boolean, default: false },
});
roomReadSchema.plugin(ownedPlugin, { sharedBy: ['roomId'] });
roomReadSchema.index({ roomId: 1, userId: 1 }, { unique: true });

export const RoomReadModel = model('RoomRead', roomReadSchema);
export type RoomReadDoc = InferSchemaType<typeof roomReadSchema> & { _id: Types.ObjectId };

const messageSchema = new Schema(
  {
    /** The sender. */
    userId: ownerField,
    roomId: { type: Schema.Types.ObjectId, required: true },
    clientId: { type: String, required: true },
    text: { type: String, default: '' },
    replyToId: { type: Schema.Types.ObjectId, default: null },
    mentions: { type: [Schema.Types.ObjectId], default: [] },
    /** Attached files (the files collection holds them, pointing back with `messageId`). */
    fileIds: { type: [Schema.Types.ObjectId], default: [] },
    /** userId → emoji: one reaction per person, set and unset atomically by key. */
    reactions: { type: Map, of: String, default: () => new Map() },
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
messageSchema.plugin(ownedPlugin, { sharedBy: ['roomId'] });
messageSchema.index({ roomId: 1, _id: -1 });
// The idempotency key of sending: a retry with the same clientId finds the first message.
messageSchema.index({ roomId: 1, userId: 1, clientId: 1 }, { unique: true });

export const MessageModel = model('Message', messageSchema);
export type MessageDoc = Omit<InferSchemaType<typeof messageSchema>, 'reactions' | 'fileIds'> & {
  _id: Types.ObjectId;
  /** Lean documents read the map as a plain object. */
  reactions: Record<string, string> | Map<string, string>;
  /** Absent from messages stored before attachments existed (lean reads apply no defaults). */
  fileIds?: Types.ObjectId[];
  createdAt: Date;
  updatedAt: Date;
};
