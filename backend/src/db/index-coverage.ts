/**
 * Index coverage without MongoDB: the test database (FerretDB v1) scans every collection whatever
 * its indexes, so the only evidence that production (MongoDB 5) is index-backed is to check each
 * query the API sends against the indexes it declares, the way MongoDB's planner picks one:
 * equality fields first, then the sort fields in order, then range fields. Pure functions: the
 * recorder of the database test tier (backend/test/index-coverage/) feeds them driver commands.
 */

/** How a filter constrains one field, as far as an index cares. */
export type Condition =
  | 'eq' // a value, `$eq`, `$all`: a point of the index
  | 'in' // `$in`: a few points
  | 'range' // `$gt`/`$gte`/`$lt`/`$lte`, `$elemMatch`, `$type`, an anchored regex: an interval
  | 'filter'; // `$ne`, `$nin`, `$exists`, an unanchored regex…: checked on each document, no bounds

/** The fields of a conjunction, and the alternatives of its `$or`s (each must be served). */
export interface FilterShape {
  fields: Record<string, Condition>;
  or?: FilterShape[];
}

export type SortShape = [field: string, direction: 1 | -1][];

export type QueryCommand = 'find' | 'aggregate' | 'count' | 'distinct' | 'update' | 'delete' | 'findAndModify';

/** A query without its values: what decides which index serves it. */
export interface QueryShape {
  collection: string;
  command: QueryCommand;
  filter: FilterShape;
  sort: SortShape;
  limited: boolean;
}

export interface IndexSpec {
  key: Record<string, unknown>;
  unique?: boolean;
  /** A partial index serves only queries that state its condition: treated here as serving none. */
  partial?: boolean;
  /** Expires documents (`expireAfterSeconds`). */
  ttl?: boolean;
}

const ID_INDEX: IndexSpec = { key: { _id: 1 }, unique: true };

const strength: Record<Condition, number> = { filter: 0, range: 1, in: 2, eq: 3 };
const stronger = (a: Condition | undefined, b: Condition) => (a && strength[a] >= strength[b] ? a : b);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

function regexCondition(source: string): Condition {
  return source.startsWith('^') && !/^\^[.*?+\\[(]/.test(source) ? 'range' : 'filter';
}

function isRegex(value: unknown): value is { source?: string; pattern?: string } {
  const bsontype = (value as { _bsontype?: string } | null)?._bsontype;
  return value instanceof RegExp || bsontype === 'BSONRegExp';
}
const regexSource = (value: { source?: string; pattern?: string }) => value.source ?? value.pattern ?? '';

/** The condition a field's value puts on it: `{ $gte: a, $lt: b }` is a range, `{ a: 1 }` an equality. */
function conditionOf(value: unknown): Condition {
  if (isRegex(value)) return regexCondition(regexSource(value));
  if (!isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$'))) return 'eq';
  let condition: Condition = 'filter';
  for (const [operator, operand] of Object.entries(value)) {
    if (operator === '$eq' || operator === '$all') condition = stronger(condition, 'eq');
    else if (operator === '$in') {
      const values = Array.isArray(operand) ? operand : [];
      condition = stronger(condition, values.length === 1 ? 'eq' : values.some(isRegex) ? 'filter' : 'in');
    } else if (['$gt', '$gte', '$lt', '$lte', '$elemMatch', '$type'].includes(operator)) condition = stronger(condition, 'range');
    else if (operator === '$regex')
      condition = stronger(condition, regexCondition(String(isRegex(operand) ? regexSource(operand) : operand)));
  }
  return condition;
}

/** The shape of a filter document: field names and condition kinds, never values. */
export function shapeOfFilter(filter: unknown): FilterShape {
  const shape: FilterShape = { fields: {} };
  if (!isPlainObject(filter)) return shape;
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value.map(shapeOfFilter)) {
        for (const [field, condition] of Object.entries(part.fields))
          shape.fields[field] = stronger(shape.fields[field], condition);
        if (part.or) shape.or = mergeOr(shape.or, part.or);
      }
    } else if (key === '$or' && Array.isArray(value)) {
      shape.or = mergeOr(shape.or, value.map(shapeOfFilter));
    } else if (!key.startsWith('$')) {
      shape.fields[key] = stronger(shape.fields[key], conditionOf(value));
    }
    // `$nor`, `$expr`, `$comment`…: checked document by document, no index bounds.
  }
  return shape;
}

/** Two `$or`s in one conjunction: every pair of branches (rare; kept exact rather than dropped). */
function mergeOr(a: FilterShape[] | undefined, b: FilterShape[]): FilterShape[] {
  if (!a) return b;
  return a.flatMap((x) => b.map((y) => ({ fields: { ...x.fields, ...y.fields } })));
}

