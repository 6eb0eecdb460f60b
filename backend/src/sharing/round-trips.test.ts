import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import mongoose from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { uploadFile, useTeam } from '../../test/harness.ts';
import type { ApiResponse } from '../../test/harness.ts';

// Command monitoring is a client option fixed at connection: this file's app connects with it on.
const connect = mongoose.connect.bind(mongoose);
vi.spyOn(mongoose, 'connect').mockImplementation((uri, options) => connect(uri, { ...options, monitorCommands: true }));

const uploadsDir = mkdtempSync(path.join(os.tmpdir(), 'panoramix-trips-'));
const t = useTeam({ UPLOADS_DIR: uploadsDir });
afterAll(() => rmSync(uploadsDir, { recursive: true, force: true }));

/** The database commands one request costs, as `<command> <collection>`. */
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
 * project it leaves was reached by the first). The rest: the caller's session read, the item's
 * own read and write, and the search queue entry each event stores.
 */
describe('round trips per write in a shared project', () => {
  it('one project round trip per create, update and delete of tasks, notes, sessions, lines and files', async () => {
    // Scheduled jobs and the search worker run on their own clocks; the queue entry each write stores still counts.
    await Promise.all([t.app.server.jobs.stop(), t.app.server.services.indexer.stop()]);
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

    const write = (total: number) => ({ total, project: 1 });
    expect(figures).toEqual({
      'task create': write(5), // the first task's order key, to go above it
      'task update': write(5),
      'task move to inbox': write(6), // the project it left hears `task.deleted`: one more queue entry
      'task move to project': write(5),
      'task delete': write(5),
      'note create': write(4),
      'note update': write(5),
      'note delete': write(5),
      'session create': write(4),
      'session update': write(5),
      'line create': write(6), // the last line's order key, to go after it
      'line update': write(5),
      'line delete': write(5),
      'session delete': write(6), // its lines go first
      'file upload': write(4),
      'file update': write(5),
      'file delete': write(5),
    });
  });
});
