import type { Room } from '@panoramix/contracts';

/** A group's name, or the other person of a direct room. */
export const roomTitle = (room: Room, me: string) =>
  room.name ?? room.members.find((m) => m.userId !== me)?.displayName ?? room.members[0]?.displayName ?? '';

/** The other person of a direct room (for presence and "seen by"). */
export const otherMember = (room: Room, me: string) =>
  room.type === 'direct' ? room.members.find((m) => m.userId !== me) : undefined;

/** One member as the room lists them (display name, admin, last read). */
export type RoomMember = Room['members'][number];
