package org.panoramix.app.tasks

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import org.panoramix.api.models.Task
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxState

/** What the Tâches screen needs of core's TasksRepository and outbox. */
interface TasksSource {
  val tasks: StateFlow<List<Task>>

  /** Tasks queued offline or refused, oldest first. */
  val queued: Flow<List<OutboxItem>>

  suspend fun refresh()

  /** `projectId` null: into the inbox. */
  suspend fun create(title: String, urgent: Boolean, important: Boolean, projectId: String?)

  suspend fun complete(id: String)

  fun dismiss(item: OutboxItem)
}

/** The Eisenhower matrix: urgent × important. */
enum class Quadrant { DO_FIRST, SCHEDULE, DELEGATE, DROP }

fun quadrantOf(task: Task): Quadrant =
  when {
    task.isUrgent && task.isImportant -> Quadrant.DO_FIRST
    task.isImportant -> Quadrant.SCHEDULE
    task.isUrgent -> Quadrant.DELEGATE
    else -> Quadrant.DROP
  }

data class TasksState(
  /** Open tasks by quadrant, every quadrant present (empty ones too), in the server's rank order. */
  val quadrants: Map<Quadrant, List<Task>> = Quadrant.entries.associateWith { emptyList() },
  val waiting: Int = 0,
  val refused: List<OutboxItem> = emptyList(),
  val failedToLoad: Boolean = false,
)

/** Tâches, or one project's tasks when `projectId` is given (quick add then goes into that project). */
class TasksViewModel(private val source: TasksSource, private val projectId: String? = null) : ViewModel() {
  private val loadFailed = MutableStateFlow(false)

  val state: StateFlow<TasksState> =
    combine(source.tasks, source.queued, loadFailed) { tasks, queued, failed ->
      val open = tasks.filter { it.status != Task.Status.DONE && (projectId == null || it.projectId == projectId) }.sortedBy { it.rank }
      TasksState(
        quadrants = Quadrant.entries.associateWith { quadrant -> open.filter { quadrantOf(it) == quadrant } },
        waiting = queued.count { it.state == OutboxState.PENDING },
        refused = queued.filter { it.state == OutboxState.FAILED },
        failedToLoad = failed,
      )
    }.stateIn(viewModelScope, SharingStarted.Eagerly, TasksState())

  fun refresh() {
    viewModelScope.launch { loadFailed.value = runCatching { source.refresh() }.isFailure }
  }

  /** Quick add into a quadrant; blank titles are ignored. Offline, the outbox keeps it. */
  fun quickAdd(title: String, quadrant: Quadrant = Quadrant.DO_FIRST) {
    val trimmed = title.trim()
    if (trimmed.isEmpty()) return
    val urgent = quadrant == Quadrant.DO_FIRST || quadrant == Quadrant.DELEGATE
    val important = quadrant == Quadrant.DO_FIRST || quadrant == Quadrant.SCHEDULE
    viewModelScope.launch { source.create(trimmed, urgent, important, projectId) }
  }

  fun complete(id: String) {
    viewModelScope.launch { runCatching { source.complete(id) } }
  }

  fun dismiss(item: OutboxItem) = source.dismiss(item)
}
