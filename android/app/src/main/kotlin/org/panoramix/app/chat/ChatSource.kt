package org.panoramix.app.chat

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.StateFlow
import org.panoramix.api.models.Message
import org.panoramix.api.models.MessageReactionsInner
import org.panoramix.api.models.RoomView
import org.panoramix.core.outbox.OutboxItem

/** Someone else starts or stops typing in a room (`typing:start` / `typing:stop`). */
data class TypingSignal(val roomId: String, val userId: String, val typing: Boolean, val expiresInMs: Long = 0)

/** What the Discussions screens need of core's ChatRepository, outbox and socket. */
interface ChatSource {
  val rooms: StateFlow<List<RoomView>>

  /** Messages queued offline or refused (payload = the request body), oldest first. */
  val queued: Flow<List<OutboxItem>>

  val typing: Flow<TypingSignal>

  /** A room's messages, newest first (as the server pages them). */
  fun messages(roomId: String): StateFlow<List<Message>>

  suspend fun refreshRooms()

  suspend fun refreshMessages(roomId: String)

  suspend fun send(roomId: String, text: String, fileIds: List<String>)

  suspend fun markRead(roomId: String, lastMessageId: String)

  suspend fun react(messageId: String, emoji: MessageReactionsInner.Emoji)

  /** Offline: queues the file with its message; both go out on reconnect. */
  suspend fun queueAttachment(roomId: String, name: String, mimeType: String, bytes: ByteArray, caption: String)

  /** Uploads a picked file (image or document); returns its id for [send]. */
  suspend fun upload(name: String, mimeType: String, bytes: ByteArray): String

  fun typing(roomId: String, typing: Boolean)
}
