import type { CreateRoomBody, Room, RoomView } from '@panoramix/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from 'virtual:panoramix/contracts';
import { call } from '../../api/client.ts';
import { navigate } from '../../lib/location.ts';
import { showToast } from '../../ui/toast.tsx';
import { dropRoom, editRoom, editRooms, putRoom, roomsQuery } from './chat-cache.ts';
import { currentUserId } from './chat-state.ts';

export const useRooms = () => useQuery(roomsQuery);

/** Starts a direct room (the existing one for this person) or a group, then opens it. */
export function useCreateRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoomBody) => call(routes.rooms.create, { body }),
    onSuccess: (room: RoomView) => {
      editRooms(queryClient, (rooms) => [...rooms.filter((r) => r.id !== room.id), room]);
      navigate(`/chat/${room.id}`);
    },
    onError: (error) => showToast(error.message, 'error'),
  });
}

/** Marks the room read up to `messageId`; the exact count comes back at once (and to my other devices). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roomId, messageId }: { roomId: string; messageId: string }) =>
      call(routes.rooms.read, { params: { id: roomId }, body: { messageId } }),
    onSuccess: (state) =>
      editRoom(queryClient, state.roomId, (room) => ({
        ...room,
        unreadCount: state.unreadCount,
        members: room.members.map((m) =>
          m.userId === currentUserId() ? { ...m, lastReadMessageId: state.lastReadMessageId } : m,
        ),
      })),
  });
}

/** Mutes or unmutes a room for me; my other tabs and devices follow through `room:muted`. */
export function useMuteRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roomId, muted }: { roomId: string; muted: boolean }) =>
      call(routes.rooms.updateMine, { params: { id: roomId }, body: { muted } }),
    onSuccess: (room) => editRoom(queryClient, room.id, () => room),
    onError: (error) => showToast(error.message, 'error'),
  });
}

/**
 * A group's administration (the server refuses non-admins): rename, add and remove members, delete.
 * Each answer updates my list at once; the other members follow through `room:updated`.
 */
export function useRoomAdmin(roomId: string) {
  const queryClient = useQueryClient();
  const params = { id: roomId };
  const onSuccess = (room: Room) => putRoom(queryClient, room);
  const onError = (error: Error) => showToast(error.message, 'error');
  return {
    rename: useMutation({
      mutationFn: (name: string) => call(routes.rooms.update, { params, body: { name } }),
      onSuccess,
      onError,
    }),
    add: useMutation({
      mutationFn: (userId: string) => call(routes.rooms.addMembers, { params, body: { userIds: [userId] } }),
      onSuccess,
      onError,
    }),
    remove: useMutation({
      mutationFn: (userId: string) => call(routes.rooms.removeMember, { params: { ...params, userId } }),
      onSuccess,
      onError,
    }),
    destroy: useMutation({
      mutationFn: () => call(routes.rooms.remove, { params }),
      onSuccess: () => {
        dropRoom(queryClient, roomId);
        navigate('/chat');
      },
      onError,
    }),
  };
}

/** Leaves a group (the last admin leaving hands over to the oldest member, server side). */
export function useLeaveRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roomId: string) => call(routes.rooms.removeMember, { params: { id: roomId, userId: currentUserId() } }),
    onSuccess: (room) => {
      dropRoom(queryClient, room.id);
      navigate('/chat');
    },
    onError: (error) => showToast(error.message, 'error'),
  });
}
