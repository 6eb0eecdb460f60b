/**
 * The loop that giving `personId` the manager `managerId` would close, as the list of ids from
 * the person up to the person again (`[ana, ben, ana]` when Ben, managed by Ana, would manage
 * her); null when the chain ends. `managerOf` is everyone's current manager. Walks at most once
 * around whatever loop older data may already hold.
 */
export function managerCycle(
  personId: string,
  managerId: string,
  managerOf: ReadonlyMap<string, string | null>,
): string[] | null {
  const chain = [personId];
  const seen = new Set(chain);
  for (let current: string | null | undefined = managerId; current; current = managerOf.get(current)) {
    chain.push(current);
    if (current === personId) return chain;
    if (seen.has(current)) return null; // an older loop above that does not pass through this person
    seen.add(current);
  }
  return null;
}
