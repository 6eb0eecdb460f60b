package org.panoramix.app.notes

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Button
import androidx.compose.material3.ListItem
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.ui.SectionTitle

/** Notes: the list, and a new note (prefilled with text shared from another app). */
@Composable
fun NotesScreen(model: NotesViewModel, sharedText: String = "", onSharedUsed: () -> Unit = {}) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  var title by rememberSaveable { mutableStateOf("") }
  var content by rememberSaveable(sharedText) { mutableStateOf(sharedText) }
  LaunchedEffect(Unit) { model.refresh() }
  Column {
    SectionTitle(texts.newNote)
    Column(Modifier.padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
      OutlinedTextField(title, { title = it }, label = { Text(texts.title) }, singleLine = true, modifier = Modifier.fillMaxWidth())
      OutlinedTextField(content, { content = it }, label = { Text(texts.content) }, minLines = 3, modifier = Modifier.fillMaxWidth())
      Button(onClick = {
        model.create(title, content)
        onSharedUsed()
        title = ""
        content = ""
      }, enabled = title.isNotBlank() || content.isNotBlank()) { Text(texts.save) }
    }
    LazyColumn {
      items(state.notes, key = { it.id }) { note ->
        ListItem(headlineContent = { Text(note.title) }, supportingContent = { Text(note.content, maxLines = 2) })
      }
    }
  }
}
