package org.panoramix.app.push

/**
 * UnifiedPush on Android (https://unifiedpush.org/spec/android/), the part a connector speaks: the
 * app asks a distributor (an installed app such as ntfy) to REGISTER it with a token of its own;
 * the distributor answers by broadcasts to the app's package, each with that token. Hand-written:
 * the connector library is not served by the Maven registry this project builds from, and the
 * app needs only these few intents (its pushes are content-free wake-ups, nothing to decrypt).
 */
object UnifiedPush {
  const val ACTION_REGISTER = "org.unifiedpush.android.distributor.REGISTER"
  const val ACTION_UNREGISTER = "org.unifiedpush.android.distributor.UNREGISTER"
  const val ACTION_NEW_ENDPOINT = "org.unifiedpush.android.connector.NEW_ENDPOINT"
  const val ACTION_MESSAGE = "org.unifiedpush.android.connector.MESSAGE"
  const val ACTION_UNREGISTERED = "org.unifiedpush.android.connector.UNREGISTERED"
  const val ACTION_REGISTRATION_FAILED = "org.unifiedpush.android.connector.REGISTRATION_FAILED"
  const val EXTRA_TOKEN = "token"
  const val EXTRA_ENDPOINT = "endpoint"
  const val EXTRA_APPLICATION = "application"

  /** The PendingIntent by which the distributor learns which app asks (AND_3). */
  const val EXTRA_PI = "pi"
}

/** What a distributor's broadcast asks of the app. */
sealed interface PushSignal {
  /** Give this address to the server: pushes for this device go there. */
  data class NewEndpoint(val endpoint: String) : PushSignal

  /** Something is new for this user: read it from the API. */
  data object Wake : PushSignal

  /** The distributor dropped the app (uninstalled, or the user turned it off there): the address is dead. */
  data object Forgotten : PushSignal
}

/**
 * The signal a broadcast carries, or null when it is not for this registration: another token (an
 * earlier registration, or an app that is not our distributor guessing) is ignored.
 */
fun pushSignalOf(action: String?, token: String?, myToken: String?, endpoint: String?): PushSignal? {
  if (myToken == null || token != myToken) return null
  return when (action) {
    UnifiedPush.ACTION_NEW_ENDPOINT -> endpoint?.takeIf { it.startsWith("https://") || it.startsWith("http://") }?.let(PushSignal::NewEndpoint)
    UnifiedPush.ACTION_MESSAGE -> PushSignal.Wake
    UnifiedPush.ACTION_UNREGISTERED, UnifiedPush.ACTION_REGISTRATION_FAILED -> PushSignal.Forgotten
    else -> null
  }
}
