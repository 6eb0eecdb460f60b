import type { Attachment } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import { badRequest } from '../../http/problem.ts';
import { FileModel } from './model.ts';
import type { FileDoc } from './model.ts';

/** What a message shows of each attached file. */
const toAttachment = (f: FileDoc): Attachment => ({ id: String(f._id), name: f.name, size: f.size, mimeType: f.mimeType });

/**
 * Attaches the sender's own unattached files to a new message. All or none: when one is not
 * theirs, already attached or in a project, those just claimed are released. Project files stay
 * out: the project's deletion and its members' lists would otherwise reach into a room.
 */
export async function attachFiles(userId: string, fileIds: readonly string[], roomId: Types.ObjectId, messageId: Types.ObjectId) {
  if (fileIds.length === 0) return;
  const claimed = await FileModel.updateMany(
    { _id: { $in: fileIds }, userId, messageId: null, projectId: null },
    { $set: { roomId, messageId } },
  );
  if (claimed.modifiedCount === fileIds.length) return;
  await FileModel.updateMany({ userId, messageId }, { $set: { roomId: null, messageId: null } });
  const why = 'each must be a file of mine, outside any project, not attached to another message';
  throw badRequest(`body.fileIds: ${why}`, [{ path: 'body.fileIds', message: why }]);
}

/** The attachments of messages, by message id, in one query (none when no message has files). */
export async function attachmentsOf(messages: { _id: Types.ObjectId; fileIds?: Types.ObjectId[] | null }[]) {
  const byMessage = new Map<string, Attachment[]>();
  const ids = messages.filter((m) => m.fileIds && m.fileIds.length > 0).map((m) => m._id);
  if (ids.length === 0) return byMessage;
  const rows = await FileModel.find({ messageId: { $in: ids } })
    .sort({ _id: 1 })
    .lean<FileDoc[]>();
  for (const row of rows) {
    const key = String(row.messageId);
    byMessage.set(key, [...(byMessage.get(key) ?? []), toAttachment(row)]);
  }
  return byMessage;
}
