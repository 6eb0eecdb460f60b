/** MongoDB's (and FerretDB's) code for a write refused because a unique key, often `_id`, is taken. */
const DUPLICATE_KEY = 11000;

type WriteFailure = { code?: number; err?: { code?: number } };

/** Whether a write failed because its unique key is taken: the decision of every "first insert wins". */
export const isDuplicateKey = (error: unknown) => (error as WriteFailure | null)?.code === DUPLICATE_KEY;

/** Whether every write of a failed unordered bulk insert (or the single write) failed on a taken key. */
export function onlyDuplicateKeys(error: unknown): boolean {
  const writeErrors = (error as { writeErrors?: WriteFailure | WriteFailure[] } | null)?.writeErrors;
  if (writeErrors === undefined) return isDuplicateKey(error);
  return [writeErrors].flat().every((failure) => (failure.code ?? failure.err?.code) === DUPLICATE_KEY);
}
