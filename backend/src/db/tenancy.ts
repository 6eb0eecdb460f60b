import { Schema } from 'mongoose';
import type { Query } from 'mongoose';

/**
 * Owned models carry `userId`; every query on them must say whose data it reads.
 * A filter counts as scoped when it names `userId` at its top level, or when every
 * branch of a top-level `$or` does (the shape of an access filter: mine OR my projects').
 * System work (cascades, exports) opts out explicitly with `{ tenancy: 'system' }`.
 */
export class UnscopedQueryError extends Error {
  constructor(model: string, op: string) {
    super(`Unscoped ${op} on owned model ${model}: add a userId or access filter, or { tenancy: 'system' }`);
  }
}

type Filter = Record<string, unknown>;

export function isScoped(filter: Filter | undefined): boolean {
  if (!filter) return false;
  if (filter.userId !== undefined) return true;
  const or = filter.$or;
  if (Array.isArray(or) && or.length > 0) return or.every((branch) => isScoped(branch as Filter));
  const and = filter.$and;
  if (Array.isArray(and)) return and.some((clause) => isScoped(clause as Filter));
  return false;
}

const queryOps = [
  'find',
  'findOne',
  'countDocuments',
  'distinct',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'findOneAndUpdate',
  'findOneAndDelete',
  'findOneAndReplace',
] as const;

/** The owner field every owned schema declares (declared, not added, so the model's type knows it). */
export const ownerField = { type: Schema.Types.ObjectId, required: true, index: true, immutable: true } as const;

export function ownedPlugin(schema: Schema) {
  if (!schema.path('userId')) throw new Error('owned schemas declare `userId: ownerField`');

  schema.pre([...queryOps], { document: false, query: true }, function (this: Query<unknown, unknown>) {
    if (this.getOptions().tenancy === 'system') return;
    if (!isScoped(this.getFilter() as Filter)) {
      throw new UnscopedQueryError(this.model.modelName, (this as unknown as { op?: string }).op ?? 'query');
    }
  });

  schema.pre('aggregate', function () {
    if (this.options.tenancy === 'system') return;
    const first = this.pipeline()[0] as { $match?: Filter } | undefined;
    if (!isScoped(first?.$match)) throw new UnscopedQueryError('aggregate', 'aggregate');
  });
}

declare module 'mongoose' {
  interface MongooseQueryOptions {
    /** `'system'` marks a deliberate query across owners (cascade jobs, exports). */
    tenancy?: 'system';
  }
  interface AggregateOptions {
    tenancy?: 'system';
  }
}
