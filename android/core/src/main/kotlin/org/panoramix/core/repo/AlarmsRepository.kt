package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asSharedFlow
import kotlinx.coroutines.withContext
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.panoramix.api.apis.AlarmsApi
import org.panoramix.api.infrastructure.Serializer
import org.panoramix.api.models.Alarm
import org.panoramix.api.models.ApiAlarmsIdSnoozePostRequest
import org.panoramix.core.cache.CachedList
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.cache.allPages
import org.panoramix.core.live.LiveEvent
import org.panoramix.core.live.ServerEvents

/** `alarm.fired`: the server rang [alarm]; [late] when it came due while no server ran. */
data class AlarmFired(
    val alarm: Alarm,
    val dueAt: String,
    val late: Boolean,
)

class AlarmsRepository internal constructor(
    private val api: AlarmsApi,
    cache: LocalCache,
) : LiveApplier {
    private val list = CachedList(cache, "alarm", Alarm.serializer(), { it.id })
    private val mutableFired = MutableSharedFlow<AlarmFired>(extraBufferCapacity = 16)
    val alarms: StateFlow<List<Alarm>> = list.items

    /** Each ring, for the app to show as a notification. */
    val fired: SharedFlow<AlarmFired> = mutableFired.asSharedFlow()

    suspend fun refresh(): List<Alarm> =
        withContext(Dispatchers.IO) {
            allPages({ api.apiAlarmsGet(limit = 100, cursor = it) }, { it.items }, { it.nextCursor }).also(list::replace)
        }

    suspend fun dismiss(id: String): Alarm = withContext(Dispatchers.IO) { api.apiAlarmsIdDismissPost(id).also(list::upsert) }

    suspend fun snooze(
        id: String,
        request: ApiAlarmsIdSnoozePostRequest,
    ): Alarm = withContext(Dispatchers.IO) { api.apiAlarmsIdSnoozePost(id, request).also(list::upsert) }

    override fun apply(event: LiveEvent) {
        when (event.name) {
            ServerEvents.ALARM_CREATED, ServerEvents.ALARM_UPDATED -> list.upsert(event.decode(Alarm.serializer()))
            ServerEvents.ALARM_DELETED -> list.remove(event.idField())
            ServerEvents.ALARM_FIRED -> {
                val payload = event.data.jsonObject
                val alarm = Serializer.kotlinxSerializationJson.decodeFromJsonElement(Alarm.serializer(), payload.getValue("alarm"))
                list.upsert(alarm)
                mutableFired.tryEmit(
                    AlarmFired(alarm, payload.getValue("dueAt").jsonPrimitive.content, payload.getValue("late").jsonPrimitive.boolean),
                )
            }
        }
    }
}
