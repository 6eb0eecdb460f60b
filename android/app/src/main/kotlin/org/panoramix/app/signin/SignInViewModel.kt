package org.panoramix.app.signin

import androidx.lifecycle.ViewModel
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import org.panoramix.api.models.User

/** Signs in to the server the user names; the app builds its client for that server. */
fun interface SignInSource {
  /** Throws [SignInRefused] for wrong credentials, any other exception when the server cannot be reached. */
  suspend fun signIn(serverUrl: String, username: String, password: String): User
}

class SignInRefused : Exception("sign-in refused")

enum class SignInError { BAD_SERVER_URL, MISSING_FIELD, REFUSED, UNREACHABLE }

data class SignInState(
  val serverUrl: String = "",
  val username: String = "",
  val password: String = "",
  val busy: Boolean = false,
  val error: SignInError? = null,
  val signedIn: User? = null,
)

class SignInViewModel(private val source: SignInSource, lastServerUrl: String = "") : ViewModel() {
  private val mutableState = MutableStateFlow(SignInState(serverUrl = lastServerUrl))
  val state: StateFlow<SignInState> = mutableState.asStateFlow()

  fun edit(serverUrl: String? = null, username: String? = null, password: String? = null) =
    mutableState.update {
      it.copy(
        serverUrl = serverUrl ?: it.serverUrl,
        username = username ?: it.username,
        password = password ?: it.password,
        error = null,
      )
    }

  fun submit() {
    val current = state.value
    if (current.busy) return
    val url = normalizedServerUrl(current.serverUrl)
    val problem =
      when {
        url == null -> SignInError.BAD_SERVER_URL
        current.username.isBlank() || current.password.isEmpty() -> SignInError.MISSING_FIELD
        else -> null
      }
    if (problem != null || url == null) {
      mutableState.update { it.copy(error = problem) }
      return
    }
    mutableState.update { it.copy(serverUrl = url, busy = true, error = null) }
    viewModelScope.launch {
      val outcome = runCatching { source.signIn(url, current.username.trim(), current.password) }
      mutableState.update {
        outcome.fold(
          onSuccess = { user -> it.copy(busy = false, password = "", signedIn = user) },
          onFailure = { failure ->
            it.copy(busy = false, error = if (failure is SignInRefused) SignInError.REFUSED else SignInError.UNREACHABLE)
          },
        )
      }
    }
  }
}

/** `host` alone means https; a trailing slash is dropped; anything but http(s) is refused (null). */
fun normalizedServerUrl(typed: String): String? {
  val trimmed = typed.trim().trimEnd('/')
  if (trimmed.isEmpty()) return null
  val withScheme = if ("://" in trimmed) trimmed else "https://$trimmed"
  val uri = runCatching { java.net.URI(withScheme) }.getOrNull() ?: return null
  if (uri.scheme !in setOf("http", "https") || uri.host.isNullOrEmpty()) return null
  return withScheme
}
