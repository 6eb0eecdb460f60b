package org.panoramix.core.repo

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.panoramix.api.apis.MessagesApi
import org.panoramix.api.apis.RoomsApi
import org.panoramix.api.models.ApiRoomsIdMessagesPostRequest
import org.panoramix.api.models.ApiRoomsIdReadPostRequest
import org.panoramix.api.models.Message
import org.panoramix.api.models.RoomView
import org.panoramix.core.cache.CachedList
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.cache.allPages
import org.panoramix.core.live.LiveEvent
import org.panoramix.core.live.ServerEvents
import org.panoramix.core.outbox.Outbox
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import kotlinx.serialization.Serializable
import java.io.File
import java.util.UUID
import java.util.concurrent.ConcurrentHashMap

/**
 * An attachment queued with its message: the bytes wait in a file named by the item's key, beside
 * the cache file (not in it: a photo can be tens of megabytes), until the upload and the message
 * both went through.
 */
@Serializable
data class QueuedAttachment(val name: String, val text: String)

/** Rooms (with my unread count) and their messages; sent messages go through the outbox. */
class ChatRepository internal constructor(
    private val rooms: RoomsApi,
    private val messages: MessagesApi,
    private val files: FilesRepository,
    private val cache: LocalCache,
    private val outbox: Outbox,
    private val scope: CoroutineScope,
    /** Where queued attachments' bytes wait. */
    private val attachmentsDir: File,
) : LiveApplier {
    private val roomList = CachedList(cache, "room", RoomView.serializer(), { it.id.orEmpty() })
    private val messageLists = ConcurrentHashMap<String, CachedList<Message>>()
    val roomViews: StateFlow<List<RoomView>> = roomList.items

    init {
        outbox.register(OutboxKind.MESSAGE, ApiRoomsIdMessagesPostRequest.serializer()) { item, body ->
            messagesOf(item.target).upsert(messages.apiRoomsIdMessagesPost(item.target, body, item.idempotencyKey))
        }
        // Upload, then the message, each under a key of the item: a retry after either step repeats neither.
        outbox.register(
            OutboxKind.ATTACHMENT,
            QueuedAttachment.serializer(),
            onDismiss = { item -> bytesOf(item.idempotencyKey).delete() },
        ) { item, queued ->
            val file = files.uploadNow(queued.name, bytesOf(item.idempotencyKey).readBytes(), null, "${item.idempotencyKey}:file")
            val body = ApiRoomsIdMessagesPostRequest(clientId = item.idempotencyKey, text = queued.text, fileIds = setOf(file.id))
            messagesOf(item.target).upsert(messages.apiRoomsIdMessagesPost(item.target, body, item.idempotencyKey))
            bytesOf(item.idempotencyKey).delete()
        }
    }

    /** A room's messages as last seen, newest first; [refreshMessages] reads them from the server. */
    fun messages(roomId: String): StateFlow<List<Message>> = messagesOf(roomId).items

    suspend fun refreshRooms(): List<RoomView> =
        withContext(Dispatchers.IO) {
            allPages({ rooms.apiRoomsGet(limit = 100, cursor = it) }, { it.items }, { it.nextCursor }).also(roomList::replace)
        }

    /** The newest page of a room's messages (older pages: the generated `MessagesApi` with a cursor). */
    suspend fun refreshMessages(roomId: String): List<Message> =
        withContext(Dispatchers.IO) { messages.apiRoomsIdMessagesGet(roomId, limit = 50).items.also(messagesOf(roomId)::replace) }

    /**
     * Queues a message and tries to send it. The outbox key is also the message's `clientId`, so the
     * server's copy (answer or `message:new`) replaces the pending one in [Outbox.items].
     */
    suspend fun send(
        roomId: String,
        text: String,
        fileIds: List<String> = emptyList(),
        replyTo: String? = null,
    ): OutboxItem {
        val key = UUID.randomUUID().toString()
        val body = ApiRoomsIdMessagesPostRequest(clientId = key, text = text, replyTo = replyTo, fileIds = fileIds.toSet())
        return outbox.submit(OutboxKind.MESSAGE, ApiRoomsIdMessagesPostRequest.serializer(), body, roomId, key)
    }

    /**
     * Queues a message with one attached file and tries to send both: offline, they wait together in
     * the outbox (shown as pending, as a text would) and go out in order on reconnect.
     */
    suspend fun sendAttachment(
        roomId: String,
        name: String,
        bytes: ByteArray,
        text: String = "",
    ): OutboxItem {
        val key = UUID.randomUUID().toString()
        withContext(Dispatchers.IO) {
            attachmentsDir.mkdirs()
            bytesOf(key).writeBytes(bytes)
        }
        return outbox.submit(OutboxKind.ATTACHMENT, QueuedAttachment.serializer(), QueuedAttachment(name, text), roomId, key)
    }

    suspend fun markRead(
        roomId: String,
        lastMessageId: String,
    ) = withContext(Dispatchers.IO) { rooms.apiRoomsIdReadPost(roomId, ApiRoomsIdReadPostRequest(lastMessageId)) }

    override fun apply(event: LiveEvent) {
        when (event.name) {
            ServerEvents.MESSAGE_NEW, ServerEvents.MESSAGE_UPDATED, ServerEvents.MESSAGE_DELETED, ServerEvents.MESSAGE_REACTED -> {
                val message = event.decode(Message.serializer())
                message.roomId?.let { messagesOf(it).upsert(message) }
            }
            // Room events carry the room without my unread count and mute: read my list again.
            ServerEvents.ROOM_CREATED, ServerEvents.ROOM_UPDATED, ServerEvents.ROOM_DELETED, ServerEvents.ROOM_MUTED,
            ServerEvents.UNREAD_UPDATED,
            -> scope.launch { runCatching { refreshRooms() } }
        }
    }

    /** Where a queued attachment's bytes wait: named by its outbox item's key. */
    private fun bytesOf(key: String) = File(attachmentsDir, key)

    private fun messagesOf(roomId: String) =
        messageLists.computeIfAbsent(roomId) { CachedList(cache, "message", Message.serializer(), { it.id.orEmpty() }, roomId) }
}
