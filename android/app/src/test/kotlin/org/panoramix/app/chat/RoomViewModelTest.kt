package org.panoramix.app.chat

import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.api.infrastructure.Serializer
import org.panoramix.api.infrastructure.ServerException
import org.panoramix.api.models.ApiRoomsIdMessagesPostRequest
import org.panoramix.api.models.Message
import org.panoramix.api.models.MessageReactionsInner
import org.panoramix.api.models.RoomView
import org.panoramix.app.BOB
import org.panoramix.app.i18n.English
import org.panoramix.app.i18n.French
import org.panoramix.app.ME
import org.panoramix.app.MainDispatcher
import org.panoramix.app.message
import org.panoramix.app.outboxItem
import org.panoramix.app.room
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import org.panoramix.core.outbox.OutboxState
import org.panoramix.core.repo.QueuedAttachment
import java.io.IOException

private class FakeChat : ChatSource {
  override val rooms = MutableStateFlow(emptyList<RoomView>())
  override val queued = MutableStateFlow(emptyList<OutboxItem>())
  override val typing = MutableSharedFlow<TypingSignal>(extraBufferCapacity = 8)
  val room1 = MutableStateFlow(emptyList<Message>())
  val sent = mutableListOf<Pair<String, List<String>>>()
  val read = mutableListOf<String>()
  val reactions = mutableListOf<Pair<String, MessageReactionsInner.Emoji>>()
  val typingSent = mutableListOf<Boolean>()
  var online = false

  override fun messages(roomId: String) = room1

  override suspend fun refreshRooms() = Unit

  override suspend fun refreshMessages(roomId: String) = Unit

  override suspend fun send(roomId: String, text: String, fileIds: List<String>) {
    sent += text to fileIds
    val key = "key${sent.size}"
    val body = ApiRoomsIdMessagesPostRequest(clientId = key, text = text)
    queued.update { it + outboxItem(sent.size.toLong(), OutboxKind.MESSAGE, key, Serializer.kotlinxSerializationJson.encodeToString(ApiRoomsIdMessagesPostRequest.serializer(), body), roomId) }
  }

  override suspend fun markRead(roomId: String, lastMessageId: String) {
    read += lastMessageId
  }

  override suspend fun react(messageId: String, emoji: MessageReactionsInner.Emoji) {
    reactions += messageId to emoji
  }

  var uploadFailure: Throwable? = null
  val queuedFiles = mutableListOf<Pair<String, String>>()

  override suspend fun queueAttachment(roomId: String, name: String, mimeType: String, bytes: ByteArray, caption: String) {
    queuedFiles += name to caption
    val item = QueuedAttachment(name, caption)
    val payload = Serializer.kotlinxSerializationJson.encodeToString(QueuedAttachment.serializer(), item)
    queued.update { it + outboxItem(100L + queuedFiles.size, OutboxKind.ATTACHMENT, "file-key${queuedFiles.size}", payload, roomId) }
  }

  override suspend fun upload(name: String, mimeType: String, bytes: ByteArray): String {
    uploadFailure?.let { throw it }
    return "file-$name"
  }

  override fun typing(roomId: String, typing: Boolean) {
    typingSent += typing
  }
}

class RoomViewModelTest {
  @JvmField @RegisterExtension val main = MainDispatcher()

  @Test
  fun `shows messages oldest first with the new-messages divider before the first unread one`() = runTest(main.dispatcher) {
    val source = FakeChat()
    // The server pages newest first.
    source.room1.value = listOf(message("m4"), message("m3", from = ME), message("m2"), message("m1"))
    val model = RoomViewModel(source, "room1", ME, unreadAtOpen = 2)
    model.open()
    testScheduler.advanceUntilIdle()

    assertEquals(listOf("m1", "m2", "m3", "m4"), model.state.value.messages.map { it.id })
    assertEquals("m2", model.state.value.firstUnreadId)
    assertEquals(listOf("m4"), source.read)
  }

  @Test
  fun `a message sent offline shows as outgoing until the server's copy with its client id arrives`() = runTest(main.dispatcher) {
    val source = FakeChat()
    val model = RoomViewModel(source, "room1", ME, unreadAtOpen = 0)
    model.send("  see you at 5  ")
    model.send("   ")
    testScheduler.advanceUntilIdle()
    assertEquals(listOf("see you at 5" to emptyList<String>()), source.sent)
    assertEquals(listOf(OutgoingMessage("key1", "see you at 5", refused = false)), model.state.value.outgoing)

    source.room1.value = listOf(message("m9", from = ME, text = "see you at 5", clientId = "key1"))
    testScheduler.advanceUntilIdle()
    assertEquals(emptyList<OutgoingMessage>(), model.state.value.outgoing)
    assertEquals(listOf("m9"), model.state.value.messages.map { it.id })
  }

  @Test
  fun `a refused message stays shown as refused, and other rooms' queue is not shown here`() = runTest(main.dispatcher) {
    val source = FakeChat()
    val body = """{"clientId":"k","text":"too long"}"""
    source.queued.value = listOf(
      outboxItem(1, OutboxKind.MESSAGE, "k", body, "room1", OutboxState.FAILED),
      outboxItem(2, OutboxKind.MESSAGE, "other", body, "room2"),
    )
    val model = RoomViewModel(source, "room1", ME, unreadAtOpen = 0)
    testScheduler.advanceUntilIdle()

    assertEquals(listOf(OutgoingMessage("k", "too long", refused = true)), model.state.value.outgoing)
  }

