import type { JobQueue } from '../../jobs/runner.ts';
import type { Logger } from '../../lib/logger.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { booksJobs } from './books/rebuild.ts';
import { createBudgetImportService } from './imports/service.ts';
import { createBudgetLineService } from './lines/service.ts';
import { createBudgetReviewService } from './review.ts';
import { createVendorService } from './vendors.ts';

/** The budget module's services and its jobs (imports, the trash purge), wired once in services.ts. */
export function createBudgetServices(deps: { events: EventBus; jobs: JobQueue; logger: Logger; uploadsDir: string }) {
  const lines = createBudgetLineService({ events: deps.events });
  const imports = createBudgetImportService(deps);
  const review = createBudgetReviewService({ events: deps.events, lines });
  return {
    lines,
    imports,
    review,
    vendors: createVendorService({ events: deps.events }),
    jobs: [...lines.jobs, ...imports.jobs, ...booksJobs],
  };
}

export type BudgetServices = ReturnType<typeof createBudgetServices>;
