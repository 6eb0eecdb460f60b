import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { routes } from '@panoramix/contracts';
import type { Task } from '@panoramix/contracts';
import { Types } from 'mongoose';
import { uploadFile, useTeam } from '../../test/harness.ts';
import { keyAfter } from '../lib/order-keys.ts';
import { NoteModel } from '../modules/notes/model.ts';
import { TaskModel } from '../modules/tasks/model.ts';
import type { ApiResponse } from '../../test/harness.ts';

// Command monitoring is a client option fixed at connection: this file's app connects with it on.
const connect = mongoose.connect.bind(mongoose);
vi.spyOn(mongoose, 'connect').mockImplementation((uri, options) => connect(uri, { ...options, monitorCommands: true }));

const uploadsDir = mkdtempSync(path.join(os.tmpdir(), 'panoramix-trips-'));
const t = useTeam({ UPLOADS_DIR: uploadsDir });
afterAll(() => rmSync(uploadsDir, { recursive: true, force: true }));

/** The database commands one request costs, as `<command> <collection>`, the caller's authentication included. */
async function tripsOf(request: () => Promise<ApiResponse>) {
  const seen: string[] = [];
  const record = (event: CommandStartedEvent) => {
    seen.push(`${event.commandName} ${String(event.command[event.commandName])}`);
  };
  const client = mongoose.connection.getClient();
  client.on('commandStarted', record);
  let res: ApiResponse;
  try {
    res = await request();
  } finally {
    client.off('commandStarted', record);
  }
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return { body: res.body, total: seen.length, project: seen.filter((c) => c.endsWith(' projects')).length, seen };
}

/** Scheduled jobs, the search worker and the alarm scan run on their own clocks: stopped, so only the request counts. */
const quietBackground = () =>
  Promise.all([t.app.server.jobs.stop(), t.app.server.services.indexer.stop(), t.app.server.services.alarmScheduler.stop()]);

const figures: Record<string, { total: number; project: number }> = {};
afterAll(() => console.table(figures));

async function measure(name: string, request: () => Promise<ApiResponse>) {
  const trips = await tripsOf(request);
  figures[name] = { total: trips.total, project: trips.project };
  return trips;
}

/**
 * Before the shared kernel (sharing/), a create cost 7 commands, 4 of them on the project (two
 * access reads, a touch, an audience read); an update or delete 7 or 8, 3 on the project; a move
 * between projects 10, 6 on projects. Each now costs one project round trip (a move too: the
 * project it leaves was reached by the first). The rest: the caller's authentication (the user and
 * the sign-in session, read side by side so that a revoked session stops at once), the item's
 * own read and write, and the search queue entries its events store in one batch: one insert, plus
 * one update when the item is still queued from its last write (here always: the worker is stopped).
 */
