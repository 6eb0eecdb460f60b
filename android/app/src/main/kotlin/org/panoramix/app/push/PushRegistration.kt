package org.panoramix.app.push

import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.SharedPreferences
import java.util.UUID

/**
 * This install's registration with a UnifiedPush distributor: the token it chose, the distributor
 * it asked and the address that distributor gave, in the app's private preferences. No distributor
 * installed: no push, and the app catches up when opened (the outbox and the cache make up for it).
 */
class PushRegistration(private val context: Context, private val prefs: SharedPreferences) {
  val token: String? get() = prefs.getString(TOKEN, null)
  val endpoint: String? get() = prefs.getString(ENDPOINT, null)

  /** Installed distributors: the apps that take UnifiedPush's REGISTER broadcast. */
  private fun distributors(): List<String> =
    context.packageManager
      .queryBroadcastReceivers(Intent(UnifiedPush.ACTION_REGISTER), 0)
      .map { it.activityInfo.packageName }
      .filter { it != context.packageName }

  /** Asks the distributor chosen before (or the first installed) for an address; its answer reaches [PushReceiver]. */
  fun register(): Boolean {
    val installed = distributors()
    val distributor = prefs.getString(DISTRIBUTOR, null)?.takeIf { it in installed } ?: installed.firstOrNull() ?: return false
    val token = token ?: UUID.randomUUID().toString()
    prefs.edit().putString(TOKEN, token).putString(DISTRIBUTOR, distributor).apply()
    // AND_3: the distributor reads which app asks from a PendingIntent this app created.
    val identity = PendingIntent.getBroadcast(context, 0, Intent(IDENTITY).setPackage(context.packageName), PendingIntent.FLAG_IMMUTABLE)
    context.sendBroadcast(
      Intent(UnifiedPush.ACTION_REGISTER)
        .setPackage(distributor)
        .putExtra(UnifiedPush.EXTRA_TOKEN, token)
        .putExtra(UnifiedPush.EXTRA_APPLICATION, context.packageName)
        .putExtra(UnifiedPush.EXTRA_PI, identity),
    )
    return true
  }

  fun saveEndpoint(endpoint: String?) {
    prefs.edit().apply { if (endpoint == null) remove(ENDPOINT) else putString(ENDPOINT, endpoint) }.apply()
  }

  private companion object {
    const val TOKEN = "push.token"
    const val ENDPOINT = "push.endpoint"
    const val DISTRIBUTOR = "push.distributor"
    const val IDENTITY = "org.panoramix.app.push.IDENTITY"
  }
}
