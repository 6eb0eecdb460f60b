package org.panoramix.app.projects

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import org.panoramix.api.models.Project

interface ProjectsSource {
  val projects: StateFlow<List<Project>>

  suspend fun refresh()
}

/** Favourites first (their own order), then the rest by rank. */
class ProjectsViewModel(private val source: ProjectsSource) : ViewModel() {
  val projects: StateFlow<List<Project>> =
    source.projects
      .map { list -> list.filter { it.isFavorite }.sortedBy { it.favoriteRank } + list.filterNot { it.isFavorite }.sortedBy { it.rank } }
      .stateIn(viewModelScope, SharingStarted.Eagerly, emptyList())

  fun refresh() {
    viewModelScope.launch { runCatching { source.refresh() } }
  }
}
