package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import org.panoramix.api.apis.PushApi
import org.panoramix.api.models.ApiPushSubscriptionsPostRequest
import org.panoramix.api.models.PushSubscription

/**
 * This device's push address on the server (contracts/push.ts). Registered without keys: the
 * server's pushes are then empty wake-ups, and the app reads what is new from the API, so nothing
 * of a message passes through the distributor (ntfy or another) in clear.
 */
class PushRepository internal constructor(
    private val api: PushApi,
) {
    suspend fun register(endpoint: String): PushSubscription =
        withContext(Dispatchers.IO) { api.apiPushSubscriptionsPost(ApiPushSubscriptionsPostRequest(endpoint = endpoint, propertyKeys = null)) }

    suspend fun subscriptions(): List<PushSubscription> = withContext(Dispatchers.IO) { api.apiPushSubscriptionsGet().items }

    /** Before signing out: the server stops pushing to [endpoint] (a session ended from elsewhere takes it along by itself). */
    suspend fun unregister(endpoint: String) =
        withContext(Dispatchers.IO) {
            api.apiPushSubscriptionsGet().items.filter { it.endpoint == endpoint }.forEach { api.apiPushSubscriptionsIdDelete(it.id) }
        }
}
