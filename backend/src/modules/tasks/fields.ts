import { badRequest } from '../../http/problem.ts';

export const NOT_A_MEMBER = "must be a member of the task's project";

/**
 * Who a task is assigned to after a write, Panorama's rule: someone who sees the task (a member of
 * its project, its creator in the inbox), else a 400 naming `field`. A move that leaves the current
 * assignee out of sight clears the assignment rather than refusing the move (a bulk move of fifty
 * tasks should not fail on one). `undefined`: unchanged.
 */
export function assigneeAfter(
  current: string | null,
  asked: string | null | undefined,
  audience: readonly string[],
  field: string,
): string | null | undefined {
  if (asked !== undefined) {
    if (asked !== null && !audience.includes(asked)) {
      throw badRequest(`${field}: ${NOT_A_MEMBER}`, [{ path: field, message: NOT_A_MEMBER }]);
    }
    return asked === current ? undefined : asked;
  }
  return current !== null && !audience.includes(current) ? null : undefined;
}

/** Tags are kept once each, compared case-insensitively, in their first spelling. */
export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}
