package org.panoramix.app.notes

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Tab
import androidx.compose.material3.TabRow
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.ui.Notice
import org.panoramix.app.ui.RefusedItems
import org.panoramix.app.ui.SectionTitle
import org.panoramix.app.ui.SubmitRow
import org.panoramix.app.ui.shortDateTime

/** Notes: two tabs, the notes themselves and the note sessions (text shared into a note opens the first). */
@Composable
fun NotesSection(notes: NotesViewModel, sessions: NoteSessionsViewModel, sharedText: String, onSharedUsed: () -> Unit) {
  val texts = LocalTexts.current
  var tab by rememberSaveable { mutableIntStateOf(0) }
  Column {
    TabRow(selectedTabIndex = if (sharedText.isNotEmpty()) 0 else tab) {
      Tab(selected = tab == 0, onClick = { tab = 0 }, text = { Text(texts.notesTab) })
      Tab(selected = tab == 1, onClick = { tab = 1 }, text = { Text(texts.sessionsTab) })
    }
    if (tab == 0 || sharedText.isNotEmpty()) NotesScreen(notes, sharedText, onSharedUsed) else NoteSessionsScreen(sessions)
  }
}

/** The sessions, newest first, with a field to start one; a session opens to its lines and a field to add one. */
@Composable
fun NoteSessionsScreen(model: NoteSessionsViewModel) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  LaunchedEffect(Unit) { model.refresh() }
  val open = state.open
  Column {
    if (open == null) {
      SubmitRow(texts.sessionNameHint, texts.startSession, onSubmit = model::start)
      if (state.startFailed) Notice(texts.sessionNeedsNetwork)
      LazyColumn {
        items(state.sessions, key = { it.id }) { session ->
          ListItem(
            headlineContent = { Text(session.name.ifBlank { texts.untitledSession }) },
            supportingContent = { Text(shortDateTime(session.createdAt) + if (session.closedAt != null) " · ${texts.closed}" else "") },
            modifier = Modifier.clickable { model.open(session.id) },
          )
        }
      }
    } else {
      TextButton(onClick = model::back) { Text(texts.back) }
      SectionTitle(open.name.ifBlank { texts.untitledSession })
      RefusedItems(state.refused, model::dismiss)
      LazyColumn(Modifier.weight(1f, fill = false)) {
        items(state.lines, key = { it.key }) { line ->
          ListItem(
            headlineContent = { Text(line.content) },
            supportingContent = if (line.waiting) ({ Text(texts.waitingToSend(1), color = MaterialTheme.colorScheme.onSurfaceVariant) }) else null,
          )
        }
      }
      SubmitRow(texts.lineHint, texts.add, onSubmit = model::write)
    }
  }
}
