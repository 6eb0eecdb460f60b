package org.panoramix.app.ui

import android.net.Uri
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Badge
import androidx.compose.material3.BadgedBox
import androidx.compose.material3.ListItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.ScrollableTabRow
import androidx.compose.material3.Tab
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.foundation.clickable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.panoramix.app.AppContainer
import org.panoramix.app.Signed
import org.panoramix.app.alarms.AlarmsScreen
import org.panoramix.app.alarms.AlarmsViewModel
import org.panoramix.app.chat.RoomScreen
import org.panoramix.app.chat.RoomViewModel
import org.panoramix.app.chat.RoomsScreen
import org.panoramix.app.chat.RoomsViewModel
import org.panoramix.app.chat.memberNames
import org.panoramix.app.chat.readPickedFile
import org.panoramix.app.data.CoreAlarms
import org.panoramix.app.data.CoreChat
import org.panoramix.app.data.CoreJournal
import org.panoramix.app.data.CoreNoteSessions
import org.panoramix.app.data.CoreNotes
import org.panoramix.app.data.CoreProjects
import org.panoramix.app.data.CoreSearch
import org.panoramix.app.data.CoreTasks
import org.panoramix.app.home.HomeScreen
import org.panoramix.app.home.HomeViewModel
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.journal.JournalScreen
import org.panoramix.app.journal.JournalViewModel
import org.panoramix.app.notes.NoteSessionsViewModel
import org.panoramix.app.notes.NotesSection
import org.panoramix.app.notes.NotesViewModel
import org.panoramix.app.projects.ProjectTasksScreen
import org.panoramix.app.projects.ProjectsScreen
import org.panoramix.app.projects.ProjectsViewModel
import org.panoramix.app.search.SearchScreen
import org.panoramix.app.search.SearchViewModel
import org.panoramix.app.share.SharedContent
import org.panoramix.app.signin.SignInScreen
import org.panoramix.app.signin.SignInViewModel
import org.panoramix.app.tasks.TasksScreen
import org.panoramix.app.tasks.TasksViewModel

enum class Section { HOME, PROJECTS, TASKS, NOTES, JOURNAL, CHAT, ALARMS, SEARCH }

/** The root: sign-in until a session exists, then the sections (a room opens over Discussions). */
@Composable
fun PanoramixApp(container: AppContainer, shared: SharedContent?, openRoom: String?, onShareHandled: () -> Unit) {
  val signed by container.signed.collectAsStateWithLifecycle()
  val current = signed
  if (current == null) {
    SignInScreen(viewModel { SignInViewModel(container::signIn, container.lastServerUrl) })
  } else {
    SignedIn(current, container, shared, openRoom, onShareHandled)
  }
}

