package org.panoramix.app.notes

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import org.panoramix.api.models.Note

interface NotesSource {
  val notes: StateFlow<List<Note>>

  suspend fun refresh()

  suspend fun create(title: String, content: String): Note
}

data class NotesState(
  /** Last changed first. */
  val notes: List<Note> = emptyList(),
  val saveFailed: Boolean = false,
)

class NotesViewModel(private val source: NotesSource) : ViewModel() {
  private val saveFailed = MutableStateFlow(false)

  val state: StateFlow<NotesState> =
    combine(source.notes, saveFailed) { notes, failed -> NotesState(notes.sortedByDescending { it.updatedAt }, failed) }
      .stateIn(viewModelScope, SharingStarted.Eagerly, NotesState())

  fun refresh() {
    viewModelScope.launch { runCatching { source.refresh() } }
  }

  /** Also where text shared from another app lands; a note needs a title, so the first line becomes one. */
  fun create(title: String, content: String) {
    val heading = title.trim().ifEmpty { content.lineSequence().firstOrNull { it.isNotBlank() }?.trim()?.take(TITLE_MAX) ?: return }
    viewModelScope.launch { saveFailed.value = runCatching { source.create(heading, content) }.isFailure }
  }

  companion object {
    const val TITLE_MAX = 120
  }
}
