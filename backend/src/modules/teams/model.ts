import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

const teamSchema = new Schema(
  {
    userId: ownerField,
    name: { type: String, required: true, trim: true },
  },
  { timestamps: true },
);
teamSchema.plugin(ownedPlugin);
teamSchema.index({ userId: 1, name: 1 });

export const TeamModel = model('Team', teamSchema);
export type TeamDoc = InferSchemaType<typeof teamSchema> & { _id: Types.ObjectId };
