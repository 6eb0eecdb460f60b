package org.panoramix.app.chat

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.api.infrastructure.Serializer
import org.panoramix.api.models.ApiRoomsIdMessagesPostRequest
import org.panoramix.api.models.Message
import org.panoramix.api.models.MessageReactionsInner
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import org.panoramix.core.outbox.OutboxState
import org.panoramix.core.repo.QueuedAttachment
import java.io.IOException

/** Why a picked or shared file did not reach the room (its message is then not sent). */
enum class UploadProblem { TOO_LARGE, TYPE_REFUSED, FAILED }

/**
 * What the generated client threw, as the user is told it: the server's 413 or 415, or anything
 * else; null for no network, which is no problem: the attachment is queued with its message.
 */
fun uploadProblemOf(failure: Throwable): UploadProblem? =
  when {
    failure is IOException -> null
    failure is ClientException && failure.statusCode == 413 -> UploadProblem.TOO_LARGE
    failure is ClientException && failure.statusCode == 415 -> UploadProblem.TYPE_REFUSED
    else -> UploadProblem.FAILED
  }

/** The attachment being sent, or why the last one was not. */
sealed interface UploadStatus {
  data object Idle : UploadStatus

  data object Uploading : UploadStatus

  data class Failed(val problem: UploadProblem) : UploadStatus
}

/** A message I wrote that the server has not confirmed yet (offline, or refused); [attachment]: the file it carries. */
data class OutgoingMessage(val clientId: String, val text: String, val refused: Boolean, val attachment: String? = null)

data class RoomState(
  /** Oldest first, as the screen shows them. */
  val messages: List<Message> = emptyList(),
  val outgoing: List<OutgoingMessage> = emptyList(),
  /** Other members typing now. */
  val typingUserIds: Set<String> = emptySet(),
  /** Where the "New messages" divider goes: the first message unread when the room was opened. */
  val firstUnreadId: String? = null,
  val upload: UploadStatus = UploadStatus.Idle,
)

class RoomViewModel(
  private val source: ChatSource,
  private val roomId: String,
  private val myUserId: String,
  /** The room's unread count when it was opened. */
  unreadAtOpen: Int,
) : ViewModel() {
  private val typingUsers = MutableStateFlow<Set<String>>(emptySet())
  private val upload = MutableStateFlow<UploadStatus>(UploadStatus.Idle)
  private val typingExpiry = mutableMapOf<String, Job>()
  private var unreadToMark = unreadAtOpen
  private var divider: String? = null

  val state: StateFlow<RoomState> =
    combine(source.messages(roomId), source.queued, typingUsers, upload) { newestFirst, queued, typing, uploadStatus ->
      val messages = newestFirst.reversed()
      if (divider == null && unreadToMark > 0) {
        divider = messages.filter { it.userId != myUserId }.takeLast(unreadToMark).firstOrNull()?.id
      }
      val confirmed = messages.mapTo(HashSet()) { it.clientId }
      RoomState(
        messages = messages,
        outgoing = queued.filter { it.target == roomId && it.idempotencyKey !in confirmed }.map(::outgoingOf),
        typingUserIds = typing,
        firstUnreadId = divider,
        upload = uploadStatus,
      )
    }.stateIn(viewModelScope, SharingStarted.Eagerly, RoomState())

  init {
    viewModelScope.launch { source.typing.filter { it.roomId == roomId && it.userId != myUserId }.collect(::onTyping) }
  }

  fun open() {
    viewModelScope.launch {
      runCatching { source.refreshMessages(roomId) }
      markLatestRead()
    }
  }

  fun send(text: String, fileIds: List<String> = emptyList()) {
    val trimmed = text.trim()
    if (trimmed.isEmpty() && fileIds.isEmpty()) return
    source.typing(roomId, false)
    viewModelScope.launch { source.send(roomId, trimmed, fileIds) }
  }

  /**
   * Picked from the device or shared from another app: uploaded, then sent as a message with the
   * file (that message goes through the outbox like any other). Offline, the file is queued with
   * its message and both go out on reconnect; refused by the server, nothing is sent and
   * [RoomState.upload] says why.
   */
  fun sendAttachment(name: String, mimeType: String, bytes: ByteArray, caption: String = "") {
    upload.value = UploadStatus.Uploading
    viewModelScope.launch {
      val fileId =
        try {
          source.upload(name, mimeType, bytes)
        } catch (failure: CancellationException) {
          throw failure
        } catch (failure: Exception) {
          val problem = uploadProblemOf(failure)
          upload.value = problem?.let(UploadStatus::Failed) ?: UploadStatus.Idle
          if (problem == null) source.queueAttachment(roomId, name, mimeType, bytes, caption.trim())
          return@launch
        }
      upload.value = UploadStatus.Idle
      source.send(roomId, caption.trim(), listOf(fileId))
    }
  }

  /** The user read why the attachment was not sent. */
  fun dismissUploadProblem() {
    upload.value = UploadStatus.Idle
  }

  fun react(messageId: String, emoji: MessageReactionsInner.Emoji) {
    viewModelScope.launch { runCatching { source.react(messageId, emoji) } }
  }

  fun draftChanged(draft: String) = source.typing(roomId, draft.isNotBlank())

  /** A new message arrived while the room is on screen: it is read. */
  fun markLatestRead() {
    // From the source, not [state]: right after a refresh the combined state may not have caught up.
    val latest = source.messages(roomId).value.firstOrNull { it.userId != myUserId }?.id ?: return
    viewModelScope.launch { runCatching { source.markRead(roomId, latest) } }
  }

  private fun onTyping(signal: TypingSignal) {
    typingExpiry.remove(signal.userId)?.cancel()
    if (!signal.typing) {
      typingUsers.update { it - signal.userId }
      return
    }
    typingUsers.update { it + signal.userId }
    // The server relays a refresh every 2 s while they type; without one the indicator ends by itself.
    typingExpiry[signal.userId] =
      viewModelScope.launch {
        delay(signal.expiresInMs)
        typingUsers.update { it - signal.userId }
      }
  }

  private fun outgoingOf(item: OutboxItem): OutgoingMessage {
    val json = Serializer.kotlinxSerializationJson
    val refused = item.state == OutboxState.FAILED
    if (item.kind == OutboxKind.ATTACHMENT) {
      val queued = json.decodeFromString(QueuedAttachment.serializer(), item.payload)
      return OutgoingMessage(item.idempotencyKey, queued.text, refused, attachment = queued.name)
    }
    val body = json.decodeFromString(ApiRoomsIdMessagesPostRequest.serializer(), item.payload)
    return OutgoingMessage(item.idempotencyKey, body.text.orEmpty(), refused)
  }
}