/** A sort as the driver sends it (a Map, to keep its order) or as a pipeline writes it. */
function shapeOfSort(sort: unknown): SortShape {
  const entries = sort instanceof Map ? [...(sort as Map<string, unknown>)] : isPlainObject(sort) ? Object.entries(sort) : [];
  return entries.map(([field, direction]) => [
    field,
    direction === -1 || direction === 'desc' || direction === 'descending' ? -1 : 1,
  ]);
}

/**
 * The queries of one driver command (an update or delete command carries several), or none for
 * what is not a query (insert, getMore, createIndexes, a database-level aggregate…).
 */
export function shapesOfCommand(name: string, command: Record<string, unknown>): QueryShape[] {
  const collection = command[name];
  if (typeof collection !== 'string') return [];
  const shape = (command: QueryCommand, filter: unknown, sort: unknown = undefined, limited = false): QueryShape => ({
    collection,
    command,
    filter: shapeOfFilter(filter),
    sort: shapeOfSort(sort),
    limited,
  });
  const limit = (value: unknown) => typeof value === 'number' && value !== 0;
  switch (name) {
    case 'find':
      return [shape('find', command.filter, command.sort, limit(command.limit) || command.singleBatch === true)];
    case 'count':
      return [shape('count', command.query, undefined, limit(command.limit))];
    case 'distinct':
      return [shape('distinct', command.query)];
    case 'findAndModify':
      return [shape('findAndModify', command.query, command.sort, true)];
    case 'update':
      return ((command.updates as { q?: unknown; multi?: boolean }[] | undefined) ?? []).map((u) =>
        shape('update', u.q, undefined, u.multi !== true),
      );
    case 'delete':
      return ((command.deletes as { q?: unknown; limit?: number }[] | undefined) ?? []).map((d) =>
        shape('delete', d.q, undefined, d.limit === 1),
      );
    case 'aggregate':
      return [aggregateShape(collection, (command.pipeline as Record<string, unknown>[] | undefined) ?? [])];
    default:
      return [];
  }
}

/** What an index can serve of a pipeline: its leading `$match`, then a `$sort` (and `$limit`) right after. */
function aggregateShape(collection: string, pipeline: Record<string, unknown>[]): QueryShape {
  let i = 0;
  const filter = pipeline[i]?.$match !== undefined ? pipeline[i++]?.$match : {};
  const sort = pipeline[i]?.$sort !== undefined ? pipeline[i++]?.$sort : undefined;
  const limited = sort !== undefined && pipeline[i]?.$limit !== undefined;
  return { collection, command: 'aggregate', filter: shapeOfFilter(filter), sort: shapeOfSort(sort), limited };
}

/** The fields of an index with their directions; text, hashed and geo keys have none. */
const keysOf = (index: IndexSpec) =>
  Object.entries(index.key).map(([field, kind]) => [field, typeof kind === 'number' ? Math.sign(kind) : 0] as const);

/**
 * Whether the index gives the sort without sorting in memory: after skipping the keys fixed by an
 * equality, the sort's fields follow the index's, all in its directions or all reversed. An `$in`
 * key counts as fixed too: MongoDB then merges one sorted run per value (up to 200 values), fine
 * for the short id lists the API sends, not for large ones.
 */
function providesSort(index: IndexSpec, fields: FilterShape['fields'], sort: SortShape): boolean {
  const fixed = (field: string) => fields[field] === 'eq' || fields[field] === 'in';
  const wanted = sort.filter(([field]) => fields[field] !== 'eq');
  const keys = keysOf(index);
  let position = 0;
  let sign = 0;
  for (const [field, direction] of wanted) {
    while (position < keys.length && keys[position]![0] !== field && fixed(keys[position]![0])) position++;
    const key = keys[position];
    if (!key || key[0] !== field || key[1] === 0) return false;
    const relative = key[1] === direction ? 1 : -1;
    if (sign !== 0 && relative !== sign) return false;
    sign = relative;
    position++;
  }
  return true;
}

/** Whether the index bounds the scan: its first key is constrained (MongoDB's index bounds start there). */
const bounds = (index: IndexSpec, fields: FilterShape['fields']) => {
  const first = keysOf(index)[0]?.[0];
  const condition = first === undefined ? undefined : fields[first];
  return condition !== undefined && condition !== 'filter';
};

/** How many leading keys the filter constrains: equalities, then at most one range. */
function boundKeys(index: IndexSpec, fields: FilterShape['fields']): number {
  let count = 0;
  for (const [field] of keysOf(index)) {
    const condition = fields[field];
    if (condition === 'eq' || condition === 'in') count++;
    else return condition === 'range' ? count + 1 : count;
  }
  return count;
}

/** A unique index with every key fixed finds one document: nothing to sort. */
const findsOne = (index: IndexSpec, fields: FilterShape['fields']) =>
  index.unique === true && keysOf(index).every(([field]) => fields[field] === 'eq');

type Verdict = { served: true; index: IndexSpec } | { served: false; reason: string };

