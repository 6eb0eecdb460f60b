package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.withContext
import org.panoramix.api.apis.JournalApi
import org.panoramix.api.models.ApiJournalPostRequest
import org.panoramix.api.models.JournalEntry
import org.panoramix.core.cache.CachedList
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.cache.allPages
import org.panoramix.core.live.LiveEvent
import org.panoramix.core.live.ServerEvents
import org.panoramix.core.outbox.Outbox
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import java.time.Instant

/** My journal, newest line first; lines written offline go through the outbox with the time they were written. */
class JournalRepository internal constructor(
    private val api: JournalApi,
    cache: LocalCache,
    private val outbox: Outbox,
) : LiveApplier {
    private val list = CachedList(cache, "journalEntry", JournalEntry.serializer(), { it.id })
    val entries: StateFlow<List<JournalEntry>> = list.items

    init {
        outbox.register(OutboxKind.JOURNAL_ENTRY, ApiJournalPostRequest.serializer()) { item, body ->
            list.upsert(api.apiJournalPost(body, item.idempotencyKey))
        }
    }

    suspend fun refresh(): List<JournalEntry> =
        withContext(Dispatchers.IO) {
            allPages({ api.apiJournalGet(limit = 200, cursor = it) }, { it.items }, { it.nextCursor }).also(list::replace)
        }

    suspend fun write(content: String): OutboxItem {
        // The line keeps the moment it was written, not the moment the phone got back online.
        val body = ApiJournalPostRequest(content = content, createdAt = Instant.now().toString())
        return outbox.submit(OutboxKind.JOURNAL_ENTRY, ApiJournalPostRequest.serializer(), body)
    }

    override fun apply(event: LiveEvent) {
        when (event.name) {
            ServerEvents.JOURNAL_ENTRY_CREATED, ServerEvents.JOURNAL_ENTRY_UPDATED -> list.upsert(event.decode(JournalEntry.serializer()))
            ServerEvents.JOURNAL_ENTRY_DELETED -> list.remove(event.idField())
            ServerEvents.JOURNAL_CLEARED -> list.replace(emptyList())
        }
    }
}
