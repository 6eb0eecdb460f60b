import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/** One-directional: `userId` keeps `contactId` in their list. */
const contactSchema = new Schema(
  {
    // Indexed by the compound indexes below, which start with it.
    userId: { ...ownerField, index: false },
    contactId: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true },
);
contactSchema.plugin(ownedPlugin);
contactSchema.index({ userId: 1, contactId: 1 }, { unique: true });
contactSchema.index({ contactId: 1 });
contactSchema.index({ userId: 1, _id: 1 }); // my contacts, oldest first, by page

export const ContactModel = model('Contact', contactSchema);
export type ContactDoc = InferSchemaType<typeof contactSchema> & { _id: Types.ObjectId; createdAt: Date };

/** When each user's last socket went away; whether they are online now is asked of the sockets. */
const presenceSchema = new Schema({
  userId: { ...ownerField, index: undefined, unique: true },
  lastSeenAt: { type: Date, required: true },
});
presenceSchema.plugin(ownedPlugin);

export const PresenceModel = model('Presence', presenceSchema);