describe('round trips per write in a shared project', () => {
  it('one project round trip per create, update and delete of tasks, notes, sessions, lines, files and links', async () => {
    // The search queue entry each write stores still counts.
    await quietBackground();
    const api = t.alice.api;
    const projectId = t.shared.id;
    const task = (await measure('task create', () => api.post('/api/tasks', { title: 'x', projectId }))).body;
    await measure('task update', () => api.patch(`/api/tasks/${task.id}`, { title: 'y' }));
    await measure('task move to inbox', () => api.patch(`/api/tasks/${task.id}`, { projectId: null }));
    await measure('task move to project', () => api.patch(`/api/tasks/${task.id}`, { projectId }));
    await measure('task delete', () => api.delete(`/api/tasks/${task.id}`));

    const note = (await measure('note create', () => api.post('/api/notes', { title: 'x', projectId }))).body;
    await measure('note update', () => api.patch(`/api/notes/${note.id}`, { title: 'y' }));
    await measure('note delete', () => api.delete(`/api/notes/${note.id}`));

    const session = (await measure('session create', () => api.post('/api/note-sessions', { name: 'x', projectId }))).body;
    await measure('session update', () => api.patch(`/api/note-sessions/${session.id}`, { name: 'y' }));
    const line = (await measure('line create', () => api.post('/api/note-lines', { sessionId: session.id, content: 'l' }))).body;
    await measure('line update', () => api.patch(`/api/note-lines/${line.id}`, { content: 'm' }));
    await measure('line delete', () => api.delete(`/api/note-lines/${line.id}`));
    await measure('session delete', () => api.delete(`/api/note-sessions/${session.id}`));

    const file = (
      await measure('file upload', () => uploadFile(t.alice, { name: 'a.txt', bytes: 'a', type: 'text/plain' }, { projectId }))
    ).body;
    await measure('file update', () => api.patch(`/api/files/${file.id}`, { name: 'b.txt' }));
    await measure('file delete', () => api.delete(`/api/files/${file.id}`));

    const link = (await measure('link create', () => api.post('/api/links', { name: 'x', url: 'https://x.test', projectId })))
      .body;
    await measure('link update', () => api.patch(`/api/links/${link.id}`, { name: 'y' }));
    await measure('link click', () => api.post(`/api/links/${link.id}/click`));
    await measure('link delete', () => api.delete(`/api/links/${link.id}`));

    const write = (total: number) => ({ total, project: 1 });
    expect(figures).toEqual({
      // The first task of a project reads the first task's order key and starts the project's bound
      // (projects/model.ts taskTopRank); later ones read no task (see the budgets below).
      'task create': { total: 7, project: 2 },
      'task update': write(7),
      // The project it left hears `task.deleted` and keeps a tombstone for replicas; the inbox's bound goes down to the task's rank.
      'task move to inbox': write(9),
      'task move to project': { total: 8, project: 2 }, // the project's bound goes down to the task's rank
      'task delete': write(9), // a tombstone for replicas, the task kept a day for Annuler (tasks/trash.ts)
      'note create': write(5),
      'note update': write(7),
      'note delete': write(8),
      'session create': write(5),
      'session update': write(7),
      'line create': write(7), // the last line's order key, to go after it
      'line update': write(7),
      'line delete': write(7),
      'session delete': write(9), // its lines go first
      'file upload': write(5),
      'file update': write(7),
      'file delete': write(7),
      'link create': write(5),
      'link update': write(7),
      'link click': write(7),
      'link delete': write(8),
    });
  });
});

/**
 * What a route may cost after authentication (the caller's user and sign-in session, read side by
 * side, always the first two commands).
 * A list: the caller's projects (read once per request) and the page. A bulk change: the caller's
 * projects, one update, one read of what it changed, one touch of their projects, the search queue
 * entries of all its events in one write (plus one when some were queued already), whatever its size.
 */
const budgets = { list: 2, dashboard: 5, create: 3, bulk: 6 } as const;
type Kind = keyof typeof budgets;

