import type { Types } from 'mongoose';
import { PreferencesModel } from '../preferences/model.ts';
import { UserModel } from '../users/model.ts';

/** Panorama ran its alarms in the server's zone, Europe/Paris for its users; ours need one. */
const DEFAULT_TIME_ZONE = 'Europe/Paris';

async function userNamed(username: string) {
  const user = await UserModel.findOne({ username: username.toLowerCase() }).lean();
  if (!user) throw new Error(`no user named ${username}`);
  return user;
}

/** The import's target user, their time zone, and the `panoramaUserId=username` pairs as our users. */
export async function resolveTarget(username: string, pairs: readonly string[] = []) {
  const user = await userNamed(username);
  const preferences = await PreferencesModel.findOne({ userId: user._id }).lean();
  const mapUsers = new Map<string, Types.ObjectId>();
  for (const pair of pairs) {
    const [legacy = '', name = ''] = pair.split('=');
    mapUsers.set(legacy, (await userNamed(name))._id);
  }
  return { userId: user._id, username: user.username, timeZone: preferences?.timeZone ?? DEFAULT_TIME_ZONE, mapUsers };
}