function serveConjunction(
  fields: FilterShape['fields'],
  sort: SortShape,
  limited: boolean,
  walk: boolean,
  indexes: IndexSpec[],
): Verdict {
  const usable = [ID_INDEX, ...indexes.filter((index) => !index.partial)];
  const one = usable.find((index) => findsOne(index, fields));
  if (one) return { served: true, index: one };
  // The planner prefers the index that bounds the most: the longest run of constrained leading keys.
  const bounding = usable.filter((index) => bounds(index, fields)).sort((a, b) => boundKeys(b, fields) - boundKeys(a, fields));
  const sorted = bounding.find((index) => providesSort(index, fields, sort));
  if (sorted) return { served: true, index: sorted };
  // Unlimited, every match is read anyway: sorting them in memory reads nothing more.
  if (!limited && bounding[0]) return { served: true, index: bounding[0] };
  // With no condition, a limited read stops at its limit: in natural order (`findOne({})`), or in
  // the order of an index that gives the sort (a batch cursor).
  const ordered = walk ? usable.find((index) => providesSort(index, fields, sort)) : undefined;
  if (ordered) return { served: true, index: ordered };
  if (bounding.length > 0)
    return { served: false, reason: 'sorted in memory: no index gives the sort after its equality fields' };
  return { served: false, reason: 'collection scan: no index starts with a field of the filter' };
}

export type Coverage = { covered: true; indexes: IndexSpec[] } | { covered: false; reason: string };

/**
 * Whether MongoDB can answer the query from its indexes: a conjunction from one index; an `$or`
 * either from an index on the conditions beside it, or from one index per branch (each branch
 * with those conditions and the sort, whose sorted runs MongoDB then merges). Not covered: a
 * collection scan, or a limited query (a page) whose matches would all be read to sort them.
 */
export function coverageOf(shape: QueryShape, indexes: IndexSpec[]): Coverage {
  const { fields, or } = shape.filter;
  // `estimatedDocumentCount`: the collection's own count, read from its metadata.
  if (shape.command === 'count' && !or && Object.keys(fields).length === 0) return { covered: true, indexes: [] };
  const walk = shape.limited && !or && Object.keys(fields).length === 0;
  const whole = serveConjunction(fields, shape.sort, shape.limited, walk, indexes);
  if (whole.served) return { covered: true, indexes: [whole.index] };
  if (!or) return { covered: false, reason: whole.reason };
  const branches = or.map((branch) =>
    serveConjunction({ ...fields, ...branch.fields }, shape.sort, shape.limited, false, indexes),
  );
  const served: IndexSpec[] = [];
  for (const branch of branches) {
    if (!branch.served) return { covered: false, reason: `an $or branch: ${branch.reason}` };
    served.push(branch.index);
  }
  return { covered: true, indexes: served };
}

/** The index to add, equality fields first, then the sort, then ranges (one per `$or` branch when it has one). */
export function suggestIndexes(shape: QueryShape): Record<string, 1 | -1>[] {
  const { fields, or } = shape.filter;
  const suggest = (conjunction: FilterShape['fields']) => {
    const key: Record<string, 1 | -1> = {};
    const kinds = (condition: Condition) =>
      Object.entries(conjunction).filter(([field, c]) => c === condition && !shape.sort.some(([s]) => s === field));
    for (const [field] of [...kinds('eq'), ...kinds('in')]) key[field] = 1;
    for (const [field, direction] of shape.sort) key[field] = direction;
    for (const [field] of kinds('range')) key[field] = 1;
    return key;
  };
  const keys = or ? or.map((branch) => suggest({ ...fields, ...branch.fields })) : [suggest(fields)];
  return [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()];
}

/** `tasks.find {userId: eq, projectId: in} sort {rank: 1} limit`: a shape in one line, for messages. */
export function describeShape(shape: QueryShape): string {
  const conjunction = (fields: FilterShape['fields']) =>
    `{${Object.entries(fields)
      .map(([field, condition]) => `${field}: ${condition}`)
      .join(', ')}}`;
  const filter = shape.filter.or
    ? `${conjunction(shape.filter.fields).slice(0, -1)}${Object.keys(shape.filter.fields).length ? ', ' : ''}$or: [${shape.filter.or.map((b) => conjunction(b.fields)).join(', ')}]}`
    : conjunction(shape.filter.fields);
  const sort = shape.sort.length ? ` sort {${shape.sort.map(([f, d]) => `${f}: ${d}`).join(', ')}}` : '';
  return `${shape.collection}.${shape.command} ${filter}${sort}${shape.limited ? ' limited' : ''}`;
}

/** One line per key of an index, as a model would declare it. */
export const describeIndex = (key: Record<string, unknown>) =>
  `{ ${Object.entries(key)
    .map(([field, direction]) => `${/^[\w$]+$/.test(field) ? field : `'${field}'`}: ${String(direction)}`)
    .join(', ')} }`;
