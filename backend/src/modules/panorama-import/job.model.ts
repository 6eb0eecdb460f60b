import { Schema, model } from 'mongoose';
import type { InferSchemaType, Types } from 'mongoose';
import { panoramaImportStates } from '@panoramix/contracts';

/**
 * One import started from the admin page: the uploaded archive's path, the choices, and the state
 * the page reads (progress, then the report). An administrator's record, not user content: read
 * by `_id` and the admin who started it, so it carries no owner field for the tenancy plugin.
 */
const importJobSchema = new Schema(
  {
    adminId: { type: Schema.Types.ObjectId, required: true },
    username: { type: String, required: true },
    archivePath: { type: String, required: true },
    keepSecrets: { type: String, default: '' },
    mapUsers: { type: String, default: '' },
    state: { type: String, enum: panoramaImportStates, required: true, default: 'queued' },
    progress: { type: Schema.Types.Mixed, default: null },
    /** The report as JSON text: its keys (reasons, field names) may hold dots, which FerretDB refuses in a key. */
    report: { type: String, default: null },
    error: { type: String, default: null },
  },
  { timestamps: true, minimize: false },
);

export const PanoramaImportJobModel = model('PanoramaImportJob', importJobSchema, 'panorama_import_jobs');
export type PanoramaImportJobDoc = InferSchemaType<typeof importJobSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
