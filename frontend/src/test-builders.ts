let sequence = 0;

/** What every stored entity has, unique per call, for the test builders of each feature. */
export function entityBase() {
  sequence += 1;
  const at = '2026-11-25T10:00:00.000Z';
  return { id: sequence.toString(16).padStart(24, '0'), userId: 'a'.repeat(24), createdAt: at, updatedAt: at, n: sequence };
}
