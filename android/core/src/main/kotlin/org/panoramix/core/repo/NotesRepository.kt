package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.withContext
import org.panoramix.api.apis.NotesApi
import org.panoramix.api.models.ApiNotesIdPatchRequest
import org.panoramix.api.models.ApiNotesPostRequest
import org.panoramix.api.models.Note
import org.panoramix.core.cache.CachedList
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.cache.allPages
import org.panoramix.core.live.LiveEvent
import org.panoramix.core.live.ServerEvents
import java.util.UUID

class NotesRepository internal constructor(
    private val api: NotesApi,
    cache: LocalCache,
) : LiveApplier {
    private val list = CachedList(cache, "note", Note.serializer(), { it.id })
    val notes: StateFlow<List<Note>> = list.items

    suspend fun refresh(): List<Note> =
        withContext(Dispatchers.IO) {
            allPages({ api.apiNotesGet(limit = 100, cursor = it) }, { it.items }, { it.nextCursor }).also(list::replace)
        }

    suspend fun create(request: ApiNotesPostRequest): Note =
        withContext(Dispatchers.IO) { api.apiNotesPost(request, UUID.randomUUID().toString()).also(list::upsert) }

    suspend fun update(
        id: String,
        patch: ApiNotesIdPatchRequest,
    ): Note = withContext(Dispatchers.IO) { api.apiNotesIdPatch(id, patch).also(list::upsert) }

    override fun apply(event: LiveEvent) {
        when (event.name) {
            ServerEvents.NOTE_CREATED, ServerEvents.NOTE_UPDATED -> list.upsert(event.decode(Note.serializer()))
            ServerEvents.NOTE_DELETED -> list.remove(event.idField())
        }
    }
}
