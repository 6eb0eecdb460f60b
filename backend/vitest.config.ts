import { defineConfig } from 'vitest/config';

// Two tiers (see TESTING.md): `unit` needs neither a database nor the app, so it starts in a
// second; `database` starts one database server for the run (globalSetup) and each file its own
// app on its own database. `vitest run --project unit` runs the fast tier alone.
const unit = ['src/**/*.unit.test.ts', 'test/**/*.unit.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    // Each database file starts its own app on its own database; two cores run two files at a time.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // What a test waits for (a job, an event, another process) can take seconds on a loaded
    // two-core CI machine against FerretDB: a poll gives up after 10 s, not vitest's 1 s.
    expect: { poll: { timeout: 10_000 } },
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: {
          name: 'database',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: unit,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/index-coverage/record.ts'],
        },
      },
    ],
  },
});
