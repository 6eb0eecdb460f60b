/**
 * What every point carries. `scope` is who may find it: `user:<id>` for an item outside any
 * project (its creator alone), `project:<id>` for project content (its members). Searches
 * filter on the caller's scopes, which only the server computes.
 */
export interface PointPayload {
  userId: string;
  kind: string;
  id: string;
  title: string;
  projectId: string | null;
  updatedAt: string;
  scope: string;
  chunk: number;
}

export interface VectorPoint {
  id: string;
  vector: number[];
  payload: PointPayload;
}

export interface VectorQuery {
  vector: number[];
  /** Never empty: a search with no scope finds nothing rather than everything. */
  scopes: string[];
  kinds?: readonly string[] | undefined;
  limit: number;
}

export interface VectorHit {
  id: string;
  score: number;
  payload: PointPayload;
}

/** One collection of one model: vectors of different models never share a store. */
export interface VectorStore {
  readonly kind: 'embedded' | 'qdrant';
  readonly collection: string;
  /** Creates the collection for vectors of this size; refuses an existing one of another size. */
  ensure(dimension: number): Promise<void>;
  /** Writes points by id. An item whose scope may have changed is removed first (the worker always does). */
  upsert(points: VectorPoint[]): Promise<void>;
  /** Removes every point (all chunks) of these items. */
  removeItems(items: { kind: string; id: string }[]): Promise<void>;
  /** Removes every point of a deleted project's content. */
  removeScope(scope: string): Promise<void>;
  search(query: VectorQuery): Promise<VectorHit[]>;
  count(): Promise<number>;
  ping(): Promise<void>;
}

export const scopeOf = (item: { userId: string; projectId: string | null }) =>
  item.projectId ? `project:${item.projectId}` : `user:${item.userId}`;
