package org.panoramix.core.cache

import java.sql.Connection
import java.sql.DriverManager
import java.sql.ResultSet

/**
 * The device's SQLite file (sqlite-jdbc): the last lists seen, as the server's JSON, for showing
 * them offline, and the outbox of what was created offline. One connection, used under its lock:
 * SQLite writes one at a time anyway.
 */
class LocalCache(
    path: String,
) : AutoCloseable {
    private val connection: Connection = DriverManager.getConnection("jdbc:sqlite:$path")

    init {
        connection.createStatement().use { statement ->
            statement.executeUpdate("PRAGMA journal_mode=WAL")
            statement.executeUpdate(
                """CREATE TABLE IF NOT EXISTS entity (
                  kind TEXT NOT NULL, id TEXT NOT NULL, parent TEXT NOT NULL DEFAULT '',
                  position INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, id))""",
            )
            statement.executeUpdate(
                """CREATE TABLE IF NOT EXISTS outbox (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE,
                  target TEXT NOT NULL DEFAULT '', payload TEXT NOT NULL, state TEXT NOT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0, problem TEXT)""",
            )
        }
    }

    /** The cached list of [kind] (under [parent], e.g. a room's messages), in the server's order. */
    @Synchronized
    fun list(
        kind: String,
        parent: String = "",
    ): List<String> =
        connection.prepareStatement("SELECT json FROM entity WHERE kind = ? AND parent = ? ORDER BY position").use { query ->
            query.setString(1, kind)
            query.setString(2, parent)
            query.executeQuery().use { rows -> rows.map { it.getString(1) } }
        }

    /** Replaces the whole cached list with what the server just listed. */
    @Synchronized
    fun replace(
        kind: String,
        parent: String,
        items: List<Pair<String, String>>,
    ) = transaction {
        connection.prepareStatement("DELETE FROM entity WHERE kind = ? AND parent = ?").use { delete ->
            delete.setString(1, kind)
            delete.setString(2, parent)
            delete.executeUpdate()
        }
        connection.prepareStatement("INSERT OR REPLACE INTO entity (kind, id, parent, position, json) VALUES (?, ?, ?, ?, ?)").use { insert ->
            items.forEachIndexed { position, (id, json) ->
                insert.setString(1, kind)
                insert.setString(2, id)
                insert.setString(3, parent)
                insert.setInt(4, position)
                insert.setString(5, json)
                insert.addBatch()
            }
            insert.executeBatch()
        }
    }

    /** Puts one item in place (a changed one), or first (a new one; last with [atEnd]). */
    @Synchronized
    fun upsert(
        kind: String,
        parent: String,
        id: String,
        json: String,
        atEnd: Boolean = false,
    ) {
        val updated =
            connection.prepareStatement("UPDATE entity SET json = ? WHERE kind = ? AND id = ?").use { update ->
                update.setString(1, json)
                update.setString(2, kind)
                update.setString(3, id)
                update.executeUpdate()
            }
        if (updated > 0) return
        connection.prepareStatement(
            "INSERT INTO entity (kind, id, parent, position, json) " +
                "VALUES (?, ?, ?, (SELECT ${if (atEnd) "COALESCE(MAX(position), 0) + 1" else "COALESCE(MIN(position), 0) - 1"} " +
                "FROM entity WHERE kind = ? AND parent = ?), ?)",
        ).use { insert ->
            insert.setString(1, kind)
            insert.setString(2, id)
            insert.setString(3, parent)
            insert.setString(4, kind)
            insert.setString(5, parent)
            insert.setString(6, json)
            insert.executeUpdate()
        }
    }

    @Synchronized
    fun delete(
        kind: String,
        id: String,
    ) {
        connection.prepareStatement("DELETE FROM entity WHERE kind = ? AND id = ?").use { delete ->
            delete.setString(1, kind)
            delete.setString(2, id)
            delete.executeUpdate()
        }
    }

    /** For the outbox, which keeps its own table in this file. */
    @Synchronized
    internal fun <T> withConnection(block: (Connection) -> T): T = block(connection)

    @Synchronized
    override fun close() = connection.close()

    private fun transaction(block: () -> Unit) {
        connection.autoCommit = false
        try {
            block()
            connection.commit()
        } catch (failure: Exception) {
            connection.rollback()
            throw failure
        } finally {
            connection.autoCommit = true
        }
    }
}

internal fun <T> ResultSet.map(row: (ResultSet) -> T): List<T> {
    val result = mutableListOf<T>()
    while (next()) result += row(this)
    return result
}