/** Routes still over their budget, with what they cost at most now and why: they may not get dearer. */
const overBudget: Record<string, { commands: number; why: string }> = {
  'note lines': { commands: 3, why: 'a child list: its session is read to decide access before its lines' },
  'line in a project': { commands: 5, why: 'its session is read first, and the last line for its order key' },
  project: { commands: 5, why: 'the last project for its order key, the members for the DTO, the sync grant' },
};

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe('database commands per route, within budget', () => {
  const rows: Record<string, { kind: Kind; budget: number; commands: number; detail: string }> = {};
  afterAll(() => console.table(rows));

  async function cost(kind: Kind, name: string, request: () => Promise<ApiResponse>) {
    const { seen } = await tripsOf(request);
    expect(seen.slice(0, 2).sort(), `${name} starts with authentication`).toEqual(['find authsessions', 'find users']);
    const after = seen.slice(2);
    const budget = overBudget[name]?.commands ?? budgets[kind];
    rows[name] = { kind, budget, commands: after.length, detail: after.join(', ') };
  }

  it('every list, the dashboard, every create in a project and a bulk change of any size', async () => {
    await quietBackground();
    const { alice } = t;
    const projectId = t.shared.id;
    const other = (await alice.call(routes.projects.create, { body: { name: 'Other' } })).body;
    const tasks: Task[] = [];
    for (const [i, deadline] of [inDays(-2), inDays(1), inDays(10), null, inDays(-1)].entries()) {
      const body = { title: `t${i}`, projectId: i % 2 ? other.id : projectId, deadline };
      tasks.push((await alice.call(routes.tasks.create, { body })).body);
    }
    for (let i = 0; i < 6; i++) tasks.push((await alice.call(routes.tasks.create, { body: { title: `inbox ${i}` } })).body);
    await alice.call(routes.tasks.bulkComplete, { body: { ids: [tasks[0]!.id] } });
    await alice.call(routes.notes.create, { body: { title: 'project note', projectId } });
    await alice.call(routes.notes.create, { body: { title: 'inbox note' } });
    const session = (await alice.call(routes.noteSessions.create, { body: { name: 's', projectId } })).body;
    await alice.call(routes.noteLines.create, { body: { sessionId: session.id, content: 'l' } });
    await alice.call(routes.links.create, { body: { name: 'l', url: 'https://example.org' } });
    // More than a first batch (101 documents), written directly: a read of all of them costs no getMore.
    const many = Array.from({ length: 250 }, (_, i) => ({ _id: new Types.ObjectId(), i }));
    await TaskModel.insertMany(
      many.map(({ _id, i }) => ({
        _id,
        userId: alice.id,
        title: `many ${i}`,
        rank: keyAfter(null, _id),
        statusChangedAt: new Date(),
      })),
    );
    await NoteModel.insertMany(many.map(({ _id, i }) => ({ _id, userId: alice.id, title: `many ${i}` })));

    const call = alice.call;
    await cost('list', 'tasks', () => call(routes.tasks.list, { query: { limit: 50 } }));
    await cost('list', 'tasks of a project', () => call(routes.tasks.list, { query: { projectId, limit: 50 } }));
    await cost('list', 'inbox tasks, 200 a page', () => call(routes.tasks.list, { query: { projectId: 'none', limit: 200 } }));
    await cost('list', 'tasks, overdue', () => call(routes.tasks.list, { query: { overdue: 'true' } as never }));
    await cost('list', 'tasks, due within 3 days', () => call(routes.tasks.list, { query: { dueWithinDays: 3 } as never }));
    await cost('list', 'tasks by status, next page', () =>
      call(routes.tasks.list, { query: { status: 'todo,in_progress', limit: 2, cursor: `a0_${tasks[0]!.id}` } as never }),
    );
    await cost('list', 'notes', () => call(routes.notes.list, { query: {} }));
    await cost('list', 'notes of a project, searched', () => call(routes.notes.list, { query: { projectId, q: 'note' } }));
    await cost('list', 'note sessions', () => call(routes.noteSessions.list, { query: {} }));
    await cost('list', 'note lines', () => call(routes.noteLines.list, { query: { sessionId: session.id } }));
    await cost('list', 'links', () => call(routes.links.list, { query: {} }));
    await cost('list', 'projects', () => call(routes.projects.list, { query: {} }));
    await cost('dashboard', 'dashboard', () => call(routes.dashboard.get, { query: {} }));
    await cost('dashboard', 'dashboard, 7 days', () => call(routes.dashboard.get, { query: { window: '7d' } }));
    await cost('create', 'task in a project', () => call(routes.tasks.create, { body: { title: 'c', projectId } }));
    await cost('create', 'inbox task', () => call(routes.tasks.create, { body: { title: 'c' } }));
    await cost('create', 'note in a project', () => call(routes.notes.create, { body: { title: 'c', projectId } }));
    await cost('create', 'session in a project', () => call(routes.noteSessions.create, { body: { name: 'c', projectId } }));
    await cost('create', 'line in a project', () =>
      call(routes.noteLines.create, { body: { sessionId: session.id, content: 'c' } }),
    );
    await cost('create', 'link', () => call(routes.links.create, { body: { name: 'c', url: 'https://example.org/c' } }));
    await cost('create', 'project', () => call(routes.projects.create, { body: { name: 'c' } }));
    const open = tasks.slice(1).map((task) => task.id);
    await cost('bulk', 'complete 1 task', () => call(routes.tasks.bulkComplete, { body: { ids: open.slice(0, 1) } }));
    await cost('bulk', 'complete 9 tasks, 2 projects and the inbox', () =>
      call(routes.tasks.bulkComplete, { body: { ids: open.slice(1) } }),
    );

    expect(rows['complete 9 tasks, 2 projects and the inbox']!.commands).toBe(rows['complete 1 task']!.commands);
    // On top of the inbox from the bound kept on the user (tasks/rank.ts), as in a project: no read of the tasks.
    expect(rows['inbox task']!.detail).not.toContain('find tasks');
    expect(rows['task in a project']!.detail).not.toContain('find tasks');
    const over = Object.entries(rows).filter(([, row]) => row.commands > row.budget);
    expect(over.map(([name, row]) => `${name}: ${row.commands} > ${row.budget} (${row.detail})`)).toEqual([]);
  });
});