  @Test
  fun `typing shows others only, ends on stop and ends by itself when the server stops refreshing it`() = runTest(main.dispatcher) {
    val source = FakeChat()
    val model = RoomViewModel(source, "room1", ME, unreadAtOpen = 0)
    testScheduler.advanceUntilIdle()

    source.typing.emit(TypingSignal("room1", BOB, typing = true, expiresInMs = 5_000))
    source.typing.emit(TypingSignal("room1", ME, typing = true, expiresInMs = 5_000))
    source.typing.emit(TypingSignal("room2", "someone", typing = true, expiresInMs = 5_000))
    testScheduler.advanceTimeBy(4_000)
    assertEquals(setOf(BOB), model.state.value.typingUserIds)

    // A refresh pushes the end back.
    source.typing.emit(TypingSignal("room1", BOB, typing = true, expiresInMs = 5_000))
    testScheduler.advanceTimeBy(4_000)
    assertEquals(setOf(BOB), model.state.value.typingUserIds)
    testScheduler.advanceTimeBy(1_500)
    assertEquals(emptySet<String>(), model.state.value.typingUserIds)

    source.typing.emit(TypingSignal("room1", BOB, typing = true, expiresInMs = 5_000))
    source.typing.emit(TypingSignal("room1", BOB, typing = false))
    testScheduler.runCurrent()
    assertEquals(emptySet<String>(), model.state.value.typingUserIds)
  }

  @Test
  fun `an attachment is uploaded then sent as a message with its file, and reactions go to the message`() = runTest(main.dispatcher) {
    val source = FakeChat()
    val model = RoomViewModel(source, "room1", ME, unreadAtOpen = 0)
    model.sendAttachment("photo.jpg", "image/jpeg", byteArrayOf(1, 2, 3), caption = "the view")
    model.react("m1", MessageReactionsInner.Emoji.PARTY)
    testScheduler.advanceUntilIdle()

    assertEquals(listOf("the view" to listOf("file-photo.jpg")), source.sent)
    assertEquals(listOf("m1" to MessageReactionsInner.Emoji.PARTY), source.reactions)
    assertEquals(UploadStatus.Idle, model.state.value.upload)
  }

  @Test
  fun `an upload that fails sends no message and says why, in French and English, until dismissed`() = runTest(main.dispatcher) {
    val source = FakeChat()
    val model = RoomViewModel(source, "room1", ME, unreadAtOpen = 0)
    source.uploadFailure = ClientException("Client error : 413", 413)
    model.sendAttachment("video.mp4", "video/mp4", byteArrayOf(1), caption = "regarde")
    testScheduler.advanceUntilIdle()

    assertEquals(emptyList<Pair<String, List<String>>>(), source.sent)
    val status = model.state.value.upload
    assertEquals(UploadStatus.Failed(UploadProblem.TOO_LARGE), status)
    assertEquals("Pièce jointe trop lourde (50 Mo au plus)", French.uploadText(UploadProblem.TOO_LARGE))
    assertEquals("Attachment too large (50 MB at most)", English.uploadText(UploadProblem.TOO_LARGE))

    model.dismissUploadProblem()
    testScheduler.advanceUntilIdle()
    assertEquals(UploadStatus.Idle, model.state.value.upload)
  }

  @Test
  fun `offline, the attachment is queued with its caption and shown as waiting, with no problem to read`() = runTest(main.dispatcher) {
    val source = FakeChat()
    val model = RoomViewModel(source, "room1", ME, unreadAtOpen = 0)
    source.uploadFailure = IOException("connection refused")
    model.sendAttachment("photo.jpg", "image/jpeg", byteArrayOf(1, 2), caption = " la vue ")
    testScheduler.advanceUntilIdle()

    assertEquals(listOf("photo.jpg" to "la vue"), source.queuedFiles)
    assertEquals(emptyList<Pair<String, List<String>>>(), source.sent, "nothing sent before the upload")
    assertEquals(UploadStatus.Idle, model.state.value.upload)
    assertEquals(listOf(OutgoingMessage("file-key1", "la vue", refused = false, attachment = "photo.jpg")), model.state.value.outgoing)
  }

  @Test
  fun `no network, a refused type and any other failure are told apart`() {
    assertEquals(null, uploadProblemOf(IOException("connection refused")))
    assertEquals(UploadProblem.TYPE_REFUSED, uploadProblemOf(ClientException("Client error : 415", 415)))
    assertEquals(UploadProblem.FAILED, uploadProblemOf(ServerException("Server error : 500", 500)))
    assertEquals(UploadProblem.FAILED, uploadProblemOf(ClientException("Client error : 400", 400)))
    assertEquals("Ce type de fichier est refusé par le serveur", French.uploadText(UploadProblem.TYPE_REFUSED))
    assertEquals("The server refuses this type of file", English.uploadText(UploadProblem.TYPE_REFUSED))
  }
}

class RoomsViewModelTest {
  @JvmField @RegisterExtension val main = MainDispatcher()

  @Test
  fun `rooms come latest activity first and the badge counts unread messages of rooms that are not muted`() = runTest(main.dispatcher) {
    val source = FakeChat()
    source.rooms.value = listOf(
      room("old", unread = 2, lastMessageAt = "2026-12-01T08:00:00.000Z"),
      room("muted", unread = 7, muted = true, lastMessageAt = "2026-12-02T09:00:00.000Z"),
      room("new", unread = 1, lastMessageAt = "2026-12-02T10:00:00.000Z"),
    )
    val model = RoomsViewModel(source)
    testScheduler.advanceUntilIdle()

    assertEquals(listOf("new", "muted", "old"), model.state.value.rooms.map { it.id })
    assertEquals(3, model.state.value.unread)
  }
}
