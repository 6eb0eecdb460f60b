package org.panoramix.app.journal

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.ListItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.ui.Notice
import org.panoramix.app.ui.RefusedItems
import org.panoramix.app.ui.SubmitRow
import org.panoramix.app.ui.shortDateTime

/** Journal: a line to write (offline too), lines waiting to be sent, then my lines, newest first. */
@Composable
fun JournalScreen(model: JournalViewModel) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  LaunchedEffect(Unit) { model.refresh() }
  Column {
    SubmitRow(texts.journalHint, texts.add) { model.write(it) }
    if (state.failedToLoad) Notice(texts.offline)
    RefusedItems(state.refused, model::dismiss)
    if (state.entries.isEmpty() && state.waiting.isEmpty()) Notice(texts.noJournal)
    LazyColumn {
      items(state.waiting) { line -> ListItem(headlineContent = { Text(line) }, supportingContent = { Text(texts.waitingToSend(1)) }) }
      items(state.entries, key = { it.id }) { entry ->
        val written = remember(entry.createdAt) { shortDateTime(entry.createdAt) }
        ListItem(headlineContent = { Text(entry.content) }, supportingContent = { Text(written) })
      }
    }
  }
}
