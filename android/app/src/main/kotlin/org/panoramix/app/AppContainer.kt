package org.panoramix.app

import android.content.Context
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.api.models.User
import org.panoramix.app.data.isRefusal
import org.panoramix.app.session.EncryptedTokenStore
import org.panoramix.app.session.KeystoreTokenKey
import org.panoramix.app.session.StringStorage
import org.panoramix.app.signin.SignInRefused
import org.panoramix.core.ClientConfig
import org.panoramix.core.PanoramixClient
import org.panoramix.core.session.TokenStore

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
    current.client.session.signOut()
    current.client.close()
    mutableSigned.value = null
  }

  private fun clientFor(serverUrl: String) =
    PanoramixClient(ClientConfig(serverUrl = serverUrl, databasePath = app.getDatabasePath("panoramix.db").path, tokenStore = tokens))

  private fun adopt(client: PanoramixClient, user: User) {
    client.live.connect()
    mutableSigned.value = Signed(client, user)
  }

  private companion object {
    const val SERVER_URL = "serverUrl"
  }
}
