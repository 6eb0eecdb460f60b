import { defaultPreferences } from '@panoramix/contracts';
import type { Preferences } from '@panoramix/contracts';
import type { AuthUser } from '../../http/auth-guard.ts';
import type { EventBus } from '../../realtime/event-bus.ts';
import { PreferencesModel } from './model.ts';
import type { PreferencesDoc } from './model.ts';

const toPreferencesDto = (doc: PreferencesDoc | null): Preferences => ({
  theme: doc?.theme ?? defaultPreferences.theme,
  language: doc?.language ?? defaultPreferences.language,
  density: doc?.density ?? defaultPreferences.density,
  startTab: doc?.startTab ?? defaultPreferences.startTab,
  timeZone: doc?.timeZone ?? defaultPreferences.timeZone,
});

/** Stored server-side so every client of a user (web tabs, desktop, Android) shares them. */
export function createPreferencesService(deps: { events: EventBus }) {
  async function get(actor: AuthUser): Promise<Preferences> {
    return toPreferencesDto(await PreferencesModel.findOne({ userId: actor.id }).lean<PreferencesDoc>());
  }

  async function update(actor: AuthUser, patch: Partial<Preferences>): Promise<Preferences> {
    const saved = await PreferencesModel.findOneAndUpdate(
      { userId: actor.id },
      { $set: patch },
      { returnDocument: 'after', upsert: true, setDefaultsOnInsert: true },
    ).lean<PreferencesDoc>();
    const preferences = toPreferencesDto(saved);
    await deps.events.emit({ type: 'preferences.updated', userId: actor.id, data: preferences });
    return preferences;
  }

  return { get, update };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;
