import { Schema, model } from 'mongoose';
import type { Types } from 'mongoose';
import { ownedPlugin, ownerField } from '../../db/tenancy.ts';
import { openSealed, seal } from '../../lib/sealed.ts';
import { legacyObjectId } from './ids.ts';

/**
 * Secrets from Panorama's instance preferences (API keys, tokens) the importing user chose to
 * keep: encrypted (AES-256-GCM, key derived from the instance secret), one document per name,
 * owned by that user. They never reach instance settings.
 */
const secretSchema = new Schema(
  {
    userId: ownerField,
    name: { type: String, required: true },
    // Base64 text, not binary: a backup (JSON) and its restore give back the same bytes.
    iv: { type: String, required: true },
    tag: { type: String, required: true },
    value: { type: String, required: true },
  },
  { timestamps: true, versionKey: false },
);
secretSchema.plugin(ownedPlugin);
export const UserSecretModel = model('UserSecret', secretSchema, 'user_secrets');

/** Field paths of Panorama's appPreferences that hold secrets (spec §1.18), plus any key/token/secret-named field. */
const KNOWN = new Set(['openaiApiKey', 'anthropicApiKey', 'perplexityApiKey', 'pennylaneToken', 'mcpApiKey', 'calendarIcsUrl']);
const isSecretName = (path: string) => KNOWN.has(path) || /(apikey|token|secret|password)$/i.test(path.split('.').at(-1) ?? '');

/** Splits the preferences document into its secrets (by dotted path) and the rest. */
export function splitSecrets(
  doc: Record<string, unknown>,
  prefix = '',
): { secrets: Map<string, string>; rest: Record<string, unknown> } {
  const secrets = new Map<string, string>();
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const path = prefix + key;
    if (typeof value === 'string' && isSecretName(path)) {
      if (value !== '') secrets.set(path, value);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const inner = splitSecrets(value as Record<string, unknown>, `${path}.`);
      for (const [name, secret] of inner.secrets) secrets.set(name, secret);
      rest[key] = inner.rest;
    } else {
      rest[key] = value;
    }
  }
  return { secrets, rest };
}

const PURPOSE = 'user-secrets';

export const openSecret = (instanceSecret: string, doc: { iv: unknown; tag: unknown; value: unknown }) =>
  openSealed(instanceSecret, PURPOSE, doc);

/** Stores one secret; the same value already stored is left as it is (a re-run changes nothing). */
export async function storeSecret(instanceSecret: string, userId: Types.ObjectId, name: string, secret: string) {
  const _id = legacyObjectId(`secret:${String(userId)}`, name);
  const existing = await UserSecretModel.collection.findOne<{ iv: unknown; tag: unknown; value: unknown }>({ _id });
  if (existing && openSecret(instanceSecret, existing) === secret) return 'unchanged' as const;
  const now = new Date();
  await UserSecretModel.collection.replaceOne(
    { _id },
    {
      userId,
      name,
      ...seal(instanceSecret, PURPOSE, secret),
      createdAt: now,
      updatedAt: now,
    },
    { upsert: true },
  );
  return existing ? ('updated' as const) : ('inserted' as const);
}
