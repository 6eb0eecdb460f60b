package org.panoramix.app.chat

import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.combinedClickable
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.lazy.rememberLazyListState
import androidx.compose.material3.DropdownMenu
import androidx.compose.material3.DropdownMenuItem
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.ListItem
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.panoramix.api.models.Message
import org.panoramix.api.models.MessageReactionsInner
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.i18n.Texts
import org.panoramix.app.notify.openRoomId
import org.panoramix.app.ui.Notice
import org.panoramix.app.ui.SubmitRow

@Composable
fun RoomScreen(model: RoomViewModel, roomId: String, names: Map<String, String>) {
  val texts = LocalTexts.current
  val state by model.state.collectAsStateWithLifecycle()
  val list = rememberLazyListState()
  LaunchedEffect(roomId) { model.open() }
  // While the room is on screen its messages are read here, not notified.
  DisposableEffect(roomId) {
    openRoomId.value = roomId
    onDispose { openRoomId.value = null }
  }
  LaunchedEffect(state.messages.size) {
    if (state.messages.isNotEmpty()) list.scrollToItem(state.messages.lastIndex)
    model.markLatestRead()
  }
  Column(Modifier.fillMaxSize()) {
    LazyColumn(Modifier.weight(1f), state = list) {
      items(state.messages, key = { it.id ?: it.clientId }) { message ->
        if (message.id == state.firstUnreadId) {
          Text(texts.newMessages, color = MaterialTheme.colorScheme.primary, modifier = Modifier.padding(8.dp))
          HorizontalDivider()
        }
        MessageRow(message, texts.attachment) { emoji -> message.id?.let { model.react(it, emoji) } }
      }
      items(state.outgoing, key = { it.clientId }) { outgoing ->
        ListItem(
          headlineContent = { Text(listOfNotNull(outgoing.attachment?.let { "📎 $it" }, outgoing.text.ifBlank { null }).joinToString(" — ")) },
          supportingContent = { Text(if (outgoing.refused) texts.refused else texts.waitingToSend(1)) },
        )
      }
    }
    if (state.typingUserIds.isNotEmpty()) Notice(texts.typing(state.typingUserIds.map { names[it] ?: it }))
    when (val upload = state.upload) {
      UploadStatus.Idle -> Unit
      UploadStatus.Uploading -> Notice(texts.uploading)
      is UploadStatus.Failed ->
        ListItem(
          headlineContent = { Text(texts.uploadText(upload.problem), color = MaterialTheme.colorScheme.error) },
          trailingContent = { TextButton(onClick = model::dismissUploadProblem) { Text(texts.dismiss) } },
        )
    }
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    val pick =
      rememberLauncherForActivityResult(ActivityResultContracts.GetContent()) { uri ->
        if (uri != null) {
          scope.launch {
            withContext(Dispatchers.IO) { readPickedFile(context, uri) }?.let { model.sendAttachment(it.name, it.mimeType, it.bytes) }
          }
        }
      }
    TextButton(onClick = { pick.launch("*/*") }, enabled = state.upload != UploadStatus.Uploading) { Text(texts.attach) }
    SubmitRow(texts.messageHint, texts.send, onChange = model::draftChanged) { model.send(it) }
  }
}

fun Texts.uploadText(problem: UploadProblem): String =
  when (problem) {
    UploadProblem.TOO_LARGE -> uploadTooLarge
    UploadProblem.TYPE_REFUSED -> uploadTypeRefused
    UploadProblem.FAILED -> uploadFailed
  }

/** A message; a long press offers the reactions. */
@Composable
private fun MessageRow(message: Message, attachmentWord: String, onReact: (MessageReactionsInner.Emoji) -> Unit) {
  var reacting by remember { mutableStateOf(false) }
  ListItem(
    headlineContent = { Text(message.text.ifBlank { attachmentWord }) },
    supportingContent = {
      Row {
        message.attachments.forEach { Text("📎 ${it.name}  ") }
        message.reactions.forEach { Text("${it.emoji.value} ${it.count}  ") }
      }
    },
    modifier = Modifier.combinedClickable(onClick = {}, onLongClick = { reacting = true }),
  )
  DropdownMenu(expanded = reacting, onDismissRequest = { reacting = false }) {
    MessageReactionsInner.Emoji.entries.forEach { emoji ->
      DropdownMenuItem(text = { Text(emoji.value) }, onClick = {
        reacting = false
        onReact(emoji)
      })
    }
  }
}
