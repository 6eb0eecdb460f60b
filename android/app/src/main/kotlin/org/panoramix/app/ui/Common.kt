package org.panoramix.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp

/** A one-line field with its button: quick add, the message composer, a search box. */
@Composable
fun SubmitRow(hint: String, action: String, onChange: (String) -> Unit = {}, onSubmit: (String) -> Unit) {
  var text by rememberSaveable { mutableStateOf("") }
  Row(Modifier.fillMaxWidth().padding(8.dp), horizontalArrangement = Arrangement.spacedBy(8.dp), verticalAlignment = Alignment.CenterVertically) {
    OutlinedTextField(
      value = text,
      onValueChange = {
        text = it
        onChange(it)
      },
      label = { Text(hint) },
      singleLine = true,
      modifier = Modifier.weight(1f),
    )
    Button(onClick = {
      onSubmit(text)
      text = ""
    }, enabled = text.isNotBlank()) { Text(action) }
  }
}

@Composable
fun SectionTitle(text: String) = Text(text, style = MaterialTheme.typography.titleMedium, modifier = Modifier.padding(horizontal = 16.dp, vertical = 8.dp))

@Composable
fun Notice(text: String) = Text(text, color = MaterialTheme.colorScheme.onSurfaceVariant, modifier = Modifier.padding(16.dp))
