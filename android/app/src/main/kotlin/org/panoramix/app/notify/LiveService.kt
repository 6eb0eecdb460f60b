package org.panoramix.app.notify

import android.app.Service
import android.content.Context
import android.content.Intent
import android.content.pm.ServiceInfo
import android.os.IBinder
import androidx.core.app.ServiceCompat
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.collectLatest
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.launch
import org.panoramix.api.models.Message
import org.panoramix.app.PanoramixApplication
import org.panoramix.app.Signed
import org.panoramix.app.chat.roomTitle
import org.panoramix.app.i18n.textsFor
import org.panoramix.core.live.ServerEvents
import java.util.Locale

/**
 * Keeps the socket while the app is in use (started and stopped by the process lifecycle), and
 * turns new messages and rung alarms into notifications. Unlike Organizer's ChatService it never
 * runs in the background: the foreground type is dataSync, stopped as soon as no screen is visible.
 */
class LiveService : Service() {
  private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Main)
  private var watching: Job? = null

  override fun onBind(intent: Intent?): IBinder? = null

  override fun onStartCommand(intent: Intent?, flags: Int, startId: Int): Int {
    val texts = textsFor(Locale.getDefault())
    ServiceCompat.startForeground(this, LIVE_NOTIFICATION, liveNotification(this, texts), ServiceInfo.FOREGROUND_SERVICE_TYPE_DATA_SYNC)
    if (watching == null) {
      val container = (application as PanoramixApplication).container
      watching = scope.launch { container.signed.collectLatest { signed -> if (signed != null) watch(signed) } }
    }
    return START_NOT_STICKY
  }

  /** Until the next sign-in (collectLatest cancels it): alarms and messages of [signed]'s client. */
  private suspend fun watch(signed: Signed) = coroutineScope {
    val texts = textsFor(Locale.getDefault())
    val client = signed.client
    client.live.connect()
    launch {
      client.alarms.fired.collect { notifyAlarm(this@LiveService, it.alarm.id, it.alarm.title, texts) }
    }
    client.live.events.filter { it.name == ServerEvents.MESSAGE_NEW }.collect { event ->
      val message = event.decode(Message.serializer())
      val rooms = client.chat.roomViews.value
      if (shouldNotify(message, signed.user.id, openRoomId.value, rooms)) {
        val roomName = rooms.firstOrNull { it.id == message.roomId }?.let { roomTitle(it, signed.user.id) } ?: texts.chat
        notifyMessage(this@LiveService, message.roomId.orEmpty(), roomName, notificationText(message, texts.attachment))
      }
    }
  }

  override fun onDestroy() {
    // No screen in use any more: the socket goes too (messages wait for the next start).
    (application as PanoramixApplication).container.signed.value?.client?.live?.disconnect()
    scope.cancel()
    super.onDestroy()
  }

  companion object {
    private const val LIVE_NOTIFICATION = 1

    fun start(context: Context) {
      runCatching { context.startForegroundService(Intent(context, LiveService::class.java)) }
    }

    fun stop(context: Context) {
      context.stopService(Intent(context, LiveService::class.java))
    }
  }
}
