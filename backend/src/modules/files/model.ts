import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/** Panorama's `files` collection, plus the room and message of a chat attachment. */
const fileSchema = new Schema(
  {
    userId: { ...ownerField, index: false }, // indexed by { userId, _id } below, which starts with it
    projectId: { type: Schema.Types.ObjectId, default: null },
    /** Set once attached to a message: the room's members may then download it. */
    roomId: { type: Schema.Types.ObjectId, default: null },
    messageId: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, required: true, trim: true },
    originalName: { type: String, required: true },
    /** The file's name under `uploadsDir/<userId>/`. */
    storedFileName: { type: String, required: true },
    size: { type: Number, required: true },
    mimeType: { type: String, required: true, default: 'application/octet-stream' },
    clicksCount: { type: Number, required: true, default: 0 },
    lastClickedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
fileSchema.plugin(ownedPlugin, { sharedBy: ['projectId', 'roomId', 'messageId'] });
fileSchema.index({ userId: 1, _id: -1 });
fileSchema.index({ projectId: 1, _id: -1 });
fileSchema.index({ roomId: 1, _id: -1 });
fileSchema.index({ messageId: 1 });

export const FileModel = model('File', fileSchema);
export type FileDoc = InferSchemaType<typeof fileSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
