package org.panoramix.app.notes

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.flatMapLatest
import kotlinx.coroutines.flow.flowOf
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import org.panoramix.api.infrastructure.Serializer
import org.panoramix.api.models.ApiNoteLinesPostRequest
import org.panoramix.api.models.NoteLine
import org.panoramix.api.models.NoteSession
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxState

/** What the Sessions tab of Notes needs of core's NoteSessionsRepository and outbox. */
interface NoteSessionsSource {
  val sessions: StateFlow<List<NoteSession>>

  /** Lines written offline or refused, oldest first (target = their session). */
  val queued: Flow<List<OutboxItem>>

  fun lines(sessionId: String): StateFlow<List<NoteLine>>

  suspend fun refresh()

  suspend fun refreshLines(sessionId: String)

  /** Needs the server: a session's lines need its id. */
  suspend fun start(name: String): NoteSession

  suspend fun write(sessionId: String, content: String)

  fun dismiss(item: OutboxItem)
}

/** A line of the open session: on the server, or written here and waiting to be sent. */
data class SessionLine(val key: String, val content: String, val waiting: Boolean)

data class NoteSessionsState(
  /** Newest first. */
  val sessions: List<NoteSession> = emptyList(),
  /** The session on screen; null shows the list. */
  val open: NoteSession? = null,
  /** The open session's lines in order, those waiting to be sent after them. */
  val lines: List<SessionLine> = emptyList(),
  val refused: List<OutboxItem> = emptyList(),
  /** The last start failed (offline, most likely: a session is started online). */
  val startFailed: Boolean = false,
)

@OptIn(ExperimentalCoroutinesApi::class)
class NoteSessionsViewModel(private val source: NoteSessionsSource) : ViewModel() {
  private val openId = MutableStateFlow<String?>(null)
  private val startFailed = MutableStateFlow(false)
  private val openLines = openId.flatMapLatest { id -> if (id == null) flowOf(emptyList()) else source.lines(id) }

  val state: StateFlow<NoteSessionsState> =
    combine(source.sessions, openId, openLines, source.queued, startFailed) { sessions, id, lines, queued, failed ->
      val mine = queued.filter { it.target == id }
      NoteSessionsState(
        sessions = sessions.sortedByDescending { it.createdAt },
        open = sessions.firstOrNull { it.id == id },
        lines =
          lines.sortedBy { it.rank }.map { SessionLine(it.id, it.content, waiting = false) } +
            mine.filter { it.state == OutboxState.PENDING }.map { SessionLine(it.idempotencyKey, contentOf(it), waiting = true) },
        refused = mine.filter { it.state == OutboxState.FAILED },
        startFailed = failed,
      )
    }.stateIn(viewModelScope, SharingStarted.Eagerly, NoteSessionsState())

  fun refresh() {
    viewModelScope.launch { runCatching { source.refresh() } }
  }

  /** Starts a session (a blank name is allowed: the server keeps it empty) and opens it. */
  fun start(name: String) {
    viewModelScope.launch {
      val session = runCatching { source.start(name.trim()) }.getOrNull()
      startFailed.value = session == null
      if (session != null) open(session.id)
    }
  }

  fun open(sessionId: String) {
    openId.value = sessionId
    viewModelScope.launch { runCatching { source.refreshLines(sessionId) } }
  }

  fun back() {
    openId.value = null
  }

  /** A line of the open session; blank ones are ignored. Offline, the outbox keeps it. */
  fun write(content: String) {
    val sessionId = openId.value ?: return
    val trimmed = content.trim()
    if (trimmed.isEmpty()) return
    viewModelScope.launch { source.write(sessionId, trimmed) }
  }

  fun dismiss(item: OutboxItem) = source.dismiss(item)

  private fun contentOf(item: OutboxItem) = Serializer.kotlinxSerializationJson.decodeFromString(ApiNoteLinesPostRequest.serializer(), item.payload).content
}
