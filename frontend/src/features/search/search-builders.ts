import type { SearchHit } from '@panoramix/contracts';

let sequence = 0;

/** A search hit with sensible defaults; tests override what they check. Ids are unique 24-hex strings. */
export function buildHit(overrides: Partial<SearchHit> = {}): SearchHit {
  sequence += 1;
  const id = overrides.id ?? sequence.toString(16).padStart(24, '0');
  const kind = overrides.kind ?? 'note';
  return {
    kind,
    id,
    title: `Élément ${sequence}`,
    snippet: '',
    highlights: [],
    score: 1 / sequence,
    projectId: null,
    target: `/${kind}s/${id}`,
    updatedAt: '2025-03-04T10:00:00.000Z',
    ...overrides,
  };
}
