import { budgetImportRoutes, budgetLineRoutes, budgetSummaryRoutes, budgetVendorRoutes } from '@panoramix/contracts';
import { Router } from 'express';
import type { Bind } from '../../http/route.ts';
import type { BudgetServices } from './services.ts';
import { summarize } from './summary.ts';

export function budgetRouter(bind: Bind, budget: BudgetServices) {
  const { lines, imports, vendors, review } = budget;
  const router = Router();
  bind(router, budgetLineRoutes.list, ({ user, query }) => lines.list(user, query));
  bind(router, budgetLineRoutes.create, ({ user, body }) => lines.create(user, body));
  bind(router, budgetLineRoutes.bulkEdit, ({ user, body }) => lines.bulkEdit(user, body));
  bind(router, budgetLineRoutes.get, ({ user, params }) => lines.get(user, params.id));
  bind(router, budgetLineRoutes.update, ({ user, params, body }) => lines.update(user, params.id, body));
  bind(router, budgetLineRoutes.remove, async ({ user, params, query }) => void (await lines.remove(user, params.id, query)));
  bind(router, budgetLineRoutes.restore, ({ user, params }) => lines.restore(user, params.id));
  bind(router, budgetLineRoutes.duplicates, ({ user, params }) => lines.duplicates(user, params.id));
  bind(router, budgetLineRoutes.review, ({ user }) => review.list(user));
  bind(router, budgetLineRoutes.keepPair, async ({ user, body }) => void (await review.keepPair(user, body)));
  bind(router, budgetLineRoutes.merge, ({ user, body }) => review.merge(user, body));
  bind(router, budgetLineRoutes.undoMerge, ({ user, params }) => review.undoMerge(user, params.id));
  bind(router, budgetImportRoutes.list, ({ user, query }) => imports.list(user, query));
  bind(router, budgetImportRoutes.upload, ({ user, file }) => imports.upload(user, file));
  bind(router, budgetImportRoutes.get, ({ user, params }) => imports.get(user, params.id));
  bind(router, budgetImportRoutes.apply, ({ user, params, body }) => imports.apply(user, params.id, body));
  bind(router, budgetImportRoutes.undo, ({ user, params }) => imports.undo(user, params.id));
  bind(router, budgetVendorRoutes.list, ({ user }) => vendors.list(user));
  bind(router, budgetVendorRoutes.setRule, ({ user, body }) => vendors.setRule(user, body));
  bind(router, budgetVendorRoutes.rename, ({ user, body }) => vendors.rename(user, body));
  bind(router, budgetVendorRoutes.ignores, ({ user }) => vendors.ignores(user));
  bind(router, budgetVendorRoutes.ignore, ({ user, body }) => vendors.ignore(user, body.vendorName));
  bind(router, budgetVendorRoutes.unignore, async ({ user, params }) => void (await vendors.unignore(user, params.id)));
  bind(router, budgetSummaryRoutes.summary, ({ user, query }) => summarize(user, query));
  return router;
}
