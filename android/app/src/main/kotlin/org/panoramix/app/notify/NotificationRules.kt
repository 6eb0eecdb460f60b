package org.panoramix.app.notify

import kotlinx.coroutines.flow.MutableStateFlow
import org.panoramix.api.models.Message
import org.panoramix.api.models.RoomView

/** The room on screen now, if any: its messages are read there, not notified. */
val openRoomId = MutableStateFlow<String?>(null)

/** A new message is notified unless I wrote it, its room is on screen, or I muted the room. */
fun shouldNotify(message: Message, myUserId: String, openRoom: String?, rooms: List<RoomView>): Boolean {
  if (message.userId == myUserId || message.deletedAt != null) return false
  if (message.roomId == openRoom) return false
  return rooms.firstOrNull { it.id == message.roomId }?.muted != true
}

/** A notification's text: the message, or the attachment word for a message that is only a file. */
fun notificationText(message: Message, attachmentWord: String): String =
  message.text.ifBlank { if (message.attachments.isNotEmpty()) attachmentWord else "" }

/** Woken by a push while closed: the rooms with messages I have not read, unless I muted them. */
fun roomsToNotifyOnWake(rooms: List<RoomView>): List<RoomView> = rooms.filter { it.unreadCount > 0 && !it.muted }
