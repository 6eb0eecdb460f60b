package org.panoramix.core.outbox

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import kotlinx.serialization.KSerializer
import org.panoramix.api.infrastructure.ClientError
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.api.infrastructure.Serializer
import org.panoramix.api.infrastructure.ServerException
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.cache.map
import java.io.IOException
import java.util.UUID

/** What can be created offline; each is sent to an idempotent route with its own `Idempotency-Key`. */
enum class OutboxKind { TASK, JOURNAL_ENTRY, MESSAGE, NOTE_LINE, ATTACHMENT }

enum class OutboxState {
    /** Waiting for the server (offline, or the server failed: tried again on the next sync). */
    PENDING,

    /** The server refused it (a 4xx): shown to the user, never sent again until they dismiss it. */
    FAILED,
}

data class OutboxItem(
    val seq: Long,
    val kind: OutboxKind,
    /** Also the client id of a message, so its optimistic copy can be matched to the server's. */
    val idempotencyKey: String,
    /** The room of a message, the session of a note line; '' otherwise. */
    val target: String,
    /** The request body, as the generated client serialises it. */
    val payload: String,
    val state: OutboxState,
    val attempts: Int,
    /** The server's problem+json of a refusal. */
    val problem: String?,
)

data class SyncReport(
    val sent: Int,
    /** Refused by the server during this sync (now [OutboxState.FAILED]). */
    val refused: List<OutboxItem>,
    /** Still pending: the sync stopped at the first item the server could not be reached for. */
    val remaining: Int,
)

/** Sends one item; throws as the generated client does (IOException, ClientException, ServerException). */
fun interface OutboxSender {
    fun send(item: OutboxItem)
}

/**
 * Items created offline, kept in the SQLite file and sent in the order they were made. Each
 * carries its idempotency key from the moment it is queued, so a sync replayed after a lost answer
 * (the server saved it, the phone never heard) gets the first answer back instead of a duplicate.
 */
