import { spawn } from 'node:child_process';
import { expect, inject, it, onTestFinished } from 'vitest';

it('a process whose job runner ran a job and was stopped ends by itself', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/job-runner-exit.ts', inject('mongoUri'), `job_exit_${process.pid}`],
    { cwd: `${import.meta.dirname}/..`, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  onTestFinished(() => void child.kill('SIGKILL'));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Agenda's still-alive check slept half a lock lifetime (5 min) after the job ended: the process
  // stayed open that long after a graceful shutdown (patches/agenda+6.2.6.patch).
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(output).toContain('stopped');
  expect(code).toBe(0);
}, 30_000);
