import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { coverageOf, describeShape, shapesOfCommand, suggestIndexes } from './index-coverage.ts';
import type { IndexSpec, QueryShape } from './index-coverage.ts';

const id = new ObjectId();
// The driver sends a sort as a Map, to keep its order.
const find = (filter: object, sort?: object, limit?: number) =>
  shapesOfCommand('find', { find: 'tasks', filter, sort: sort && new Map(Object.entries(sort)), limit })[0]!;
const index = (key: Record<string, 1 | -1>, unique = false): IndexSpec => ({ key, unique });
const tasksIndexes = [index({ userId: 1 }), index({ userId: 1, projectId: 1, rank: 1, _id: 1 })];
const covered = (shape: QueryShape, indexes = tasksIndexes) => coverageOf(shape, indexes).covered;

describe('the shape of a command', () => {
  it('keeps field names and condition kinds, never values', () => {
    const shape = find(
      {
        userId: id,
        projectId: { $in: [id, id] },
        deadline: { $gte: new Date(), $lt: new Date() },
        title: /^ab/,
        tags: { $ne: 'x' },
      },
      { rank: 1, _id: 1 },
      50,
    );
    expect(shape).toEqual({
      collection: 'tasks',
      command: 'find',
      filter: { fields: { userId: 'eq', projectId: 'in', deadline: 'range', title: 'range', tags: 'filter' } },
      sort: [
        ['rank', 1],
        ['_id', 1],
      ],
      limited: true,
    });
    expect(describeShape(shape)).toBe(
      'tasks.find {userId: eq, projectId: in, deadline: range, title: range, tags: filter} sort {rank: 1, _id: 1} limited',
    );
  });

  it('flattens $and, keeps $or branches, and reads $in of one value as an equality', () => {
    const shape = find({ $and: [{ userId: id }, { $or: [{ projectId: { $in: [id] } }, { title: /x/ }] }] });
    expect(shape.filter).toEqual({
      fields: { userId: 'eq' },
      or: [{ fields: { projectId: 'eq' } }, { fields: { title: 'filter' } }],
    });
  });

  it('reads every query of an update or delete command, the leading $match and $sort of a pipeline, and skips the rest', () => {
    expect(
      shapesOfCommand('update', {
        update: 'tasks',
        updates: [
          { q: { _id: id }, u: {} },
          { q: { userId: id }, u: {}, multi: true },
        ],
      }).map(describeShape),
    ).toEqual(['tasks.update {_id: eq} limited', 'tasks.update {userId: eq}']);
    expect(
      shapesOfCommand('delete', { delete: 'tasks', deletes: [{ q: { projectId: id }, limit: 0 }] }).map(describeShape),
    ).toEqual(['tasks.delete {projectId: eq}']);
    const pipeline = [{ $match: { userId: id } }, { $sort: { rank: 1 } }, { $limit: 5 }, { $project: { a: 1 } }];
    expect(shapesOfCommand('aggregate', { aggregate: 'tasks', pipeline }).map(describeShape)).toEqual([
      'tasks.aggregate {userId: eq} sort {rank: 1} limited',
    ]);
    expect(
      shapesOfCommand('findAndModify', { findAndModify: 'jobs', query: { name: 'x' }, sort: { at: -1 } }).map(describeShape),
    ).toEqual(['jobs.findAndModify {name: eq} sort {at: -1} limited']);
    expect(shapesOfCommand('insert', { insert: 'tasks', documents: [] })).toEqual([]);
    expect(shapesOfCommand('aggregate', { aggregate: 1, pipeline: [] })).toEqual([]);
  });
});

