package org.panoramix.core.session

import okhttp3.Authenticator
import okhttp3.Interceptor
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.Response
import okhttp3.Route

private const val AUTHORIZATION = "Authorization"

/** Every request says it comes from a native client, so sign-in answers carry the refresh token. */
internal fun nativeHttpClient(userAgent: String): OkHttpClient =
    OkHttpClient
        .Builder()
        .addInterceptor { chain ->
            chain.proceed(
                chain
                    .request()
                    .newBuilder()
                    .header("X-Client", "native")
                    .header("User-Agent", userAgent)
                    .build(),
            )
        }.build()

/** The client of signed-in calls: the access token on each request, one refresh and retry on a 401. */
internal fun signedInHttpClient(
    base: OkHttpClient,
    session: SessionManager,
): OkHttpClient =
    base
        .newBuilder()
        .addInterceptor(BearerToken(session))
        .authenticator(RefreshOnce(session))
        .build()

private class BearerToken(
    private val session: SessionManager,
) : Interceptor {
    override fun intercept(chain: Interceptor.Chain): Response {
        val token = session.accessToken ?: return chain.proceed(chain.request())
        return chain.proceed(chain.request().newBuilder().header(AUTHORIZATION, "Bearer $token").build())
    }
}

private class RefreshOnce(
    private val session: SessionManager,
) : Authenticator {
    override fun authenticate(
        route: Route?,
        response: Response,
    ): Request? {
        if (response.priorResponse != null) return null // already retried once: the 401 stands
        val refused = response.request.header(AUTHORIZATION)?.removePrefix("Bearer ")
        val fresh = session.refreshAfter(refused) ?: return null
        return response.request
            .newBuilder()
            .header(AUTHORIZATION, "Bearer $fresh")
            .build()
    }
}
