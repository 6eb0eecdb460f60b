type Filter = Record<string, unknown>;

/**
 * One query filter meaning all of `filters`, flat where it can be: conditions on different fields
 * merge at the top level, the shape every backend answers from an index (FerretDB v1 pushes down
 * nothing under `$and`/`$or`); only a second condition on one field (or a second `$or`) goes under `$and`.
 */
export function allOf(...filters: Filter[]): Filter {
  const flat: Filter = {};
  const and: unknown[] = [];
  for (const filter of filters) {
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and') and.push(...(value as unknown[]));
      else if (key in flat) and.push({ [key]: value });
      else flat[key] = value;
    }
  }
  return and.length > 0 ? { ...flat, $and: and } : flat;
}

/**
 * The `batchSize` of a read that wants its whole answer at once (every task's counted fields):
 * past the first 101 documents each batch is one more command (`getMore`), on FerretDB one more
 * pass. The server still caps a batch at 16 MiB.
 */
export const ONE_BATCH = 1_000_000;
