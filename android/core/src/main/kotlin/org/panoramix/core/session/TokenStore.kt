package org.panoramix.core.session

/**
 * Where the refresh token of this device lives between runs (the app keeps it in its private
 * storage). Only the refresh token is kept: access tokens last 15 minutes and stay in memory.
 */
interface TokenStore {
    fun load(): String?

    fun save(refreshToken: String?)
}

/** A store that forgets at exit: tests and the benchmark. */
class MemoryTokenStore(
    @Volatile private var token: String? = null,
) : TokenStore {
    override fun load(): String? = token

    override fun save(refreshToken: String?) {
        token = refreshToken
    }
}
