// P1 slice benchmark: one user with 10k tasks (in 20 projects and the inbox) and 2k notes;
// list, filter, create and dashboard latency with 50 concurrent clients.
import { connections, durationMs, startBenchApi } from './api-process.ts';
import { printResults, runLoad } from './load.ts';

const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const NOTES = Number(process.env.BENCH_NOTES ?? 2_000);

export async function p1Bench() {
  const api = await startBenchApi();
  try {
    const auth = await api.register({ username: 'p1_bench', password: 'bench-password-123' });
    const seededAt = performance.now();
    const projects = await api.seed(auth, '/api/projects', 20, (i) => ({ name: `Project ${i}` }));
    const statuses = ['todo', 'in_progress', 'done', 'cancelled', 'idea'];
    await api.seed(auth, '/api/tasks', TASKS, (i) => ({
      title: `Task ${i}`,
      projectId: i % 5 === 0 ? null : projects[i % projects.length],
      status: statuses[i % statuses.length],
      deadline: i % 3 === 0 ? new Date(Date.now() + ((i % 30) - 10) * 86_400_000).toISOString() : null,
    }));
    await api.seed(auth, '/api/notes', NOTES, (i) => ({
      title: `Note ${i}`,
      content: `Body of note ${i}`,
      projectId: projects[i % projects.length],
    }));
    console.log(
      `\n## P1 slice\nseeded ${TASKS} tasks and ${NOTES} notes in ${((performance.now() - seededAt) / 1000).toFixed(0)} s`,
    );

    const common = { connections, durationMs, headers: auth, expect: 200 };
    const results = [
      await runLoad({ ...common, label: 'GET /api/tasks?limit=50', url: `${api.base}/api/tasks?limit=50` }),
      await runLoad({
        ...common,
        label: 'GET /api/tasks?projectId&status=todo',
        url: `${api.base}/api/tasks?limit=50&status=todo&projectId=${projects[1]}`,
      }),
      await runLoad({ ...common, label: 'GET /api/tasks?overdue=true', url: `${api.base}/api/tasks?limit=50&overdue=true` }),
      await runLoad({ ...common, label: 'GET /api/notes?limit=50', url: `${api.base}/api/notes?limit=50` }),
      await runLoad({
        ...common,
        label: 'POST /api/tasks',
        url: `${api.base}/api/tasks`,
        method: 'POST',
        body: (i) => JSON.stringify({ title: `Bench ${i}`, projectId: projects[i % projects.length] }),
        expect: 201,
      }),
      await runLoad({ ...common, label: 'GET /api/dashboard', url: `${api.base}/api/dashboard` }),
    ];
    printResults(results);
  } finally {
    await api.stop();
  }
}
