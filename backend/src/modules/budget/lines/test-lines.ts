import { routes } from '@panoramix/contracts';
import type { RouteBodyInput } from '@panoramix/contracts';
import { expect } from 'vitest';
import type { TestUser } from '../../../../test/harness.ts';

export type LineInput = RouteBodyInput<typeof routes.budgetLines.create>;

/** A line typed by hand (OVH, 12 €, 10 November unless told otherwise), checked to be created: for the budget tests. */
export const createLine = async (user: TestUser, body: Partial<LineInput> = {}) => {
  const res = await user.call(routes.budgetLines.create, {
    body: { date: '2026-11-10', vendor: 'OVH', amountCents: 1200, ...body },
  });
  expect(res.status).toBe(201);
  return res.body;
};
