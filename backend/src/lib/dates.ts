/** A DTO's optional date: ISO 8601, or null when unset. */
export const isoOrNull = (date: Date | null | undefined) => (date ? date.toISOString() : null);
