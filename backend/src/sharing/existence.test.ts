import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { uploadFile, useTeam } from '../../test/harness.ts';
import type { ApiResponse } from '../../test/harness.ts';

const t = useTeam();
const noSuchProject = '0123456789abcdef01234567';

/** The answer as a client reads it, but for the request id that differs on every request. */
const shapeOf = (res: ApiResponse) => {
  const { requestId, ...body } = res.body as { requestId: string };
  expect(requestId).toEqual(expect.any(String));
  return { status: res.status, type: res.headers.get('content-type'), body };
};

/**
 * Naming a project in a write must not tell whether it exists: someone else's project and an id
 * that matches nothing answer the same 400 on the field (it used to be 404 for the former, 400 for the latter).
 */
describe('a project named in a write', () => {
  it.each([
    ['POST /api/tasks', (projectId: string) => t.eve.call(routes.tasks.create, { body: { title: 'x', projectId } })],
    ['POST /api/notes', (projectId: string) => t.eve.call(routes.notes.create, { body: { title: 'x', projectId } })],
    [
      'POST /api/note-sessions',
      (projectId: string) => t.eve.call(routes.noteSessions.create, { body: { name: 'x', projectId } }),
    ],
    [
      'POST /api/files',
      (projectId: string) => uploadFile(t.eve, { name: 'a.txt', bytes: 'a', type: 'text/plain' }, { projectId }),
    ],
  ])('%s answers the same for a project of others and for no project', async (_route, write) => {
    const others = shapeOf(await write(t.shared.id));
    expect(others).toEqual(shapeOf(await write(noSuchProject)));
    expect(others).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'body.projectId', message: 'no such project' }] },
    });
  });

  it.each(['tasks', 'notes', 'note-sessions'])('PATCH /api/%s/:id moving into it answers the same', async (route) => {
    const body = route === 'note-sessions' ? { name: 'mine' } : { title: 'mine' };
    const mine = (await t.eve.api.post(`/api/${route}`, body)).body as { id: string };
    const move = (projectId: string) => t.eve.api.patch(`/api/${route}/${mine.id}`, { projectId });
    const others = shapeOf(await move(t.shared.id));
    expect(others).toEqual(shapeOf(await move(noSuchProject)));
    expect(others.status).toBe(400);
  });
});
