import mongoose from 'mongoose';
import webpush from 'web-push';
import { isDuplicateKey } from '../../db/duplicate-key.ts';
import { openSealed, seal } from '../../lib/sealed.ts';
import type { Sealed } from '../../lib/sealed.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

const PURPOSE = 'vapid';
const keysDocument = () =>
  mongoose.connection.collection<{ _id: string; publicKey: string; privateKey: Sealed }>('instance_keys');

/**
 * The instance's VAPID key pair (RFC 8292), made on first use and shared by every API instance:
 * push services tie a subscription to the public key it was made with, so it must outlive restarts.
 * The private key is sealed with the instance secret. Two instances making one at once: the first
 * insert wins and the other reads it.
 */
export async function vapidKeys(instanceSecret: string): Promise<VapidKeys> {
  const stored = await keysDocument().findOne({ _id: PURPOSE });
  if (stored) return { publicKey: stored.publicKey, privateKey: openSealed(instanceSecret, PURPOSE, stored.privateKey) };
  const made = webpush.generateVAPIDKeys();
  try {
    await keysDocument().insertOne({
      _id: PURPOSE,
      publicKey: made.publicKey,
      privateKey: seal(instanceSecret, PURPOSE, made.privateKey),
    });
    return made;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return vapidKeys(instanceSecret);
  }
}
