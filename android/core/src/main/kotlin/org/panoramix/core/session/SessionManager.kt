package org.panoramix.core.session

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.withContext
import okhttp3.Call
import org.panoramix.api.apis.AuthApi
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.api.models.ApiAuthLoginPostRequest
import org.panoramix.api.models.ApiAuthLogoutPostRequest
import org.panoramix.api.models.ApiAuthRefreshPostRequest
import org.panoramix.api.models.ApiAuthRegisterPostRequest
import org.panoramix.api.models.User

sealed interface SessionState {
    data object SignedOut : SessionState

    data class SignedIn(
        val user: User,
    ) : SessionState
}

/**
 * The sign-in of this device. As a native client (`X-Client: native`) it gets its refresh token in
 * the body and keeps it in [TokenStore]. Refreshes are serialised: the server rotates refresh tokens
 * and treats a second use of one as theft (it revokes the whole sign-in), so two requests that both
 * meet a 401 must not both refresh.
 */
class SessionManager internal constructor(
    baseUrl: String,
    http: Call.Factory,
    private val store: TokenStore,
) {
    private val auth = AuthApi(baseUrl, http)
    private val mutableState = MutableStateFlow<SessionState>(SessionState.SignedOut)
    val state: StateFlow<SessionState> = mutableState.asStateFlow()

    @Volatile
    var accessToken: String? = null
        private set

    suspend fun signIn(
        username: String,
        password: String,
    ): User =
        withContext(Dispatchers.IO) {
            adopt(auth.apiAuthLoginPost(ApiAuthLoginPostRequest(username, password, store.load())))
        }

    /** First run of a new instance, or an open registration: creates the account and signs in. */
    suspend fun register(
        username: String,
        password: String,
        displayName: String? = null,
    ): User =
        withContext(Dispatchers.IO) {
            adopt(auth.apiAuthRegisterPost(ApiAuthRegisterPostRequest(username, password, displayName)))
        }

    /** Signs in again with the stored refresh token, if it is still good; null when the user must sign in. */
    suspend fun resume(): User? =
        withContext(Dispatchers.IO) {
            refreshAfter(accessToken)
            (state.value as? SessionState.SignedIn)?.user
        }

    suspend fun signOut() =
        withContext(Dispatchers.IO) {
            val refreshToken = store.load()
            // Forget locally whatever the server says: signing out must work offline too.
            runCatching { auth.apiAuthLogoutPost(ApiAuthLogoutPostRequest(refreshToken)) }
            forget()
        }

    /**
     * A new access token after [staleToken] was refused (blocking: called from OkHttp's
     * authenticator and the socket). When another caller already refreshed, its token is returned
     * without spending the refresh token again; null when the sign-in is over.
     */
    @Synchronized
    fun refreshAfter(staleToken: String?): String? {
        val current = accessToken
        if (current != null && current != staleToken) return current
        val refreshToken = store.load() ?: return null
        return try {
            adopt(auth.apiAuthRefreshPost(ApiAuthRefreshPostRequest(refreshToken)))
            accessToken
        } catch (refused: ClientException) {
            if (refused.statusCode == 401) forget()
            null
        }
    }

    private fun adopt(session: org.panoramix.api.models.Session): User {
        accessToken = session.accessToken
        session.refreshToken?.let(store::save)
        mutableState.value = SessionState.SignedIn(session.user)
        return session.user
    }

    private fun forget() {
        accessToken = null
        store.save(null)
        mutableState.value = SessionState.SignedOut
    }
}
