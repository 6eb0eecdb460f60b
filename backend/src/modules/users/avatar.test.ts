import { routes } from '@panoramix/contracts';
import { describe, expect, it } from 'vitest';
import { byId, expectProblem, tinyPng, uploadFile, useTestApp } from '../../../test/harness.ts';
import type { TestUser } from '../../../test/harness.ts';

const ctx = useTestApp();

const uploadPng = async (user: TestUser) =>
  (await uploadFile(user, { name: 'me.png', bytes: tinyPng, type: 'image/png' })).body.id as string;
const setAvatar = (user: TestUser, fileId: string | null) => user.call(routes.users.setAvatar, { body: { fileId } });
const avatarOf = (viewer: TestUser, userId: string) => viewer.api.get(`/api/users/${userId}/avatar`);

describe('avatars', () => {
  it('shows my uploaded image to anyone signed in, until I remove it', async () => {
    const [ada, ben] = [await ctx.app.newUser(), await ctx.app.newUser()];
    const fileId = await uploadPng(ada);
    const set = await setAvatar(ada, fileId);
    expect(set.body).toMatchObject({ id: ada.id, avatarFileId: fileId });
    expect((await ada.call(routes.auth.me)).body.avatarFileId).toBe(fileId);

    const seen = await avatarOf(ben, ada.id); // ben shares nothing with ada, yet sees her avatar
    expect(seen.status).toBe(200);
    expect(seen.headers.get('content-type')).toBe('image/png');
    expectProblem(await ctx.app.client().get(`/api/users/${ada.id}/avatar`), 401);

    expect((await setAvatar(ada, null)).body.avatarFileId).toBeNull();
    expectProblem(await avatarOf(ben, ada.id), 404);
  });

  it('refuses a file that is not an image, or not mine, naming the field', async () => {
    const [ada, ben] = [await ctx.app.newUser(), await ctx.app.newUser()];
    const text = (await uploadFile(ada, { name: 'notes.txt', bytes: 'hello', type: 'text/plain' })).body.id as string;
    expect(expectProblem(await setAvatar(ada, text), 400).errors?.[0]?.path).toBe('body.fileId');
    const bens = await uploadPng(ben);
    expectProblem(await setAvatar(ada, bens), 400);
    expect((await ada.call(routes.auth.me)).body.avatarFileId).toBeNull();
    expectProblem(await avatarOf(ben, ada.id), 404);
  });

  it('falls back to none once the image is deleted from Fichiers', async () => {
    const ada = await ctx.app.newUser();
    const fileId = await uploadPng(ada);
    await setAvatar(ada, fileId);
    expect((await ada.call(routes.files.remove, byId(fileId))).status).toBe(204);
    expectProblem(await avatarOf(ada, ada.id), 404);
  });
});
