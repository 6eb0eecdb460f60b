package org.panoramix.app.tasks

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.ListItem
import androidx.compose.material3.ScrollableTabRow
import androidx.compose.material3.Tab
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.i18n.Texts
import org.panoramix.app.ui.Notice
import org.panoramix.app.ui.RefusedItems
import org.panoramix.app.ui.SubmitRow

fun Texts.nameOf(quadrant: Quadrant) =
  when (quadrant) {
    Quadrant.DO_FIRST -> doFirst
    Quadrant.SCHEDULE -> schedule
    Quadrant.DELEGATE -> delegate
    Quadrant.DROP -> drop
  }

/** Tâches as the Eisenhower matrix: one tab per quadrant, quick add into the tab shown. */
@Composable
fun TasksScreen(model: TasksViewModel) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  var shown by rememberSaveable { mutableStateOf(Quadrant.DO_FIRST) }
  LaunchedEffect(Unit) { model.refresh() }
  Column {
    ScrollableTabRow(selectedTabIndex = shown.ordinal) {
      Quadrant.entries.forEach { quadrant ->
        Tab(selected = quadrant == shown, onClick = { shown = quadrant }, text = {
          Text("${texts.nameOf(quadrant)} (${state.quadrants.getValue(quadrant).size})")
        })
      }
    }
    SubmitRow(texts.quickAddHint, texts.add) { model.quickAdd(it, shown) }
    if (state.waiting > 0) Notice(texts.waitingToSend(state.waiting))
    RefusedItems(state.refused, model::dismiss)
    LazyColumn {
      items(state.quadrants.getValue(shown), key = { it.id.orEmpty() }) { task ->
        ListItem(
          leadingContent = { Checkbox(checked = false, onCheckedChange = { task.id?.let(model::complete) }) },
          headlineContent = { Text(task.title) },
          supportingContent = task.deadline?.let { { Text(it) } },
          trailingContent = {
            Column {
              if (task.isUrgent) FilterChip(selected = true, onClick = {}, label = { Text(texts.urgent) })
              if (task.isImportant) FilterChip(selected = true, onClick = {}, label = { Text(texts.important) })
            }
          },
        )
      }
    }
  }
}
