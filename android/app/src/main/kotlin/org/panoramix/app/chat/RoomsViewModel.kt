package org.panoramix.app.chat

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import org.panoramix.api.models.RoomView

data class RoomsState(
  /** Latest activity first. */
  val rooms: List<RoomView> = emptyList(),
  /** Unread messages in rooms that are not muted: the badge on the Discussions tab. */
  val unread: Int = 0,
)

class RoomsViewModel(private val source: ChatSource) : ViewModel() {
  val state: StateFlow<RoomsState> =
    source.rooms
      .map { rooms ->
        RoomsState(
          rooms = rooms.sortedByDescending { it.lastMessageAt },
          unread = rooms.filterNot { it.muted }.sumOf { it.unreadCount },
        )
      }.stateIn(viewModelScope, SharingStarted.Eagerly, RoomsState())

  fun refresh() {
    viewModelScope.launch { runCatching { source.refreshRooms() } }
  }
}
