package org.panoramix.app.notify

import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import org.panoramix.app.MainActivity
import org.panoramix.app.i18n.Texts
import org.panoramix.app.i18n.textsFor
import java.util.Locale

const val LIVE_CHANNEL = "live"
const val MESSAGES_CHANNEL = "messages"
const val ALARMS_CHANNEL = "alarms"

fun createNotificationChannels(context: Context) {
  val texts = textsFor(Locale.getDefault())
  val manager = context.getSystemService(NotificationManager::class.java) ?: return
  manager.createNotificationChannels(
    listOf(
      NotificationChannel(LIVE_CHANNEL, texts.liveChannel, NotificationManager.IMPORTANCE_MIN),
      NotificationChannel(MESSAGES_CHANNEL, texts.messagesChannel, NotificationManager.IMPORTANCE_HIGH),
      NotificationChannel(ALARMS_CHANNEL, texts.alarmsChannel, NotificationManager.IMPORTANCE_HIGH),
    ),
  )
}

/** Opens the app on what the notification is about (`room` or `alarm` extra). */
private fun openApp(context: Context, extra: String, id: String): PendingIntent =
  PendingIntent.getActivity(
    context,
    id.hashCode(),
    Intent(context, MainActivity::class.java).putExtra(extra, id).addFlags(Intent.FLAG_ACTIVITY_SINGLE_TOP),
    PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
  )

fun liveNotification(context: Context, texts: Texts) =
  NotificationCompat.Builder(context, LIVE_CHANNEL)
    .setSmallIcon(android.R.drawable.stat_notify_sync)
    .setContentTitle(texts.appName)
    .setContentText(texts.liveRunning)
    .setOngoing(true)
    .build()

fun notifyMessage(context: Context, roomId: String, roomName: String, text: String) = post(
  context,
  roomId.hashCode(),
  NotificationCompat.Builder(context, MESSAGES_CHANNEL)
    .setSmallIcon(android.R.drawable.stat_notify_chat)
    .setContentTitle(roomName)
    .setContentText(text)
    .setAutoCancel(true)
    .setContentIntent(openApp(context, EXTRA_ROOM, roomId)),
)

fun notifyAlarm(context: Context, alarmId: String, title: String, texts: Texts) = post(
  context,
  alarmId.hashCode(),
  NotificationCompat.Builder(context, ALARMS_CHANNEL)
    .setSmallIcon(android.R.drawable.ic_lock_idle_alarm)
    .setContentTitle(texts.alarms)
    .setContentText(title)
    .setCategory(NotificationCompat.CATEGORY_ALARM)
    .setPriority(NotificationCompat.PRIORITY_HIGH)
    .setAutoCancel(true)
    .setContentIntent(openApp(context, EXTRA_ALARM, alarmId)),
)

private fun post(context: Context, id: Int, builder: NotificationCompat.Builder) {
  val manager = NotificationManagerCompat.from(context)
  // Android 13+: the user may have refused notifications; then nothing is shown (no crash).
  if (manager.areNotificationsEnabled()) runCatching { manager.notify(id, builder.build()) }
}

const val EXTRA_ROOM = "room"
const val EXTRA_ALARM = "alarm"
