package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.withContext
import org.panoramix.api.apis.NoteLinesApi
import org.panoramix.api.apis.NoteSessionsApi
import org.panoramix.api.models.ApiNoteLinesPostRequest
import org.panoramix.api.models.ApiNoteSessionsIdPatchRequest
import org.panoramix.api.models.ApiNoteSessionsPostRequest
import org.panoramix.api.models.NoteLine
import org.panoramix.api.models.NoteSession
import org.panoramix.core.cache.CachedList
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.cache.allPages
import org.panoramix.core.live.LiveEvent
import org.panoramix.core.live.ServerEvents
import org.panoramix.core.outbox.Outbox
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import java.util.UUID
import java.util.concurrent.ConcurrentHashMap

/**
 * Note sessions (a meeting, a jotting session) and their lines. A session is started online (its
 * lines need its id); lines written offline go through the outbox, in order, and are appended
 * after the session's last line when they reach the server.
 */
class NoteSessionsRepository internal constructor(
    private val sessionsApi: NoteSessionsApi,
    private val linesApi: NoteLinesApi,
    private val cache: LocalCache,
    private val outbox: Outbox,
) : LiveApplier {
    private val sessionList = CachedList(cache, "noteSession", NoteSession.serializer(), { it.id })
    private val lineLists = ConcurrentHashMap<String, CachedList<NoteLine>>()

    /** My sessions and those of my projects, newest first. */
    val sessions: StateFlow<List<NoteSession>> = sessionList.items

    init {
        outbox.register(OutboxKind.NOTE_LINE, ApiNoteLinesPostRequest.serializer()) { item, body ->
            linesOf(item.target).upsert(linesApi.apiNoteLinesPost(body, item.idempotencyKey))
        }
    }

    /** A session's lines as last seen, in the server's order (by rank); [refreshLines] reads them again. */
    fun lines(sessionId: String): StateFlow<List<NoteLine>> = linesOf(sessionId).items

    suspend fun refresh(): List<NoteSession> =
        withContext(Dispatchers.IO) {
            allPages({ sessionsApi.apiNoteSessionsGet(limit = 100, cursor = it) }, { it.items }, { it.nextCursor })
                .also(sessionList::replace)
        }

    suspend fun refreshLines(sessionId: String): List<NoteLine> =
        withContext(Dispatchers.IO) {
            allPages({ linesApi.apiNoteLinesGet(sessionId, limit = 500, cursor = it) }, { it.items }, { it.nextCursor })
                .also(linesOf(sessionId)::replace)
        }

    suspend fun start(
        name: String,
        projectId: String? = null,
    ): NoteSession =
        withContext(Dispatchers.IO) {
            sessionsApi
                .apiNoteSessionsPost(ApiNoteSessionsPostRequest(projectId = projectId, name = name), UUID.randomUUID().toString())
                .also(sessionList::upsert)
        }

    /** Closes (or reopens) a session; its lines can still be edited. */
    suspend fun close(
        id: String,
        closed: Boolean = true,
    ): NoteSession =
        withContext(Dispatchers.IO) { sessionsApi.apiNoteSessionsIdPatch(id, ApiNoteSessionsIdPatchRequest(closed = closed)).also(sessionList::upsert) }

    /** Queues a line (shown from [Outbox.items] until the server has it), then tries to send it. */
    suspend fun write(
        sessionId: String,
        content: String,
    ): OutboxItem =
        outbox.submit(OutboxKind.NOTE_LINE, ApiNoteLinesPostRequest.serializer(), ApiNoteLinesPostRequest(sessionId = sessionId, content = content), sessionId)

    override fun apply(event: LiveEvent) {
        when (event.name) {
            ServerEvents.NOTE_SESSION_CREATED, ServerEvents.NOTE_SESSION_UPDATED -> sessionList.upsert(event.decode(NoteSession.serializer()))
            ServerEvents.NOTE_SESSION_DELETED -> sessionList.remove(event.idField())
            ServerEvents.NOTE_LINE_CREATED, ServerEvents.NOTE_LINE_UPDATED ->
                event.decode(NoteLine.serializer()).let { linesOf(it.sessionId).upsert(it) }
            ServerEvents.NOTE_LINE_DELETED -> linesOf(event.idField("sessionId")).remove(event.idField())
        }
    }

    private fun linesOf(sessionId: String) =
        lineLists.computeIfAbsent(sessionId) { CachedList(cache, "noteLine", NoteLine.serializer(), { it.id }, sessionId, newAtEnd = true) }
}
