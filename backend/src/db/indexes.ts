import mongoose from 'mongoose';
import type { CreateIndexesOptions, IndexSpecification } from 'mongodb';
import type { Model } from 'mongoose';
import { isFerretDb } from './engine.ts';

// Any model: only its schema's indexes and its collection are used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

/**
 * The indexes the models declare, built once the database is connected (connect.ts turns Mongoose's
 * autoIndex off). On MongoDB all of them. On FerretDB v1 only the unique ones: its SQLite backend
 * answers every query but a lone `_id` equality by reading the whole collection, so an index there
 * serves no query, yet every insert and update maintains it (8,000 budget lines went in 3.8 s with
 * that collection's six indexes, 1.4 s without). The other ones a FerretDB database got from
 * earlier versions are dropped. Production (MongoDB) is index-backed all the same: the database
 * test tier checks each query against the declared indexes (index-coverage.ts), not the built ones.
 */
export async function buildIndexes(models: readonly AnyModel[] = Object.values(mongoose.models)) {
  const ferret = await isFerretDb();
  await Promise.all(models.map((model) => (ferret ? uniqueIndexesOnly(model) : model.init().then(() => model.createIndexes()))));
}

async function uniqueIndexesOnly(model: AnyModel) {
  await model.init(); // the collection, as autoCreate makes it
  const declared = model.schema.indexes().filter(([, options]) => options.unique === true);
  for (const [fields, options] of declared)
    await model.collection.createIndex(fields as IndexSpecification, options as CreateIndexesOptions);
  for (const index of await model.collection.indexes()) {
    if (index.name !== '_id_' && index.unique !== true) await model.collection.dropIndex(index.name!);
  }
}
