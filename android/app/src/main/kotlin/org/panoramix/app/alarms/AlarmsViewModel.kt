package org.panoramix.app.alarms

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.SharingStarted
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.stateIn
import kotlinx.coroutines.launch
import org.panoramix.api.models.Alarm
import org.panoramix.core.repo.AlarmFired

/** What the Alarmes screen and the notifier need of core's AlarmsRepository. */
interface AlarmsSource {
  val alarms: StateFlow<List<Alarm>>
  val fired: Flow<AlarmFired>

  suspend fun refresh()

  suspend fun dismiss(id: String)

  suspend fun snooze(id: String, minutes: Int)
}

data class AlarmsState(
  /** Ringing first, then the enabled ones by their next time. */
  val ringing: List<Alarm> = emptyList(),
  val upcoming: List<Alarm> = emptyList(),
)

fun alarmsStateOf(alarms: List<Alarm>): AlarmsState =
  AlarmsState(
    ringing = alarms.filter { it.ringing },
    upcoming = alarms.filter { it.enabled && !it.done && !it.ringing }.sortedBy { it.effectiveAt ?: it.nextTriggerAt },
  )

class AlarmsViewModel(private val source: AlarmsSource) : ViewModel() {
  val state: StateFlow<AlarmsState> =
    source.alarms.map(::alarmsStateOf).stateIn(viewModelScope, SharingStarted.Eagerly, AlarmsState())

  fun refresh() {
    viewModelScope.launch { runCatching { source.refresh() } }
  }

  fun dismiss(id: String) {
    viewModelScope.launch { runCatching { source.dismiss(id) } }
  }

  fun snooze(id: String, minutes: Int = 10) {
    viewModelScope.launch { runCatching { source.snooze(id, minutes) } }
  }
}
