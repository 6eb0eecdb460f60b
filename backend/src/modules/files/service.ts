import { stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { StoredFile } from '@panoramix/contracts';
import type { Response } from 'express';
import { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { conflict, notFound } from '../../http/problem.ts';
import type { UploadedFile } from '../../http/upload.ts';
import { allOf } from '../../lib/filters.ts';
import { after, byNewest, sortOf, toPage } from '../../lib/pagination.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { idOrNull, isoOrNull, projectContentBase } from '../../lib/dto.ts';
import { enterProject, memberProjectIds, projectAudience, projectScope } from '../../sharing/access.ts';
import { checkFileType } from './file-type-check.ts';
import { FileModel } from './model.ts';
import type { FileDoc } from './model.ts';
import { deliveryHeaders } from './storage.ts';
import type { FileStorage } from './storage.ts';

const ATTACHED = 'A chat attachment keeps its name and place; delete the message instead';

export const toFileDto = (f: FileDoc): StoredFile => ({
  ...projectContentBase(f),
  roomId: idOrNull(f.roomId),
  messageId: idOrNull(f.messageId),
  name: f.name,
  originalName: f.originalName,
  size: f.size,
  mimeType: f.mimeType,
  clicksCount: f.clicksCount,
  lastClickedAt: isoOrNull(f.lastClickedAt),
});

/**
 * Who reaches a file: its uploader; the members of its project; the members of the room whose
 * message carries it (read only). Anyone else gets 404. Changing or deleting it is for its
 * uploader and, for a project file that is not attached to a message, the project's members.
 */
/**
 * What files need to know of chat rooms. Chat provides it (services.ts): chat depends on files,
 * whose attachments its messages carry, so files must not depend on chat.
 */
export interface RoomDirectory {
  /** The rooms the user is a member of now. */
  memberRoomIds(userId: string): Promise<Types.ObjectId[]>;
  /** A room's members; none when it is gone. */
  memberIdsOf(roomId: Types.ObjectId): Promise<string[]>;
}

export function createFileService(deps: { events: EventBus; storage: FileStorage; rooms: RoomDirectory }) {
  const { events, storage, rooms } = deps;

  async function visibleFilter(actor: AuthUser) {
    return {
      $or: [
        { userId: new Types.ObjectId(actor.id) },
        { projectId: { $in: await memberProjectIds(actor) } },
        { roomId: { $in: await rooms.memberRoomIds(actor.id) } },
      ],
    };
  }

  async function findVisible(actor: AuthUser, id: string): Promise<FileDoc> {
    const file = await FileModel.findOne(allOf({ _id: id }, await visibleFilter(actor))).lean<FileDoc>();
    if (!file) throw notFound('File');
    return file;
  }

  /** Who sees a file: its uploader, its project's members and its room's, given its project's. */
  async function audience(file: FileDoc, projectMembers: readonly string[] | null): Promise<string[]> {
    const users = new Set([String(file.userId), ...(projectMembers ?? [])]);
    if (file.roomId) for (const member of await rooms.memberIdsOf(file.roomId)) users.add(member);
    return [...users];
  }

  /**
   * A file the caller may change, with who sees it: 404 when they cannot see it, 403-free: seeing
   * without managing is 404 too. Its project's activity is recorded in the round trip that reads its members.
   */
  async function findManaged(actor: AuthUser, id: string): Promise<{ file: FileDoc; audience: string[] }> {
    // Access is decided below: the uploader, or a member of its project (the project query's filter).
    const file = await FileModel.findOne({ _id: id }).setOptions({ tenancy: 'system' }).lean<FileDoc>();
    if (!file) throw notFound('File');
    const uploader = String(file.userId) === actor.id;
    if (!uploader && (!file.projectId || file.messageId)) throw notFound('File');
    const members = file.projectId ? await projectAudience(file.projectId, uploader ? undefined : actor.id) : null;
    if (!uploader && !members) throw notFound('File');
    return { file, audience: await audience(file, members) };
  }

  const announce = (type: 'file.created' | 'file.updated', actor: AuthUser, file: FileDoc, to: string[]) =>
    events.emit({ type, userId: actor.id, data: toFileDto(file), audience: to });

  async function announceDeleted(actor: AuthUser, file: FileDoc, to: string[]) {
    const data = { id: String(file._id), projectId: idOrNull(file.projectId), roomId: idOrNull(file.roomId) };
    await events.emit({ type: 'file.deleted', userId: actor.id, data, audience: to });
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined; projectId?: string | undefined }) {
    const clauses = [await visibleFilter(actor), await projectScope(actor, query.projectId), after(byNewest, query.cursor)];
    const rows = await FileModel.find(allOf(...clauses))
      .sort(sortOf(byNewest))
      .limit(query.limit + 1)
      .lean<FileDoc[]>();
    return toPage(rows, query.limit, byNewest, toFileDto);
  }

  const get = async (actor: AuthUser, id: string) => toFileDto(await findVisible(actor, id));

  async function upload(
    actor: AuthUser,
    received: UploadedFile,
    fields: { projectId?: string | undefined; name?: string | undefined },
  ) {
    const members = await enterProject(actor, fields.projectId);
    const mimeType = await checkFileType(received);
    const name = fields.name ?? received.originalname;
    const storedFileName = await storage.keep(actor.id, received.path, name, received.originalname);
    const created = await FileModel.create({
      userId: actor.id,
      projectId: fields.projectId ?? null,
      name,
      originalName: received.originalname,
      storedFileName,
      size: received.size,
      mimeType,
    }).catch(async (error: unknown) => {
      await storage.discard([{ userId: actor.id, storedFileName }]); // no document: no bytes either
      throw error;
    });
    const file = created.toObject() as FileDoc;
    await announce('file.created', actor, file, await audience(file, members));
    return toFileDto(file);
  }

  /**
   * Streams the bytes. A download counts as a click (Panorama's `clicksCount`), except for chat
   * attachments, which every member's view fetches to show them.
   */
  async function download(actor: AuthUser, id: string, res: Response) {
    const file = await findVisible(actor, id);
    await send(file, res, { countClick: !file.messageId });
  }

  /** One of `ownerId`'s own files of one of `mimeTypes` (an avatar candidate), or null. */
  async function ownFileOfType(ownerId: string, id: string, mimeTypes: readonly string[]): Promise<FileDoc | null> {
    const file = await FileModel.findOne({ _id: id, userId: ownerId }).lean<FileDoc>();
    return file && mimeTypes.includes(file.mimeType) ? file : null;
  }

  /** The bytes of `file`, for a caller another module has let in (an avatar is for anyone signed in). */
  async function send(file: FileDoc, res: Response, options: { countClick: boolean }) {
    const onDisk = await stat(storage.pathOf(file)).catch(() => null);
    if (!onDisk?.isFile()) throw notFound('File content');
    if (options.countClick) {
      await FileModel.updateOne(
        { _id: file._id, userId: file.userId },
        { $inc: { clicksCount: 1 }, $set: { lastClickedAt: new Date() } },
        { timestamps: false },
      );
    }
    res.status(200).set(deliveryHeaders({ ...file, size: onDisk.size }));
    await pipeline(createReadStream(storage.pathOf(file)), res).catch((error: unknown) => {
      if (!res.destroyed) throw error; // the client went away (a thumbnail scrolled off): nothing went wrong here
    });
  }

  async function update(
    actor: AuthUser,
    id: string,
    patch: { name?: string | undefined; projectId?: string | null | undefined },
  ) {
    const { file: current, audience: before } = await findManaged(actor, id);
    if (current.messageId) throw conflict(ATTACHED);
    const moving = patch.projectId !== undefined && String(patch.projectId) !== String(current.projectId ?? null);
    const members = moving && patch.projectId ? await enterProject(actor, patch.projectId) : null;
    // Still unattached: the uploader may have attached it to a message since it was read.
    const updated = await FileModel.findOneAndUpdate(
      { _id: current._id, userId: current.userId, messageId: null },
      { $set: patch },
      { returnDocument: 'after' },
    ).lean<FileDoc>();
    if (!updated)
      throw (await FileModel.exists({ _id: current._id, userId: current.userId })) ? conflict(ATTACHED) : notFound('File');
    const audienceAfter = moving ? await audience(updated, members) : before;
    const now = new Set(audienceAfter);
    const gone = before.filter((userId) => !now.has(userId));
    if (gone.length > 0) await announceDeleted(actor, current, gone);
    await announce('file.updated', actor, updated, audienceAfter);
    return toFileDto(updated);
  }

  /** Bytes first, then the document: a crash in between leaves a document whose download answers 404, never orphan bytes. */
  async function removeDocs(files: FileDoc[]) {
    await storage.discard(files);
    if (files.length > 0) await FileModel.deleteMany({ _id: { $in: files.map((f) => f._id) } }).setOptions({ tenancy: 'system' });
  }

  async function remove(actor: AuthUser, id: string) {
    const { file, audience: to } = await findManaged(actor, id);
    await removeDocs([file]);
    await announceDeleted(actor, file, to);
  }

  /** A deleted message takes its files with it; its room's members are told. */
  async function removeAttachments(actor: AuthUser, messageId: Types.ObjectId, audienceIds: string[]) {
    const files = await FileModel.find({ messageId }).lean<FileDoc[]>();
    await removeDocs(files);
    for (const file of files) await announceDeleted(actor, file, [...new Set([...audienceIds, String(file.userId)])]);
  }

  /** Cascades (room or project deletion): no event, the container's own deletion tells the members. */
  async function removeWhere(filter: { roomId: string } | { projectId: string }) {
    const files = await FileModel.find(filter).lean<FileDoc[]>();
    await removeDocs(files);
  }

  return {
    list,
    get,
    upload,
    download,
    ownFileOfType,
    send,
    update,
    remove,
    removeAttachments,
    removeRoomFiles: (roomId: string) => removeWhere({ roomId }),
    removeProjectContent: (projectId: string) => removeWhere({ projectId }),
  };
}

export type FileService = ReturnType<typeof createFileService>;
