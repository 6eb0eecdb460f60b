package org.panoramix.core.cache

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.serialization.KSerializer
import org.panoramix.api.infrastructure.Serializer

/**
 * One list the app shows (my tasks, a room's messages…), kept in [LocalCache] as the server's JSON
 * and published as a [StateFlow]: what was last seen shows at once, offline too, and the server's
 * list or a live event replaces it.
 */
class CachedList<T> internal constructor(
    private val cache: LocalCache,
    private val kind: String,
    private val serializer: KSerializer<T>,
    private val idOf: (T) -> String,
    private val parent: String = "",
    /** Where an item not seen before goes: first (newest-first lists), or last (a session's lines, by rank). */
    private val newAtEnd: Boolean = false,
) {
    private val json = Serializer.kotlinxSerializationJson
    private val state = MutableStateFlow(cache.list(kind, parent).map { json.decodeFromString(serializer, it) })
    val items: StateFlow<List<T>> = state.asStateFlow()

    internal fun replace(list: List<T>) {
        cache.replace(kind, parent, list.map { idOf(it) to json.encodeToString(serializer, it) })
        state.value = list
    }

    /** A new item goes first (or last, see [newAtEnd]), a known one is replaced in place. */
    internal fun upsert(item: T) {
        val id = idOf(item)
        cache.upsert(kind, parent, id, json.encodeToString(serializer, item), newAtEnd)
        val current = state.value
        val index = current.indexOfFirst { idOf(it) == id }
        state.value =
            when {
                index >= 0 -> current.toMutableList().also { it[index] = item }
                newAtEnd -> current + item
                else -> listOf(item) + current
            }
    }

    internal fun remove(id: String) {
        cache.delete(kind, id)
        state.value = state.value.filterNot { idOf(it) == id }
    }
}

/** Every page of a cursor-paged list (`items`, `nextCursor`), fetched in order. */
internal fun <P, T> allPages(
    fetch: (cursor: String?) -> P,
    items: (P) -> List<T>,
    next: (P) -> String?,
): List<T> {
    val all = mutableListOf<T>()
    var cursor: String? = null
    do {
        val page = fetch(cursor)
        all += items(page)
        cursor = next(page)
    } while (cursor != null)
    return all
}
