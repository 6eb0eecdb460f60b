package org.panoramix.app.journal

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import org.panoramix.api.infrastructure.Serializer
import org.panoramix.api.models.ApiJournalPostRequest
import org.panoramix.api.models.JournalEntry
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxState

/** What the Journal screen needs of core's JournalRepository and outbox. */
interface JournalSource {
  /** My lines as last seen, newest first. */
  val entries: StateFlow<List<JournalEntry>>

  /** Lines written offline or refused, oldest first. */
  val queued: Flow<List<OutboxItem>>

  suspend fun refresh()

  /** Queues the line (with the moment it was written) and tries to send it. */
  suspend fun write(content: String)

  fun dismiss(item: OutboxItem)
}

data class JournalState(
  /** Newest first. */
  val entries: List<JournalEntry> = emptyList(),
  /** Written here and not on the server yet, newest first like the list they join. */
  val waiting: List<String> = emptyList(),
  val refused: List<OutboxItem> = emptyList(),
  val failedToLoad: Boolean = false,
)

class JournalViewModel(private val source: JournalSource) : ViewModel() {
  private val loadFailed = MutableStateFlow(false)

  val state: StateFlow<JournalState> =
    combine(source.entries, source.queued, loadFailed) { entries, queued, failed ->
      JournalState(
        entries = entries.sortedByDescending { it.createdAt },
        waiting = queued.filter { it.state == OutboxState.PENDING }.map(::contentOf).reversed(),
        refused = queued.filter { it.state == OutboxState.FAILED },
        failedToLoad = failed,
      )
    }.stateIn(viewModelScope, SharingStarted.Eagerly, JournalState())

  fun refresh() {
    viewModelScope.launch { loadFailed.value = runCatching { source.refresh() }.isFailure }
  }

  /** A blank line is ignored; offline, the outbox keeps it until the server is reachable. */
  fun write(content: String) {
    val trimmed = content.trim()
    if (trimmed.isEmpty()) return
    viewModelScope.launch { source.write(trimmed) }
  }

  fun dismiss(item: OutboxItem) = source.dismiss(item)

  private fun contentOf(item: OutboxItem) = Serializer.kotlinxSerializationJson.decodeFromString(ApiJournalPostRequest.serializer(), item.payload).content
}
