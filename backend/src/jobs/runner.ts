import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, backoffStrategies } from 'agenda';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';

/** A failed job is retried after 1 s, 2 s, 4 s… up to 8 times; then it stays failed with its reason. */
const retryBackoff = backoffStrategies.exponential({ delay: 1000, maxRetries: 8 });

export interface JobDefinition {
  name: string;
  /** Human interval (`'1 hour'`) or cron expression; absent for jobs queued on demand. */
  every?: string;
  /** A periodic job whose first run waits one period, for work each process already does when it starts. */
  skipImmediate?: boolean;
  run: (data: unknown) => Promise<void>;
}

/**
 * Durable jobs stored in MongoDB (`jobs` collection) through Agenda: locked so one instance
 * runs each, retried by the next poll after a crash. `stop` waits for running jobs.
 */
export function createJobRunner(options: { db: Db; log: Logger; pollMs: number }) {
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: options.db, collection: 'jobs' }),
    processEvery: options.pollMs,
    maxConcurrency: 4,
    defaultConcurrency: 1,
  });
  const definitions: JobDefinition[] = [];

  function define(job: JobDefinition) {
    definitions.push(job);
    agenda.define(
      job.name,
      async (run) => {
        const started = Date.now();
        try {
          await job.run(run.attrs.data);
          options.log.debug({ job: job.name, ms: Date.now() - started }, 'job done'); // polling jobs run every few seconds
        } catch (error) {
          options.log.error({ err: error, job: job.name }, 'job failed');
          throw error;
        }
      },
      { backoff: retryBackoff },
    );
  }

  async function start() {
    await agenda.start();
    for (const job of definitions) {
      if (job.every) await agenda.every(job.every, job.name, undefined, { skipImmediate: job.skipImmediate ?? false });
    }
  }

  async function now(name: string, data: unknown = {}) {
    await agenda.now(name, data as Record<string, unknown>);
  }

  /** Stops polling and waits for the jobs in flight. */
  async function stop() {
    await agenda.drain();
  }

  return { define, start, now, stop, agenda };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
/** What services need of the runner: queueing work. */
export type JobQueue = Pick<JobRunner, 'now'>;