class Outbox internal constructor(
    private val cache: LocalCache,
) {
    private val json = Serializer.kotlinxSerializationJson
    private val senders = mutableMapOf<OutboxKind, OutboxSender>()
    private val dismissals = mutableMapOf<OutboxKind, (OutboxItem) -> Unit>()
    private val mutex = Mutex()
    private val mutableItems = MutableStateFlow(load())

    /** Every queued item, pending and failed, oldest first. */
    val items: StateFlow<List<OutboxItem>> = mutableItems.asStateFlow()

    /** How items of [kind] reach the server: [send] gets the item and its body, decoded with [serializer]. */
    internal fun <T> register(
        kind: OutboxKind,
        serializer: KSerializer<T>,
        /** What else goes when the user dismisses a refused item (an attachment's saved bytes). */
        onDismiss: (item: OutboxItem) -> Unit = {},
        send: (item: OutboxItem, body: T) -> Unit,
    ) {
        senders[kind] = OutboxSender { item -> send(item, json.decodeFromString(serializer, item.payload)) }
        dismissals[kind] = onDismiss
    }

    /** Queues [body] (as the generated client serialises it), then tries to send what is pending. */
    internal suspend fun <T> submit(
        kind: OutboxKind,
        serializer: KSerializer<T>,
        body: T,
        target: String = "",
        idempotencyKey: String = UUID.randomUUID().toString(),
    ): OutboxItem {
        val item = enqueue(kind, json.encodeToString(serializer, body), target, idempotencyKey)
        sync()
        return item
    }

    /** Queues a request body; returns the item (its key is the message's client id). */
    fun enqueue(
        kind: OutboxKind,
        payload: String,
        target: String = "",
        idempotencyKey: String = UUID.randomUUID().toString(),
    ): OutboxItem {
        cache.withConnection { connection ->
            connection
                .prepareStatement("INSERT INTO outbox (kind, idempotency_key, target, payload, state) VALUES (?, ?, ?, ?, ?)")
                .use { insert ->
                    insert.setString(1, kind.name)
                    insert.setString(2, idempotencyKey)
                    insert.setString(3, target)
                    insert.setString(4, payload)
                    insert.setString(5, OutboxState.PENDING.name)
                    insert.executeUpdate()
                }
        }
        mutableItems.value = load()
        return items.value.last { it.idempotencyKey == idempotencyKey }
    }

    /**
     * Sends the pending items in order. A refusal (4xx) marks that item failed and goes on; an
     * unreachable or failing server (IOException, 5xx, 409 while the first try still runs) stops the
     * sync with the rest kept for the next one. A 5xx counts as an attempt: after [MAX_ATTEMPTS] the
     * item is failed rather than retried forever.
     */
    suspend fun sync(): SyncReport =
        mutex.withLock {
            withContext(Dispatchers.IO) {
                var sent = 0
                val refused = mutableListOf<OutboxItem>()
                for (item in load().filter { it.state == OutboxState.PENDING }) {
                    val sender = senders.getValue(item.kind)
                    val outcome =
                        try {
                            sender.send(item)
                            null
                        } catch (offline: IOException) {
                            break
                        } catch (refusal: ClientException) {
                            if (refusal.statusCode == 409 || refusal.statusCode == 401 || refusal.statusCode == 429) break
                            refusal.statusCode to problemOf(refusal)
                        } catch (failure: ServerException) {
                            if (item.attempts + 1 < MAX_ATTEMPTS) {
                                countAttempt(item)
                                break
                            }
                            failure.statusCode to "server error ${failure.statusCode} after $MAX_ATTEMPTS attempts"
                        }
                    if (outcome == null) {
                        remove(item.seq)
                        sent++
                    } else {
                        markFailed(item, outcome.second)
                        refused += item.copy(state = OutboxState.FAILED, problem = outcome.second)
                    }
                }
                mutableItems.value = load()
                SyncReport(sent, refused, items.value.count { it.state == OutboxState.PENDING })
            }
        }

    /** The user read why an item was refused: forget it. */
    fun dismiss(seq: Long) {
        items.value.firstOrNull { it.seq == seq }?.let { item -> dismissals[item.kind]?.invoke(item) }
        remove(seq)
        mutableItems.value = load()
    }

    private fun problemOf(refusal: ClientException): String =
        (refusal.response as? ClientError<*>)?.body?.toString() ?: (refusal.message ?: "refused (${refusal.statusCode})")

    private fun load(): List<OutboxItem> =
        cache.withConnection { connection ->
            connection.createStatement().use { query ->
                query
                    .executeQuery("SELECT seq, kind, idempotency_key, target, payload, state, attempts, problem FROM outbox ORDER BY seq")
                    .use { rows ->
                        rows.map {
                            OutboxItem(
                                seq = it.getLong(1),
                                kind = OutboxKind.valueOf(it.getString(2)),
                                idempotencyKey = it.getString(3),
                                target = it.getString(4),
                                payload = it.getString(5),
                                state = OutboxState.valueOf(it.getString(6)),
                                attempts = it.getInt(7),
                                problem = it.getString(8),
                            )
                        }
                    }
            }
        }

    private fun remove(seq: Long) =
        update("DELETE FROM outbox WHERE seq = ?") { setLong(1, seq) }

    private fun countAttempt(item: OutboxItem) =
        update("UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?") { setLong(1, item.seq) }

    private fun markFailed(
        item: OutboxItem,
        problem: String,
    ) = update("UPDATE outbox SET state = ?, problem = ?, attempts = attempts + 1 WHERE seq = ?") {
        setString(1, OutboxState.FAILED.name)
        setString(2, problem)
        setLong(3, item.seq)
    }

    private fun update(
        sql: String,
        bind: java.sql.PreparedStatement.() -> Unit,
    ) {
        cache.withConnection { connection -> connection.prepareStatement(sql).use { it.bind().also { _ -> it.executeUpdate() } } }
    }

    companion object {
        const val MAX_ATTEMPTS = 5
    }
}
