package org.panoramix.core

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.flow.drop
import kotlinx.coroutines.flow.filter
import kotlinx.coroutines.launch
import org.panoramix.api.apis.AlarmsApi
import org.panoramix.api.apis.JournalApi
import org.panoramix.api.apis.MessagesApi
import org.panoramix.api.apis.NoteLinesApi
import org.panoramix.api.apis.NoteSessionsApi
import org.panoramix.api.apis.NotesApi
import org.panoramix.api.apis.ProjectsApi
import org.panoramix.api.apis.PushApi
import org.panoramix.api.apis.RoomsApi
import org.panoramix.api.apis.SearchApi
import org.panoramix.api.apis.TasksApi
import org.panoramix.api.infrastructure.Serializer
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.live.LiveEvents
import org.panoramix.core.outbox.Outbox
import org.panoramix.core.repo.AlarmsRepository
import org.panoramix.core.repo.ChatRepository
import org.panoramix.core.repo.FilesRepository
import org.panoramix.core.repo.JournalRepository
import org.panoramix.core.repo.NoteSessionsRepository
import org.panoramix.core.repo.NotesRepository
import org.panoramix.core.repo.ProjectsRepository
import org.panoramix.core.repo.PushRepository
import org.panoramix.core.repo.SearchRepository
import org.panoramix.core.repo.TasksRepository
import org.panoramix.core.repo.UploadsApi
import org.panoramix.core.session.MemoryTokenStore
import org.panoramix.core.session.SessionManager
import org.panoramix.core.session.TokenStore
import org.panoramix.core.session.nativeHttpClient
import org.panoramix.core.session.signedInHttpClient
import java.io.File

data class ClientConfig(
    /** The server the user typed at sign-in, e.g. `https://panoramix.example.org`. */
    val serverUrl: String,
    /** The SQLite file of the offline cache and the outbox. */
    val databasePath: String,
    val tokenStore: TokenStore = MemoryTokenStore(),
    val userAgent: String = "Panoramix-Android",
)

/**
 * Everything the app talks to: the sign-in, one repository per screen, the live socket and the
 * outbox. The generated API classes (`org.panoramix.api.apis`) are reachable through [api] for
 * calls no repository wraps.
 */
class PanoramixClient(
    config: ClientConfig,
) : AutoCloseable {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.IO)
    private val baseUrl = config.serverUrl.trimEnd('/')
    private val cache = LocalCache(config.databasePath)
    private val plainHttp = nativeHttpClient(config.userAgent)

    val session = SessionManager(baseUrl, plainHttp, config.tokenStore)
    private val http = signedInHttpClient(plainHttp, session)

    /** Generated clients of the contracts, authenticated (the token, and one refresh on a 401). */
    val api = GeneratedApis(baseUrl, http)
    val outbox = Outbox(cache)
    val projects = ProjectsRepository(api.projects, cache)
    val tasks = TasksRepository(api.tasks, cache, outbox)
    val notes = NotesRepository(api.notes, cache)
    val noteSessions = NoteSessionsRepository(api.noteSessions, api.noteLines, cache, outbox)
    val files = FilesRepository(api.files)
    val chat = ChatRepository(api.rooms, api.messages, files, cache, outbox, scope, File("${config.databasePath}.attachments"))
    val journal = JournalRepository(api.journal, cache, outbox)
    val alarms = AlarmsRepository(api.alarms, cache)
    val search = SearchRepository(api.search)
    val push = PushRepository(api.push)
    val live = LiveEvents(baseUrl, plainHttp, session, scope)

    init {
        val appliers = listOf(projects, tasks, notes, noteSessions, chat, journal, alarms)
        scope.launch { live.events.collect { event -> appliers.forEach { it.apply(event) } } }
        // Each (re)connection: what was queued offline goes out, in order.
        scope.launch { live.connected.drop(1).filter { it }.collect { runCatching { outbox.sync() } } }
    }

    companion object {
        init {
            // Before the generated client's Json is first used (it refuses a change after): nulls are
            // left out of request bodies, since the contracts' optional fields take no null.
            Serializer.kotlinxSerializationJsonConfiguration = { explicitNulls = false }
        }
    }

    override fun close() {
        live.disconnect()
        scope.cancel()
        cache.close()
    }
}

class GeneratedApis internal constructor(
    baseUrl: String,
    http: okhttp3.OkHttpClient,
) {
    val projects = ProjectsApi(baseUrl, http)
    val tasks = TasksApi(baseUrl, http)
    val notes = NotesApi(baseUrl, http)
    val noteSessions = NoteSessionsApi(baseUrl, http)
    val noteLines = NoteLinesApi(baseUrl, http)
    val files = UploadsApi(baseUrl, http)
    val rooms = RoomsApi(baseUrl, http)
    val messages = MessagesApi(baseUrl, http)
    val journal = JournalApi(baseUrl, http)
    val alarms = AlarmsApi(baseUrl, http)
    val search = SearchApi(baseUrl, http)
    val push = PushApi(baseUrl, http)
}
