import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportedCollections } from '../src/modules/export/collections.ts';
import { writeArchive } from '../src/modules/export/write-archive.ts';
import { archiveFrames, seedEveryModule, treeDigest } from './dataset.ts';
import { useTestApp } from './harness.ts';
import { repoRoot } from './nginx.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'panoramix-ops-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sh(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('bash', [path.join(repoRoot, script), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('shell scripts', () => {
  it('pass shellcheck, every one of them', () => {
    const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.sh', '.ci/run'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const scripts = tracked.split('\n').filter((f) => f && existsSync(path.join(repoRoot, f)));
    expect(scripts).toEqual(
      expect.arrayContaining(['scripts/deploy.sh', 'scripts/backup.sh', 'scripts/restore.sh', 'nginx/render.sh']),
    );
    const result = spawnSync('shellcheck', ['-x', ...scripts], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('deploy.sh', () => {
  const deployDir = path.join(work, 'deploy');
  const bin = path.join(work, 'bin');
  const calls = path.join(work, 'docker-calls.log');

  beforeAll(() => {
    mkdirSync(deployDir, { recursive: true });
    mkdirSync(bin, { recursive: true });
    // A stand-in Docker engine (none runs here): it logs every call, reports the Organizer network
    // and containers present, and reports a stack started with PANORAMIX_TAG=broken as unhealthy.
    writeFileSync(
      path.join(bin, 'docker'),
      `#!/bin/sh
echo "$PANORAMIX_TAG docker $*" >> ${calls}
case "$*" in
  "compose -f docker-compose.prod.yml up"*) echo "$PANORAMIX_TAG" > ${work}/running-tag ;;
  *State.Health.Status*) if [ "$(cat ${work}/running-tag)" = broken ]; then echo unhealthy; else echo healthy; fi ;;
  *State.Running*) echo true ;;
esac
exit 0
`,
    );
    chmodSync(path.join(bin, 'docker'), 0o755);
  });

  const deploy = (args: string[], tag: string) =>
    sh('scripts/deploy.sh', args, {
      PATH: `${bin}:${process.env.PATH}`,
      DEPLOY_DIR: deployDir,
      PANORAMIX_TAG: tag,
      MIN_FREE_MB: '1',
      HEALTH_TIMEOUT: '2',
      HEALTH_INTERVAL: '1',
    });

  it('--dry-run prints every step and changes nothing', () => {
    const { code, out } = deploy(['--dry-run'], 'v1');
    expect(code).toBe(0);
    const steps = out.split('\n').filter((l) => l.startsWith('[dry-run]'));
    for (const expected of [
      /check .*df -Pm/,
      /check .*docker network inspect organizer-network/,
      /check .*organizer-mongodb/,
      /check .*organizer-qdrant/,
      /check .*\.env/,
      /docker build .*--target api -t panoramix-api:v1/,
      /docker build .*--target web -t panoramix-web:v1/,
      /cp .*docker-compose\.prod\.yml .*backup\.sh .*restore\.sh/,
      /PANORAMIX_TAG='v1' docker compose -f docker-compose\.prod\.yml up -d/,
      /wait up to 2 s .*healthy/,
      /echo 'v1' > .*\.deployed-tag/,
    ]) {
      expect(
        steps.some((l) => expected.test(l)),
        String(expected),
      ).toBe(true);
    }
    expect(readdirSync(deployDir)).toEqual([]);
    expect(existsSync(calls)).toBe(false);
  });

  it('refuses to deploy without the Organizer stack', () => {
    writeFileSync(path.join(deployDir, '.env'), 'JWT_SECRET=x\n');
    const { code, err } = sh('scripts/deploy.sh', [], { DEPLOY_DIR: deployDir, PANORAMIX_TAG: 'v0', MIN_FREE_MB: '1' });
    expect(code).toBe(1);
    expect(err).toMatch(/docker network organizer-network missing/);
  });

  it('deploys, then rolls back to the previous images when the new ones are not healthy', () => {
    const first = deploy([], 'v1');
    expect(first.code, first.err).toBe(0);
    expect(readFileSync(path.join(deployDir, '.deployed-tag'), 'utf8').trim()).toBe('v1');
    expect(readdirSync(deployDir)).toEqual(expect.arrayContaining(['docker-compose.prod.yml', 'backup.sh', 'restore.sh']));

    appendFileSync(calls, '--- second deploy\n');
    const second = deploy([], 'broken');
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/broken was not healthy; rolled back to v1/);
    expect(readFileSync(path.join(work, 'running-tag'), 'utf8').trim()).toBe('v1');
    expect(readFileSync(path.join(deployDir, '.deployed-tag'), 'utf8').trim()).toBe('v1');
    const log = readFileSync(calls, 'utf8').split('--- second deploy')[1]!;
    expect(log).toMatch(/docker build .*panoramix-api:broken/);
    expect(log).toMatch(/broken docker compose .* up -d[\s\S]*v1 docker compose .* up -d/);
  });
});

describe('backup.sh and restore.sh (application export: no MongoDB container here)', () => {
  const uploadsDir = path.join(work, 'uploads');
  const backupDir = path.join(work, 'backups');
  const remote = path.join(work, 'remote');
  const dbName = `test_backup_${process.pid}`;
  const ctx = useTestApp({ UPLOADS_DIR: uploadsDir, MONGODB_DB: dbName, OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1' });
  const env = () => ({
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: dbName,
    UPLOADS_DIR: uploadsDir,
    DATA_DIR: path.join(work, 'data'),
    NODE_ENV: 'test',
    BACKUP_DIR: backupDir,
    BACKUP_REMOTE: remote,
  });
  const freshExport = async (name: string) => {
    const summary = await writeArchive({
      target: { kind: 'instance' },
      archive: path.join(work, `${name}.ndjson.gz`),
      uploadsDir,
    });
    return { frames: archiveFrames(summary.archive), files: await treeDigest(uploadsDir) };
  };

  it('backs up, and after the database and the uploads are wiped, restores the same content', async () => {
    await seedEveryModule(ctx.app);
    mkdirSync(path.join(backupDir, '20200101T031500Z'), { recursive: true }); // older than 7 days
    mkdirSync(remote);
    const before = await freshExport('before');

    const backup = sh('scripts/backup.sh', [], env());
    expect(backup.code, backup.err).toBe(0);
    const [stamp, ...others] = readdirSync(backupDir);
    expect(others).toEqual([]); // the 2020 backup was rotated out
    expect(stamp).toMatch(/^\d{8}T\d{6}Z$/);
    const folder = path.join(backupDir, stamp!);
    expect(readdirSync(folder).sort()).toEqual(['SHA256SUMS', 'panoramix.files.tar', 'panoramix.ndjson.gz']);
    expect(readdirSync(path.join(remote, stamp!)).sort()).toEqual(['SHA256SUMS', 'panoramix.files.tar', 'panoramix.ndjson.gz']);

    const db = mongoose.connection.db!;
    for (const { model } of exportedCollections) await db.collection(model.collection.collectionName).deleteMany({});
    rmSync(uploadsDir, { recursive: true, force: true });
    expect((await freshExport('wiped')).frames.filter((f) => f.doc)).toEqual([]);

    const restore = sh('scripts/restore.sh', [folder], env());
    expect(restore.code, restore.err).toBe(0);
    const after = await freshExport('after');
    expect(after.frames).toEqual(before.frames);
    expect(after.files).toEqual(before.files);
    for (const { name } of exportedCollections) {
      expect(
        before.frames.some((f) => f.collection === name && f.doc),
        `${name} has data in the round trip`,
      ).toBe(true);
    }
  }, 120_000); // two CLI processes and three exports: 17.6 s quiet, past 20 s beside the other files

  it('restores nothing from a damaged backup', () => {
    const [stamp] = readdirSync(backupDir);
    const folder = path.join(backupDir, stamp!);
    appendFileSync(path.join(folder, 'panoramix.ndjson.gz'), 'x');
    const restore = sh('scripts/restore.sh', [folder], env());
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(/backup is damaged; nothing restored/);
  });
});
