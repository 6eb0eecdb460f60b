package org.panoramix.app.home

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.ListItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.ui.SectionTitle

@Composable
fun HomeScreen(model: HomeViewModel) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  Column(Modifier.padding(8.dp)) {
    ListItem(headlineContent = { Text(texts.openTasks(state.openTasks)) })
    ListItem(headlineContent = { Text(texts.unreadMessages(state.unread)) })
    ListItem(
      headlineContent = { Text(state.nextAlarm?.title ?: texts.noAlarm) },
      supportingContent = state.nextAlarm?.let { alarm -> { Text(alarm.effectiveAt ?: alarm.nextTriggerAt) } },
      overlineContent = { Text(texts.nextAlarm) },
    )
    if (state.doFirst.isNotEmpty()) SectionTitle(texts.doFirst)
    state.doFirst.forEach { task -> ListItem(headlineContent = { Text(task.title) }) }
  }
}
