import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';

const situationSchema = new Schema(
  {
    userId: ownerField,
    title: { type: String, required: true, trim: true },
    description: { type: String, default: '' },
    /** Set when deleted: hidden at once, removed with its content by the cascade job. */
    deletingAt: { type: Date, default: null },
  },
  { timestamps: true },
);
situationSchema.plugin(ownedPlugin);
situationSchema.index({ userId: 1, updatedAt: -1, _id: -1 });

const actorSchema = new Schema(
  {
    userId: ownerField,
    situationId: { type: Schema.Types.ObjectId, required: true },
    personId: { type: Schema.Types.ObjectId, default: null },
    /**
     * The linked person's id, or the actor's own id when free text: unique per situation, so a
     * person is an actor at most once there. Panorama's sparse unique `{situationId, personId}`,
     * which FerretDB cannot build (no partial or sparse unique indexes), as a key every actor has.
     */
    personKey: { type: String, required: true },
    name: { type: String, required: true, trim: true },
    role: { type: String, default: '' },
    situationRole: { type: String, default: '' },
  },
  { timestamps: true },
);
actorSchema.plugin(ownedPlugin);
actorSchema.index({ situationId: 1, personKey: 1 }, { unique: true });
actorSchema.index({ userId: 1, situationId: 1 });

const noteSchema = new Schema(
  {
    userId: ownerField,
    situationId: { type: Schema.Types.ObjectId, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    content: { type: String, default: '' },
  },
  { timestamps: true },
);
noteSchema.plugin(ownedPlugin);
noteSchema.index({ userId: 1, situationId: 1 });

/** One per actor, its `_id` the actor's: a second write of an actor's questions cannot make a second document. */
const questionsSchema = new Schema(
  {
    userId: ownerField,
    situationId: { type: Schema.Types.ObjectId, required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    questions: { type: [{ _id: false, q: { type: String, required: true }, r: { type: String, default: '' } }], default: [] },
  },
  { timestamps: true },
);
questionsSchema.plugin(ownedPlugin);
questionsSchema.index({ userId: 1, situationId: 1 });

/** One per situation, its `_id` the situation's. */
const summarySchema = new Schema(
  {
    userId: ownerField,
    situationId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, default: '' },
  },
  { timestamps: true },
);
summarySchema.plugin(ownedPlugin);
summarySchema.index({ userId: 1, situationId: 1 });

/**
 * The latest AI job of one kind for one situation (its `_id` derived from both, see `aiJobId`).
 * `runId` names the run the queued job carries, so a superseded run writes nothing; `plan` is the
 * validated change built from the model's answer, kept so that a run interrupted while writing
 * re-applies the same change instead of asking the model again.
 */
const aiJobSchema = new Schema(
  {
    userId: ownerField,
    situationId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true },
    status: { type: String, required: true },
    runId: { type: String, required: true },
    error: { type: { _id: false, reason: String, detail: String }, default: null },
    plan: { type: Schema.Types.Mixed, default: null },
    queuedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { timestamps: true, minimize: false },
);
aiJobSchema.plugin(ownedPlugin);
aiJobSchema.index({ userId: 1, situationId: 1 });

export const SituationModel = model('Situation', situationSchema, 'situations');
export const SituationActorModel = model('SituationActor', actorSchema, 'situation_actors');
export const SituationNoteModel = model('SituationNote', noteSchema, 'situation_notes');
export const SituationQuestionsModel = model('SituationQuestions', questionsSchema, 'situation_questions');
export const SituationSummaryModel = model('SituationSummary', summarySchema, 'situation_summaries');
export const SituationAiJobModel = model('SituationAiJob', aiJobSchema, 'situation_ai_jobs');

type Stamped = { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export type SituationDoc = InferSchemaType<typeof situationSchema> & Stamped;
export type SituationActorDoc = InferSchemaType<typeof actorSchema> & Stamped;
export type SituationNoteDoc = InferSchemaType<typeof noteSchema> & Stamped;
export type SituationQuestionsDoc = InferSchemaType<typeof questionsSchema> & Stamped;
export type SituationSummaryDoc = InferSchemaType<typeof summarySchema> & Stamped;
export type SituationAiJobDoc = InferSchemaType<typeof aiJobSchema> & Stamped;
