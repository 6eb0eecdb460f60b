package org.panoramix.app.search

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.ListItem
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.ui.Notice

@Composable
fun SearchScreen(model: SearchViewModel) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  Column {
    OutlinedTextField(state.query, model::type, label = { Text(texts.searchHint) }, singleLine = true, modifier = Modifier.fillMaxWidth().padding(8.dp))
    when {
      state.failed -> Notice(texts.serverUnreachable)
      state.query.trim().length >= SearchViewModel.MIN_LENGTH && !state.searching && state.hits.isEmpty() -> Notice(texts.noResults)
    }
    LazyColumn {
      items(state.hits, key = { "${it.kind}:${it.id}" }) { hit ->
        ListItem(overlineContent = { Text(hit.kind.value) }, headlineContent = { Text(hit.title) }, supportingContent = { Text(hit.snippet, maxLines = 2) })
      }
    }
  }
}
