import type { JobDefinition } from '../../jobs/runner.ts';
import { MessageModel, RoomModel, RoomReadModel } from './model.ts';
import { ROOM_DELETE_JOB } from './rooms.service.ts';

/**
 * Deletes a room's attached files (bytes and documents), its messages and read rows, then the
 * room. Each step is idempotent: a retry finishes the work.
 */
export const chatJobs = (deps: { removeRoomFiles: (roomId: string) => Promise<void> }): JobDefinition[] => [
  {
    name: ROOM_DELETE_JOB,
    run: async (data) => {
      const { roomId } = data as { roomId: string };
      await deps.removeRoomFiles(roomId);
      await MessageModel.deleteMany({ roomId });
      await RoomReadModel.deleteMany({ roomId });
      await RoomModel.deleteOne({ _id: roomId }).setOptions({ tenancy: 'system' });
    },
  },
];
