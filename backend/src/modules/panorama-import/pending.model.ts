import { Schema, model } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/**
 * Archive documents no module of ours takes (yet): kept as they were in the file, with their
 * collection and why, so a later version imports them from here and nothing is lost meanwhile.
 */
const pendingSchema = new Schema(
  {
    userId: ownerField,
    collection: { type: String, required: true },
    legacyId: { type: String, required: true },
    reason: { type: String, required: true },
    doc: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false, suppressReservedKeysWarning: true },
);
pendingSchema.plugin(ownedPlugin);

export const PanoramaPendingModel = model('PanoramaPending', pendingSchema, 'panorama_pending');
