package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import org.panoramix.api.apis.SearchApi
import org.panoramix.api.models.SearchHit

/** Recherche: online only (the server ranks across every kind). */
class SearchRepository internal constructor(
    private val api: SearchApi,
) {
    /** [kinds]: comma-separated search kinds of the contracts, all when null. */
    suspend fun search(
        query: String,
        kinds: String? = null,
        limit: Int = 20,
    ): List<SearchHit> = withContext(Dispatchers.IO) { api.apiSearchGet(query, kinds = kinds, limit = limit).items }
}
