import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * A secret as stored in the database: AES-256-GCM under a key derived from the instance secret
 * (JWT_SECRET) for one `purpose`, as base64 text, so a backup (JSON) and its restore give back the
 * same bytes. Whoever reads the database without the instance secret learns nothing of it.
 */
export interface Sealed {
  iv: string;
  tag: string;
  value: string;
}

const keyOf = (instanceSecret: string, purpose: string) =>
  Buffer.from(hkdfSync('sha256', instanceSecret, 'panoramix', purpose, 32));

export function seal(instanceSecret: string, purpose: string, secret: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(instanceSecret, purpose), iv);
  const value = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), value: value.toString('base64') };
}

/** The secret back; throws when the instance secret or the purpose is not the one it was sealed with. */
export function openSealed(instanceSecret: string, purpose: string, sealed: { iv: unknown; tag: unknown; value: unknown }) {
  const bytes = (value: unknown) => Buffer.from(String(value), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(instanceSecret, purpose), bytes(sealed.iv));
  decipher.setAuthTag(bytes(sealed.tag));
  return Buffer.concat([decipher.update(bytes(sealed.value)), decipher.final()]).toString('utf8');
}
