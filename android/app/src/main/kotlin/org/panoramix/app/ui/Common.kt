package org.panoramix.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.core.outbox.OutboxItem
import java.time.Instant
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import java.time.format.FormatStyle

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

/** Items the server refused (a 4xx): why, and a button to forget each. */
@Composable
fun RefusedItems(items: List<OutboxItem>, onDismiss: (OutboxItem) -> Unit) {
  val texts = LocalTexts.current
  items.forEach { item ->
    ListItem(
      headlineContent = { Text(texts.refused, color = MaterialTheme.colorScheme.error) },
      supportingContent = { Text(item.problem.orEmpty(), maxLines = 2) },
      trailingContent = { TextButton(onClick = { onDismiss(item) }) { Text(texts.dismiss) } },
    )
  }
}

/** An ISO time of the server as the device shows a date and time (its zone and language); unparsable stays as it came. */
fun shortDateTime(iso: String, zone: ZoneId = ZoneId.systemDefault()): String =
  runCatching { Instant.parse(iso).atZone(zone).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)) }.getOrDefault(iso)
