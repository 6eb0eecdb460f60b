package org.panoramix.app.chat

import androidx.compose.foundation.clickable
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Badge
import androidx.compose.material3.ListItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.api.models.RoomView

@Composable
fun RoomsScreen(model: RoomsViewModel, myUserId: String, onOpen: (RoomView) -> Unit) {
  val state by model.state.collectAsStateWithLifecycle()
  LaunchedEffect(Unit) { model.refresh() }
  LazyColumn {
    items(state.rooms, key = { it.id.orEmpty() }) { room ->
      ListItem(
        headlineContent = { Text(roomTitle(room, myUserId)) },
        supportingContent = room.lastMessage?.let { last -> { Text(last.text, maxLines = 1) } },
        trailingContent = if (room.unreadCount > 0 && !room.muted) ({ Badge { Text("${room.unreadCount}") } }) else null,
        modifier = Modifier.clickable { onOpen(room) },
      )
    }
  }
}
