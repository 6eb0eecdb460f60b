import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

const personSchema = new Schema(
  {
    userId: ownerField,
    name: { type: String, required: true, trim: true },
    lastName: { type: String, default: '' },
    normalizedName: { type: String, required: true },
    aliases: { type: [String], default: [] },
    role: { type: String, default: '' },
    email: { type: String, default: '' },
    notes: { type: String, default: '' },
    left: { type: Boolean, default: false },
    contactOnly: { type: Boolean, default: false },
    teamId: { type: Schema.Types.ObjectId, default: null },
    subteam: { type: String, default: '' },
    managerId: { type: Schema.Types.ObjectId, default: null },
    githubUsernames: { type: [String], default: [] },
    arrivalDate: { type: Date, default: null },
    // Derived on every write (derive.ts): list, search and sort each read one field.
    sortName: { type: String, required: true },
    searchText: { type: String, required: true },
  },
  { timestamps: true },
);
personSchema.plugin(ownedPlugin);
personSchema.index({ userId: 1, sortName: 1, _id: 1 });
personSchema.index({ userId: 1, arrivalDate: -1, sortName: 1, _id: 1 });
personSchema.index({ userId: 1, managerId: 1 });

export const PersonModel = model('Person', personSchema, 'people');
export type PersonDoc = InferSchemaType<typeof personSchema> & { _id: Types.ObjectId };
