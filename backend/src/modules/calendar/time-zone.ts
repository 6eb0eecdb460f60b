import type { AuthUser } from '../../http/auth-guard.ts';
import { PreferencesModel } from '../preferences/model.ts';

/** The zone of my Préférences (null when unset): floating times of an import, and a series given none, are read in it. */
export async function preferredTimeZone(actor: AuthUser): Promise<string | null> {
  const preferences = await PreferencesModel.findOne({ userId: actor.id }, { timeZone: 1 }).lean<{ timeZone?: string | null }>();
  return preferences?.timeZone ?? null;
}
