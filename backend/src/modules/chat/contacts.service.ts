import type { Contact, Person } from '@panoramix/contracts';
import type { Types } from 'mongoose';
import type { AuthUser } from '../../http/auth-guard.ts';
import { badRequest, notFound } from '../../http/problem.ts';
import { after, byOldest, sortOf, toPage } from '../../lib/pagination.ts';
import { escapeRegex } from '../../lib/text.ts';
import { UserModel } from '../users/model.ts';
import { ContactModel } from './contacts.model.ts';
import type { ContactDoc } from './contacts.model.ts';
import { isDuplicateKey } from '../../db/duplicate-key.ts';

type Profile = { _id: Types.ObjectId; username: string; displayName: string };
const toPerson = (u: Profile): Person => ({ id: String(u._id), username: u.username, displayName: u.displayName });
const profileFields = { username: 1, displayName: 1 };

/** A user's contacts list, and the search that finds people to add. */
export function createContactService() {
  async function toDtos(rows: ContactDoc[]): Promise<Contact[]> {
    const users = await UserModel.find({ _id: { $in: rows.map((r) => r.contactId) } }, profileFields).lean<Profile[]>();
    const byId = new Map(users.map((u) => [String(u._id), u]));
    return rows.flatMap((r) => {
      const user = byId.get(String(r.contactId));
      return user ? [{ id: String(r._id), user: toPerson(user), createdAt: r.createdAt.toISOString() }] : [];
    });
  }

  async function list(actor: AuthUser, query: { limit: number; cursor?: string | undefined }) {
    const rows = await ContactModel.find({ userId: actor.id, ...after(byOldest, query.cursor) })
      .sort(sortOf(byOldest))
      .limit(query.limit + 1)
      .lean<ContactDoc[]>();
    const page = toPage(rows, query.limit, byOldest, (row) => row);
    return { items: await toDtos(page.items), nextCursor: page.nextCursor };
  }

  async function add(actor: AuthUser, userId: string): Promise<Contact> {
    const invalid = (message: string) => badRequest(`body.userId: ${message}`, [{ path: 'body.userId', message }]);
    if (userId === actor.id) throw invalid('cannot be yourself');
    if (!(await UserModel.exists({ _id: userId, disabled: false }))) throw invalid('no such user');
    const key = { userId: actor.id, contactId: userId };
    try {
      await ContactModel.updateOne(key, { $setOnInsert: key }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // added twice at once: the first one stands
    }
    const row = await ContactModel.findOne(key).lean<ContactDoc>();
    return (await toDtos([row!]))[0]!;
  }

  async function remove(actor: AuthUser, id: string) {
    const { deletedCount } = await ContactModel.deleteOne({ _id: id, userId: actor.id });
    if (deletedCount === 0) throw notFound('Contact');
  }

  /** Username prefix or display-name substring, case-insensitive, literal (no user regex); active accounts but mine. */
  async function searchUsers(actor: AuthUser, query: { q: string; limit: number }) {
    const text = escapeRegex(query.q);
    const users = await UserModel.find(
      {
        _id: { $ne: actor.id },
        disabled: false,
        $or: [{ username: new RegExp(`^${text}`, 'i') }, { displayName: new RegExp(text, 'i') }],
      },
      profileFields,
    )
      .sort({ username: 1 })
      .limit(query.limit)
      .lean<Profile[]>();
    const contacts = await ContactModel.find({ userId: actor.id, contactId: { $in: users.map((u) => u._id) } }).lean();
    const known = new Set(contacts.map((c) => String(c.contactId)));
    return { items: users.map((u) => ({ ...toPerson(u), isContact: known.has(String(u._id)) })) };
  }

  return { list, add, remove, searchUsers };
}

export type ContactService = ReturnType<typeof createContactService>;
