package org.panoramix.app.alarms

import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.app.i18n.LocalTexts

@Composable
fun AlarmsScreen(model: AlarmsViewModel) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  LaunchedEffect(Unit) { model.refresh() }
  LazyColumn {
    items(state.ringing, key = { it.id }) { alarm ->
      ListItem(
        headlineContent = { Text(alarm.title, color = MaterialTheme.colorScheme.primary) },
        trailingContent = {
          androidx.compose.foundation.layout.Row {
            TextButton(onClick = { model.snooze(alarm.id) }) { Text(texts.snooze) }
            TextButton(onClick = { model.dismiss(alarm.id) }) { Text(texts.dismiss) }
          }
        },
      )
    }
    items(state.upcoming, key = { it.id }) { alarm ->
      ListItem(headlineContent = { Text(alarm.title) }, supportingContent = { Text(alarm.effectiveAt ?: alarm.nextTriggerAt) })
    }
  }
}
