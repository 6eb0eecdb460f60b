package org.panoramix.app.search

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.FlowPreview
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.collectLatest
import kotlinx.coroutines.flow.debounce
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.panoramix.api.models.SearchHit

fun interface SearchSource {
  suspend fun search(query: String): List<SearchHit>
}

data class SearchState(
  val query: String = "",
  val hits: List<SearchHit> = emptyList(),
  val searching: Boolean = false,
  val failed: Boolean = false,
)

/** Searches as the user types: after a pause, from two characters, the latest query winning. */
@OptIn(FlowPreview::class)
class SearchViewModel(private val source: SearchSource) : ViewModel() {
  private val query = MutableStateFlow("")
  private val mutableState = MutableStateFlow(SearchState())
  val state: StateFlow<SearchState> = mutableState.asStateFlow()

  init {
    viewModelScope.launch {
      query.map { it.trim() }.debounce(PAUSE_MS).distinctUntilChanged().collectLatest { text ->
        if (text.length < MIN_LENGTH) {
          mutableState.update { it.copy(hits = emptyList(), searching = false, failed = false) }
          return@collectLatest
        }
        mutableState.update { it.copy(searching = true, failed = false) }
        val outcome = runCatching { source.search(text) }
        mutableState.update { it.copy(hits = outcome.getOrDefault(emptyList()), searching = false, failed = outcome.isFailure) }
      }
    }
  }

  fun type(text: String) {
    query.value = text
    mutableState.update { it.copy(query = text) }
  }

  companion object {
    const val PAUSE_MS = 300L
    const val MIN_LENGTH = 2
  }
}
