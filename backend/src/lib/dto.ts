import type { Types } from 'mongoose';

/** A DTO's optional reference (an ObjectId, or a value read untyped): the id as a string, or null when unset. */
export const idOrNull = (id: unknown) => (id ? String(id) : null);

/** A DTO's optional date: ISO 8601, or null when unset. */
export const isoOrNull = (date: Date | null | undefined) => (date ? date.toISOString() : null);

interface OwnedDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields every owned item's DTO starts with (the contracts' `ownedFields`). */
export const ownedBase = (doc: OwnedDoc) => ({
  id: String(doc._id),
  userId: String(doc.userId),
  createdAt: doc.createdAt.toISOString(),
  updatedAt: doc.updatedAt.toISOString(),
});

/** ...and those of project content (the contracts' `projectContentFields`): null when unfiled. */
export const projectContentBase = (doc: OwnedDoc & { projectId?: Types.ObjectId | null }) => ({
  ...ownedBase(doc),
  projectId: idOrNull(doc.projectId),
});
