package org.panoramix.app.push

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import org.panoramix.app.PanoramixApplication

/** The distributor's broadcasts (PushSignals.kt), handled by the app's container off the main thread. */
class PushReceiver : BroadcastReceiver() {
  override fun onReceive(context: Context, intent: Intent) {
    val container = (context.applicationContext as PanoramixApplication).container
    val signal =
      pushSignalOf(
        intent.action,
        intent.getStringExtra(UnifiedPush.EXTRA_TOKEN),
        container.push.token,
        intent.getStringExtra(UnifiedPush.EXTRA_ENDPOINT),
      ) ?: return
    val pending = goAsync()
    CoroutineScope(Dispatchers.IO).launch {
      try {
        container.onPush(signal)
      } finally {
        pending.finish()
      }
    }
  }
}
