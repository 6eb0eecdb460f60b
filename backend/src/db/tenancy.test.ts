import mongoose, { Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../test/harness.ts';
import type { TestApp } from '../../test/harness.ts';
import { isScoped, ownedPlugin, ownerField, UnscopedQueryError } from './tenancy.ts';

describe('isScoped', () => {
  it.each([
    [{ userId: 'u' }, true],
    [{ _id: 'x', userId: 'u' }, true],
    [{ $or: [{ userId: 'u' }, { userId: 'v', shared: true }] }, true],
    [{ $and: [{ name: 'x' }, { userId: 'u' }] }, true],
    [{}, false],
    [{ _id: 'x' }, false],
    [{ $or: [{ userId: 'u' }, { projectId: 'p' }] }, false], // one branch reaches everyone's documents
    [{ $or: [] }, false],
    [{ userId: { $exists: true } }, false], // names the field but selects everyone
    [{ userId: { $ne: null } }, false],
  ])('%j → %s', (filter, expected) => {
    expect(isScoped(filter)).toBe(expected);
  });

  it.each([
    [{ projectId: { $in: ['p1', 'p2'] } }, true],
    [{ $or: [{ userId: 'u', projectId: null }, { projectId: { $in: ['p1'] } }] }, true],
    [{ projectId: null }, false],
    [{ projectId: { $nin: ['p1'] } }, false],
  ])('with projectId shared: %j → %s', (filter, expected) => {
    expect(isScoped(filter, ['projectId'])).toBe(expected);
  });
});

describe('owned models', () => {
  let app: TestApp;
  const Thing = mongoose.model('TenancyThing', new Schema({ userId: ownerField, name: String }).plugin(ownedPlugin));
  const owner = new mongoose.Types.ObjectId();

  beforeAll(async () => {
    app = await startTestApp();
    await Thing.create({ userId: owner, name: 'mine' });
  });
  afterAll(() => app.close());

  it('refuses queries that do not say whose data they read', async () => {
    await expect(Thing.find({ name: 'mine' })).rejects.toThrow(UnscopedQueryError);
    await expect(Thing.updateMany({}, { name: 'everyone' })).rejects.toThrow(UnscopedQueryError);
    await expect(Thing.deleteMany({})).rejects.toThrow(UnscopedQueryError);
    await expect(Thing.countDocuments()).rejects.toThrow(UnscopedQueryError);
    await expect(Thing.aggregate([{ $match: { name: 'mine' } }])).rejects.toThrow(UnscopedQueryError);
  });

  it('runs scoped queries and explicit system queries', async () => {
    expect(await Thing.countDocuments({ userId: owner })).toBe(1);
    expect(await Thing.countDocuments({ userId: new mongoose.Types.ObjectId() })).toBe(0);
    expect(await Thing.countDocuments({}).setOptions({ tenancy: 'system' })).toBe(1);
    const grouped = await Thing.aggregate([{ $match: { userId: owner } }, { $group: { _id: '$userId', n: { $sum: 1 } } }]);
    expect(grouped).toEqual([{ _id: owner, n: 1 }]);
  });

  it('requires an owner on every document', async () => {
    await expect(Thing.create({ name: 'orphan' })).rejects.toThrow(/userId/);
  });
});
