package org.panoramix.app.chat

import org.panoramix.api.models.RoomView

/** A room's title: its name, or for a direct room (which has none) the other member's name. */
fun roomTitle(room: RoomView, myUserId: String): String =
  room.name?.takeIf { it.isNotBlank() }
    ?: room.members.filter { it.userId != myUserId }.joinToString { it.displayName.ifBlank { it.username } }

/** Who is who in a room, for "X is typing…". Unknown ids (left the room) show as they are. */
fun memberNames(room: RoomView?): Map<String, String> =
  room?.members.orEmpty().mapNotNull { member -> member.userId?.let { it to member.displayName.ifBlank { member.username } } }.toMap()
