import { z } from 'zod';
import { defineRoute } from './http.ts';

export const themes = ['system', 'light', 'dark'] as const;
export const languages = ['fr', 'en'] as const;
export const densities = ['comfortable', 'compact'] as const;

export const preferences = z
  .object({
    theme: z.enum(themes),
    language: z.enum(languages),
    density: z.enum(densities),
    /** Id of the tab opened after sign-in (a feature id of the web shell). */
    startTab: z.string(),
    /** IANA time zone used to show dates; null follows the device. */
    timeZone: z.string().nullable(),
  })
  .meta({ id: 'Preferences' });
export type Preferences = z.infer<typeof preferences>;

export const defaultPreferences: Preferences = {
  theme: 'system',
  language: 'fr',
  density: 'comfortable',
  startTab: 'home',
  timeZone: null,
};

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ianaTimeZone = z.string().max(64).refine(isTimeZone, 'must be an IANA time zone');

export const updatePreferencesBody = z
  .strictObject({
    theme: z.enum(themes).optional(),
    language: z.enum(languages).optional(),
    density: z.enum(densities).optional(),
    startTab: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a tab id')
      .optional(),
    timeZone: ianaTimeZone.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to update')
  .meta({ minProperties: 1 }); // the refine, as the JSON schema can say it

const tags = ['preferences'] as const;

export const preferenceRoutes = {
  get: defineRoute({
    method: 'get',
    path: '/api/preferences',
    summary: 'My preferences (defaults until first saved)',
    tags,
    access: 'user',
    response: preferences,
  }),
  update: defineRoute({
    method: 'patch',
    path: '/api/preferences',
    summary: 'Change some of my preferences',
    tags,
    access: 'user',
    body: updatePreferencesBody,
    response: preferences,
  }),
};
