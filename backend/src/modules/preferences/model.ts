import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { densities, languages, themes } from '@panoramix/contracts';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

/** One document per user, created on first save; until then the defaults apply. */
const preferencesSchema = new Schema(
  {
    userId: { ...ownerField, unique: true },
    theme: { type: String, enum: themes },
    language: { type: String, enum: languages },
    density: { type: String, enum: densities },
    startTab: { type: String },
    timeZone: { type: String, default: null },
  },
  { timestamps: true },
);
preferencesSchema.plugin(ownedPlugin);

export const PreferencesModel = model('Preferences', preferencesSchema, 'userPreferences');
export type PreferencesDoc = InferSchemaType<typeof preferencesSchema> & { _id: Types.ObjectId };