describe('whether an index serves a query', () => {
  it('serves equality prefixes, then the sort in order, then a range', () => {
    expect(covered(find({ userId: id, projectId: id }, { rank: 1, _id: 1 }, 50))).toBe(true);
    expect(covered(find({ userId: id, projectId: id, rank: { $gt: 'a' } }, { rank: 1, _id: 1 }, 50))).toBe(true);
    // Reversed as a whole, the index is walked backwards.
    expect(covered(find({ userId: id, projectId: id }, { rank: -1, _id: -1 }, 50))).toBe(true);
    // An equality-bound sort field needs no order; a residual condition is checked on each document.
    expect(covered(find({ userId: id, projectId: id, rank: 'a', status: { $ne: 'done' } }, { _id: 1 }))).toBe(true);
  });

  it('fails a sort the index cannot give: mixed directions, a skipped key, a range before the sort', () => {
    const failure = (shape: QueryShape) => coverageOf(shape, tasksIndexes);
    expect(failure(find({ userId: id, projectId: id }, { rank: 1, _id: -1 }, 50))).toEqual({
      covered: false,
      reason: 'sorted in memory: no index gives the sort after its equality fields',
    });
    expect(covered(find({ userId: id }, { rank: 1 }, 50))).toBe(false);
    // Unlimited, every match is read anyway: an in-memory sort reads no more.
    expect(covered(find({ userId: id }, { rank: 1 }))).toBe(true);
    expect(covered(find({ userId: id, projectId: { $gt: id } }, { rank: 1 }, 50))).toBe(false);
  });

  it('counts $in on a key before the sort as fixed (MongoDB merges one sorted run per value)', () => {
    expect(covered(find({ userId: id, projectId: { $in: [id, id] } }, { rank: 1, _id: 1 }, 50))).toBe(true);
  });

  it('fails a filter whose fields start no index: a collection scan', () => {
    expect(coverageOf(find({ projectId: id, status: 'todo' }), tasksIndexes)).toEqual({
      covered: false,
      reason: 'collection scan: no index starts with a field of the filter',
    });
    expect(covered(find({ title: { $regex: 'x' } }))).toBe(false);
    expect(covered(find({}))).toBe(false);
  });

  it('serves an _id lookup, a unique key fully given whatever the sort, and a limited read with no condition', () => {
    expect(covered(find({ _id: id, title: 'x' }), [])).toBe(true);
    expect(covered(find({ roomId: id, userId: id }, { at: 1 }), [index({ roomId: 1, userId: 1 }, true)])).toBe(true);
    expect(covered(find({}, undefined, 1), [])).toBe(true);
    expect(covered(find({}, { _id: 1 }, 100), [])).toBe(true);
    expect(covered(find({}, { rank: 1 }, 100), [])).toBe(false);
    // estimatedDocumentCount reads the collection's count; countDocuments({}) counts every document.
    expect(covered(shapesOfCommand('count', { count: 'tasks', query: {} })[0]!, [])).toBe(true);
    expect(
      covered(shapesOfCommand('aggregate', { aggregate: 'tasks', pipeline: [{ $match: {} }, { $group: {} }] })[0]!, []),
    ).toBe(false);
  });

  it('ignores partial indexes', () => {
    expect(covered(find({ userId: id }), [{ key: { userId: 1 }, partial: true }])).toBe(false);
  });

  it('serves an $or by the conditions beside it, or by one index per branch', () => {
    const byOwner = find({ userId: id, $or: [{ title: /x/ }, { notes: /x/ }] });
    expect(covered(byOwner)).toBe(true);
    const branches = find({ $or: [{ userId: id }, { projectId: { $in: [id] } }] });
    expect(coverageOf(branches, tasksIndexes)).toEqual({
      covered: false,
      reason: 'an $or branch: collection scan: no index starts with a field of the filter',
    });
    expect(covered(branches, [...tasksIndexes, index({ projectId: 1, rank: 1 })])).toBe(true);
  });
});

describe('the suggested index', () => {
  it('puts equality fields first, then the sort, then ranges; one per distinct $or branch', () => {
    expect(
      suggestIndexes(find({ deadline: { $lt: new Date() }, projectId: { $in: [id, id] }, userId: id }, { rank: -1 })),
    ).toEqual([{ userId: 1, projectId: 1, rank: -1, deadline: 1 }]);
    expect(suggestIndexes(find({ $or: [{ kind: 'a', itemId: 'x' }, { kind: 'a', itemId: 'y' }, { userId: id }] }))).toEqual([
      { kind: 1, itemId: 1 },
      { userId: 1 },
    ]);
  });
});
