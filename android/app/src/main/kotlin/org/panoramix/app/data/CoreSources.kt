package org.panoramix.app.data

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.flow.map
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import kotlinx.serialization.json.put
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.api.models.Alarm
import org.panoramix.api.models.ApiAlarmsIdSnoozePostRequest
import org.panoramix.api.models.ApiMessagesIdReactionsPostRequest
import org.panoramix.api.models.ApiNotesPostRequest
import org.panoramix.api.models.ApiTasksPostRequest
import org.panoramix.api.models.JournalEntry
import org.panoramix.api.models.Message
import org.panoramix.api.models.MessageReactionsInner
import org.panoramix.api.models.Note
import org.panoramix.api.models.NoteLine
import org.panoramix.api.models.NoteSession
import org.panoramix.api.models.Project
import org.panoramix.api.models.RoomView
import org.panoramix.api.models.SearchHit
import org.panoramix.api.models.Task
import org.panoramix.app.alarms.AlarmsSource
import org.panoramix.app.chat.ChatSource
import org.panoramix.app.chat.TypingSignal
import org.panoramix.app.journal.JournalSource
import org.panoramix.app.notes.NoteSessionsSource
import org.panoramix.app.notes.NotesSource
import org.panoramix.app.projects.ProjectsSource
import org.panoramix.app.search.SearchSource
import org.panoramix.app.tasks.TasksSource
import org.panoramix.core.PanoramixClient
import org.panoramix.core.live.ClientEvents
import org.panoramix.core.live.ServerEvents
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import org.panoramix.core.repo.AlarmFired

// The screens' sources over core's repositories: thin on purpose, so that what the ViewModels
// decide is tested against fakes and what reaches the server is core's (tested against a real API).

private fun PanoramixClient.queued(vararg kinds: OutboxKind): Flow<List<OutboxItem>> = outbox.items.map { items -> items.filter { it.kind in kinds } }

class CoreTasks(private val client: PanoramixClient) : TasksSource {
  override val tasks: StateFlow<List<Task>> = client.tasks.tasks
  override val queued = client.queued(OutboxKind.TASK)

  override suspend fun refresh() {
    client.tasks.refresh()
  }

  override suspend fun create(title: String, urgent: Boolean, important: Boolean, projectId: String?) {
    client.tasks.create(ApiTasksPostRequest(title = title, isUrgent = urgent, isImportant = important, projectId = projectId))
  }

  override suspend fun complete(id: String) {
    client.tasks.complete(id)
  }

  override fun dismiss(item: OutboxItem) = client.outbox.dismiss(item.seq)
}

class CoreChat(private val client: PanoramixClient) : ChatSource {
  override val rooms: StateFlow<List<RoomView>> = client.chat.roomViews
  override val queued = client.queued(OutboxKind.MESSAGE, OutboxKind.ATTACHMENT)

  override val typing: Flow<TypingSignal> =
    client.live.events
      .filter { it.name == ServerEvents.TYPING_START || it.name == ServerEvents.TYPING_STOP }
      .map { event ->
        val data = event.data.jsonObject
        TypingSignal(
          roomId = data.getValue("roomId").jsonPrimitive.content,
          userId = data.getValue("userId").jsonPrimitive.content,
          typing = event.name == ServerEvents.TYPING_START,
          expiresInMs = data["expiresInMs"]?.jsonPrimitive?.long ?: 0,
        )
      }

  override fun messages(roomId: String): StateFlow<List<Message>> = client.chat.messages(roomId)

  override suspend fun refreshRooms() {
    client.chat.refreshRooms()
  }

  override suspend fun refreshMessages(roomId: String) {
    client.chat.refreshMessages(roomId)
  }

  override suspend fun send(roomId: String, text: String, fileIds: List<String>) {
    client.chat.send(roomId, text, fileIds)
  }

  override suspend fun markRead(roomId: String, lastMessageId: String) {
    client.chat.markRead(roomId, lastMessageId)
  }

  override suspend fun react(messageId: String, emoji: MessageReactionsInner.Emoji) {
    io { client.api.messages.apiMessagesIdReactionsPost(messageId, ApiMessagesIdReactionsPostRequest(ApiMessagesIdReactionsPostRequest.Emoji.valueOf(emoji.name))) }
  }

  // The server finds the type from the content itself; mimeType is what the picker said.
  override suspend fun upload(name: String, mimeType: String, bytes: ByteArray): String = client.files.upload(name, bytes).id

  override suspend fun queueAttachment(roomId: String, name: String, mimeType: String, bytes: ByteArray, caption: String) {
    client.chat.sendAttachment(roomId, name, bytes, caption)
  }

  override fun typing(roomId: String, typing: Boolean) =
    client.live.emit(if (typing) ClientEvents.TYPING_START else ClientEvents.TYPING_STOP, buildJsonObject { put("roomId", roomId) })
}

class CoreAlarms(private val client: PanoramixClient) : AlarmsSource {
  override val alarms: StateFlow<List<Alarm>> = client.alarms.alarms
  override val fired: Flow<AlarmFired> = client.alarms.fired

  override suspend fun refresh() {
    client.alarms.refresh()
  }

  override suspend fun dismiss(id: String) {
    client.alarms.dismiss(id)
  }

  override suspend fun snooze(id: String, minutes: Int) {
    client.alarms.snooze(id, ApiAlarmsIdSnoozePostRequest(minutes))
  }
}

class CoreProjects(private val client: PanoramixClient) : ProjectsSource {
  override val projects: StateFlow<List<Project>> = client.projects.projects

  override suspend fun refresh() {
    client.projects.refresh()
  }
}

class CoreNotes(private val client: PanoramixClient) : NotesSource {
  override val notes: StateFlow<List<Note>> = client.notes.notes

  override suspend fun refresh() {
    client.notes.refresh()
  }

  override suspend fun create(title: String, content: String): Note = client.notes.create(ApiNotesPostRequest(title = title, content = content))
}

class CoreJournal(private val client: PanoramixClient) : JournalSource {
  override val entries: StateFlow<List<JournalEntry>> = client.journal.entries
  override val queued = client.queued(OutboxKind.JOURNAL_ENTRY)

  override suspend fun refresh() {
    client.journal.refresh()
  }

  override suspend fun write(content: String) {
    client.journal.write(content)
  }

  override fun dismiss(item: OutboxItem) = client.outbox.dismiss(item.seq)
}

class CoreNoteSessions(private val client: PanoramixClient) : NoteSessionsSource {
  override val sessions: StateFlow<List<NoteSession>> = client.noteSessions.sessions
  override val queued = client.queued(OutboxKind.NOTE_LINE)

  override fun lines(sessionId: String): StateFlow<List<NoteLine>> = client.noteSessions.lines(sessionId)

  override suspend fun refresh() {
    client.noteSessions.refresh()
  }

  override suspend fun refreshLines(sessionId: String) {
    client.noteSessions.refreshLines(sessionId)
  }

  override suspend fun start(name: String): NoteSession = client.noteSessions.start(name)

  override suspend fun write(sessionId: String, content: String) {
    client.noteSessions.write(sessionId, content)
  }

  override fun dismiss(item: OutboxItem) = client.outbox.dismiss(item.seq)
}

class CoreSearch(private val client: PanoramixClient) : SearchSource {
  override suspend fun search(query: String): List<SearchHit> = client.search.search(query)
}

/** A 401 at sign-in is the credentials; anything else (no network, 5xx) is the server. */
fun isRefusal(failure: Throwable): Boolean = failure is ClientException && (failure.statusCode == 401 || failure.statusCode == 400)