@Composable
private fun SignedIn(signed: Signed, container: AppContainer, shared: SharedContent?, openRoom: String?, onShareHandled: () -> Unit) {
  val texts = LocalTexts.current
  val client = signed.client
  val scope = rememberCoroutineScope()
  var section by rememberSaveable { mutableStateOf(if (openRoom != null) Section.CHAT else Section.HOME) }
  var room by rememberSaveable { mutableStateOf(openRoom) }
  // The project opened over Projets: its id and name.
  var project by rememberSaveable { mutableStateOf<Pair<String, String>?>(null) }
  // Shared text waits here once the user said where it goes: the next room opened, or a new note.
  var forRoom by rememberSaveable { mutableStateOf<String?>(null) }
  // One content URI a line (a saved state takes a String as it is).
  var imagesForRoom by rememberSaveable { mutableStateOf("") }
  var forNote by rememberSaveable { mutableStateOf("") }
  val rooms = viewModel(key = "rooms") { RoomsViewModel(CoreChat(client)) }
  val unread by rooms.state.collectAsStateWithLifecycle()
  val names =
    mapOf(
      Section.HOME to texts.home, Section.PROJECTS to texts.projects, Section.TASKS to texts.tasks, Section.NOTES to texts.notes,
      Section.JOURNAL to texts.journal, Section.CHAT to texts.chat, Section.ALARMS to texts.alarms, Section.SEARCH to texts.search,
    )
  Scaffold(topBar = {
    ScrollableTabRow(selectedTabIndex = section.ordinal) {
      Section.entries.forEach { entry ->
        Tab(selected = entry == section, onClick = {
          section = entry
          room = null
          project = null
        }, text = {
          if (entry == Section.CHAT && unread.unread > 0) BadgedBox(badge = { Badge { Text("${unread.unread}") } }) { Text(names.getValue(entry)) }
          else Text(names.getValue(entry))
        })
      }
    }
  }) { padding ->
    Column(Modifier.fillMaxSize().padding(padding)) {
      if (shared != null) {
        ShareChooser(
          onRoom = {
            forRoom = shared.text
            imagesForRoom = shared.imageUris.joinToString("\n")
            section = Section.CHAT
            onShareHandled()
          },
          onNote = {
            forNote = shared.text
            section = Section.NOTES
            onShareHandled()
          },
        )
      }
      when (section) {
        Section.HOME -> HomeScreen(viewModel(key = "home") { HomeViewModel(client.tasks.tasks, client.chat.roomViews, client.alarms.alarms) })
        Section.PROJECTS -> {
          val opened = project
          if (opened == null) {
            ProjectsScreen(viewModel(key = "projects") { ProjectsViewModel(CoreProjects(client)) }) { picked ->
              project = picked.id to picked.name
            }
          } else {
            val (projectId, name) = opened
            ProjectTasksScreen(name, viewModel(key = "project:$projectId") { TasksViewModel(CoreTasks(client), projectId) }) { project = null }
          }
        }
        Section.TASKS -> TasksScreen(viewModel(key = "tasks") { TasksViewModel(CoreTasks(client)) })
        Section.NOTES ->
          NotesSection(
            viewModel(key = "notes") { NotesViewModel(CoreNotes(client)) },
            viewModel(key = "noteSessions") { NoteSessionsViewModel(CoreNoteSessions(client)) },
            sharedText = forNote,
            onSharedUsed = { forNote = "" },
          )
        Section.JOURNAL -> JournalScreen(viewModel(key = "journal") { JournalViewModel(CoreJournal(client)) })
        Section.ALARMS -> AlarmsScreen(viewModel(key = "alarms") { AlarmsViewModel(CoreAlarms(client)) })
        Section.SEARCH -> SearchScreen(viewModel(key = "search") { SearchViewModel(CoreSearch(client)) })
        Section.CHAT -> {
          val roomId = room
          if (roomId == null) {
            RoomsScreen(rooms, signed.user.id) { picked -> room = picked.id }
          } else {
            val opened = unread.rooms.firstOrNull { it.id == roomId }
            val unreadAtOpen = opened?.unreadCount ?: 0
            val model = viewModel(key = "room:$roomId") { RoomViewModel(CoreChat(client), roomId, signed.user.id, unreadAtOpen) }
            val context = LocalContext.current
            LaunchedEffect(roomId, forRoom, imagesForRoom) {
              // Shared images are uploaded then sent, each as its own message; the shared text goes with the first.
              val uris = imagesForRoom.lines().filter { it.isNotBlank() }
              val images = withContext(Dispatchers.IO) { uris.mapNotNull { readPickedFile(context, Uri.parse(it)) } }
              if (images.isEmpty()) forRoom?.let(model::send)
              images.forEachIndexed { index, image ->
                model.sendAttachment(image.name, image.mimeType, image.bytes, caption = if (index == 0) forRoom.orEmpty() else "")
              }
              forRoom = null
              imagesForRoom = ""
            }
            RoomScreen(model, roomId, memberNames(opened))
          }
        }
      }
      TextButton(onClick = { scope.launch { container.signOut() } }) { Text(texts.signOut) }
    }
  }
}

@Composable
private fun ShareChooser(onRoom: () -> Unit, onNote: () -> Unit) {
  val texts = LocalTexts.current
  SectionTitle(texts.shareInto)
  ListItem(headlineContent = { Text(texts.shareToRoom) }, modifier = Modifier.clickable(onClick = onRoom))
  ListItem(headlineContent = { Text(texts.shareToNote) }, modifier = Modifier.clickable(onClick = onNote))
}
