package org.panoramix.app

import android.content.Context
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.launch
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.api.models.User
import org.panoramix.app.chat.roomTitle
import org.panoramix.app.data.isRefusal
import org.panoramix.app.i18n.textsFor
import org.panoramix.app.notify.notifyAlarm
import org.panoramix.app.notify.notifyMessage
import org.panoramix.app.notify.roomsToNotifyOnWake
import org.panoramix.app.push.PushRegistration
import org.panoramix.app.push.PushSignal
import org.panoramix.app.session.EncryptedTokenStore
import org.panoramix.app.session.KeystoreTokenKey
import org.panoramix.app.session.StringStorage
import org.panoramix.app.signin.SignInRefused
import org.panoramix.core.ClientConfig
import org.panoramix.core.PanoramixClient
import org.panoramix.core.session.TokenStore
import java.util.Locale

/** The signed-in client and who it is for; null while signed out. */
data class Signed(val client: PanoramixClient, val user: User)

/**
 * One per process: builds core's client for the server the user chose and keeps it. The server
 * address and the refresh token live in the app's private preferences, the token sealed with a
 * Keystore key (it is what lets the next start skip the sign-in).
 */
class AppContainer(context: Context) {
  private val app = context.applicationContext
  private val prefs = app.getSharedPreferences("panoramix", Context.MODE_PRIVATE)
  private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
  private val mutableSigned = MutableStateFlow<Signed?>(null)
  val signed: StateFlow<Signed?> = mutableSigned.asStateFlow()
  val lastServerUrl: String get() = prefs.getString(SERVER_URL, "").orEmpty()

  private val storage =
    object : StringStorage {
      override fun get(key: String): String? = prefs.getString(key, null)

      override fun put(key: String, value: String?) {
        prefs.edit().apply { if (value == null) remove(key) else putString(key, value) }.apply()
      }
    }

  // Sealed with a key of the Android Keystore: the preferences file alone does not give the token away.
  private val tokens: TokenStore = EncryptedTokenStore(storage, KeystoreTokenKey())

  /** UnifiedPush: woken while closed, when a distributor is installed (android/README.md, Notifications). */
  val push = PushRegistration(app, prefs)

  suspend fun signIn(serverUrl: String, username: String, password: String): User {
    val client = clientFor(serverUrl)
    val user =
      try {
        client.session.signIn(username, password)
      } catch (failure: ClientException) {
        client.close()
        if (isRefusal(failure)) throw SignInRefused()
        throw failure
      }
    prefs.edit().putString(SERVER_URL, serverUrl).apply()
    adopt(client, user)
    return user
  }

  /** At start: the stored sign-in, if the server still takes its refresh token. */
  suspend fun resume() {
    if (lastServerUrl.isEmpty() || tokens.load() == null) return
    val client = clientFor(lastServerUrl)
    val user = runCatching { client.session.resume() }.getOrNull()
    if (user == null) client.close() else adopt(client, user)
  }

  suspend fun signOut() {
    val current = mutableSigned.value ?: return
    // This device is pushed to no more; offline, the server drops it when the sign-in ends from elsewhere.
    push.endpoint?.let { endpoint -> runCatching { current.client.push.unregister(endpoint) } }
    current.client.session.signOut()
    current.client.close()
    mutableSigned.value = null
  }

  private fun clientFor(serverUrl: String) =
    PanoramixClient(ClientConfig(serverUrl = serverUrl, databasePath = app.getDatabasePath("panoramix.db").path, tokenStore = tokens))

  private fun adopt(client: PanoramixClient, user: User) {
    client.live.connect()
    mutableSigned.value = Signed(client, user)
    // The address known already is given to this sign-in; asking the distributor again also brings a changed one.
    push.endpoint?.let { endpoint -> scope.launch { runCatching { client.push.register(endpoint) } } }
    push.register()
  }

  /** What a distributor's broadcast asks (PushReceiver): keep the address, or catch up and notify. */
  suspend fun onPush(signal: PushSignal) {
    when (signal) {
      is PushSignal.NewEndpoint -> {
        push.saveEndpoint(signal.endpoint)
        mutableSigned.value?.client?.push?.register(signal.endpoint)
      }
      PushSignal.Forgotten -> {
        val dead = push.endpoint
        push.saveEndpoint(null)
        dead?.let { endpoint -> mutableSigned.value?.client?.push?.let { runCatching { it.unregister(endpoint) } } }
      }
      PushSignal.Wake -> wake()
    }
  }

  /** Woken while closed (a push carries no content): read what is new and notify it, as the live socket would. */
  private suspend fun wake() {
    if (mutableSigned.value == null) resume()
    val signed = mutableSigned.value ?: return
    if (signed.client.live.connected.value) return // in use: the socket brings it
    val texts = textsFor(Locale.getDefault())
    val rooms = runCatching { signed.client.chat.refreshRooms() }.getOrDefault(emptyList())
    for (room in roomsToNotifyOnWake(rooms)) {
      notifyMessage(app, room.id.orEmpty(), roomTitle(room, signed.user.id), texts.unreadMessages(room.unreadCount))
    }
    val alarms = runCatching { signed.client.alarms.refresh() }.getOrDefault(emptyList())
    for (alarm in alarms.filter { it.ringing }) notifyAlarm(app, alarm.id, alarm.title, texts)
  }

  private companion object {
    const val SERVER_URL = "serverUrl"
  }
}
