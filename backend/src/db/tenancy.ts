import { Schema, Types } from 'mongoose';
import type { Query } from 'mongoose';

/**
 * Owned models carry `userId`; every query on them must say whose data it reads.
 * A filter counts as scoped when it names `userId`, or a shared key (`projectId` for
 * project content) with a definite value — an id or `{ $in: ids }`, which only the access
 * module builds from the caller's memberships — at its top level; or when every branch of a
 * top-level `$or` is scoped (mine OR my projects'), or one clause of an `$and` is.
 * System work (cascades, exports) opts out explicitly with `{ tenancy: 'system' }`.
 */
export class UnscopedQueryError extends Error {
  constructor(model: string, op: string) {
    super(`Unscoped ${op} on owned model ${model}: add a userId or access filter, or { tenancy: 'system' }`);
  }
}

type Filter = Record<string, unknown>;

const isDefinite = (value: unknown): boolean => {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'object' || value instanceof Types.ObjectId) return true;
  const operators = Object.keys(value);
  return operators.length === 1 && operators[0] === '$in' && Array.isArray((value as { $in: unknown }).$in);
};

export function isScoped(filter: Filter | undefined, sharedKeys: readonly string[] = []): boolean {
  if (!filter) return false;
  if (isDefinite(filter.userId)) return true;
  if (sharedKeys.some((key) => isDefinite(filter[key]))) return true;
  const or = filter.$or;
  if (Array.isArray(or) && or.length > 0) return or.every((branch) => isScoped(branch as Filter, sharedKeys));
  const and = filter.$and;
  if (Array.isArray(and)) return and.some((clause) => isScoped(clause as Filter, sharedKeys));
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

export function ownedPlugin(schema: Schema, options: { sharedBy?: readonly string[] } = {}) {
  if (!schema.path('userId')) throw new Error('owned schemas declare `userId: ownerField`');
  const sharedKeys = options.sharedBy ?? [];

  schema.pre([...queryOps], { document: false, query: true }, function (this: Query<unknown, unknown>) {
    if (this.getOptions().tenancy === 'system') return;
    if (!isScoped(this.getFilter() as Filter, sharedKeys)) {
      throw new UnscopedQueryError(this.model.modelName, (this as unknown as { op?: string }).op ?? 'query');
    }
  });

  schema.pre('aggregate', function () {
    if (this.options.tenancy === 'system') return;
    const first = this.pipeline()[0] as { $match?: Filter } | undefined;
    if (!isScoped(first?.$match, sharedKeys)) throw new UnscopedQueryError('aggregate', 'aggregate');
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
