package org.panoramix.app.home

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.combine
import kotlinx.coroutines.flow.stateIn
import org.panoramix.api.models.Alarm
import org.panoramix.api.models.RoomView
import org.panoramix.api.models.Task
import org.panoramix.app.alarms.alarmsStateOf
import org.panoramix.app.tasks.Quadrant
import org.panoramix.app.tasks.quadrantOf

data class HomeState(
  val openTasks: Int = 0,
  /** Urgent and important: the Accueil's short list. */
  val doFirst: List<Task> = emptyList(),
  val unread: Int = 0,
  val nextAlarm: Alarm? = null,
)

/** Accueil: a summary of the lists the other screens keep current (no request of its own). */
class HomeViewModel(
  tasks: StateFlow<List<Task>>,
  rooms: StateFlow<List<RoomView>>,
  alarms: StateFlow<List<Alarm>>,
) : ViewModel() {
  val state: StateFlow<HomeState> =
    combine(tasks, rooms, alarms) { taskList, roomList, alarmList ->
      val open = taskList.filter { it.status != Task.Status.DONE }
      HomeState(
        openTasks = open.size,
        doFirst = open.filter { quadrantOf(it) == Quadrant.DO_FIRST }.sortedBy { it.rank }.take(5),
        unread = roomList.filterNot { it.muted }.sumOf { it.unreadCount },
        nextAlarm = alarmsStateOf(alarmList).upcoming.firstOrNull(),
      )
    }.stateIn(viewModelScope, SharingStarted.Eagerly, HomeState())
}
