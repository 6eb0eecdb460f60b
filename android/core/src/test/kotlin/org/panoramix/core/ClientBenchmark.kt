package org.panoramix.core

import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.runBlocking
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.panoramix.api.models.ApiTasksPostRequest
import org.panoramix.core.session.MemoryTokenStore
import java.io.File
import java.net.InetSocketAddress
import java.util.concurrent.atomic.AtomicInteger

/**
 * The issue's two figures, printed (not asserted): outbox sync of 1,000 items queued offline, and a
 * cold sign-in to the first list. Not part of `mvn verify`: `BENCH_ONLY=android npm run bench`.
 */
@Tag("bench")
class ClientBenchmark {
    @TempDir
    lateinit var dir: File

    private val json = "application/json".toMediaType()
    private val http = OkHttpClient()

    @Test
    fun `outbox sync and cold sign-in`() =
        runBlocking {
            ApiServer.start().use { server ->
                // Seeding over plain HTTP, so the client's classes are still unloaded for the cold sign-in.
                val token = post(server, "/api/auth/register", """{"username":"bench","password":"correct horse battery"}""", null)
                    .let { Regex("\"accessToken\":\"([^\"]+)\"").find(it)!!.groupValues[1] }
                var seededTask = ""
                repeat(SEEDED) { seededTask = post(server, "/api/tasks", """{"title":"Seeded $it"}""", token) }

                val coldMs =
                    timed {
                        PanoramixClient(ClientConfig(server.baseUrl, File(dir, "cold.db").path)).use { client ->
                            client.session.signIn("bench", "correct horse battery")
                            assertEquals(SEEDED, client.tasks.refresh().size)
                        }
                    }
                val warmMs =
                    (1..5).map { run ->
                        timed {
                            PanoramixClient(ClientConfig(server.baseUrl, File(dir, "warm$run.db").path)).use { client ->
                                client.session.signIn("bench", "correct horse battery")
                                client.tasks.refresh()
                            }
                        }
                    }.sorted()[2]

                val store = MemoryTokenStore()
                val db = File(dir, "outbox.db").path
                PanoramixClient(ClientConfig(server.baseUrl, db, store)).use { it.session.signIn("bench", "correct horse battery") }
                PanoramixClient(ClientConfig("http://127.0.0.1:9", db, store)).use { offline ->
                    repeat(QUEUED) { offline.tasks.create(ApiTasksPostRequest(title = "Offline $it")) }
                }
                PanoramixClient(ClientConfig(server.baseUrl, db, store)).use { online ->
                    online.session.resume()
                    val before = server.responseTimes("POST", "/api/tasks").size
                    val syncMs = timed { assertEquals(QUEUED, online.outbox.sync().sent) }
                    val serverMs = server.responseTimes("POST", "/api/tasks").drop(before)
                    assertEquals(SEEDED + QUEUED, online.tasks.refresh().size)
                    val clientAloneMs = clientAloneSync(seededTask)
                    println("BENCH android cold sign-in to first list ($SEEDED tasks, first client in the JVM): $coldMs ms")
                    println("BENCH android sign-in to first list, warm JVM (median of 5): $warmMs ms")
                    println(
                        "BENCH android outbox sync of $QUEUED tasks after reconnect: $syncMs ms, " +
                            "${"%.0f".format(QUEUED * 1000.0 / syncMs)} items/s",
                    )
                    println(
                        "BENCH android   of which the server's own time (pino-http responseTime of those $QUEUED POST /api/tasks): " +
                            "${serverMs.sum().toLong()} ms, per request p50 ${percentile(serverMs, 50)} ms, p95 ${percentile(serverMs, 95)} ms",
                    )
                    println(
                        "BENCH android   the same sync against a stub server answering at once (the client alone: HTTP, JSON, SQLite): " +
                            "$clientAloneMs ms, ${"%.0f".format(QUEUED * 1000.0 / clientAloneMs)} items/s",
                    )
                }
            }
        }

    /**
     * The outbox sync of [QUEUED] tasks against a loopback stub that answers every `POST /api/tasks`
     * at once with a copy of a real task: what is left is the client's own time.
     */
    private suspend fun clientAloneSync(taskJson: String): Long {
        val counter = AtomicInteger()
        val stub = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        stub.createContext("/api/tasks") { exchange ->
            exchange.requestBody.readAllBytes()
            val id = "%024x".format(counter.incrementAndGet())
            val body = taskJson.replaceFirst(Regex("\"id\":\"[a-f0-9]{24}\""), "\"id\":\"$id\"").toByteArray()
            exchange.responseHeaders.add("Content-Type", "application/json")
            exchange.sendResponseHeaders(201, body.size.toLong())
            exchange.responseBody.use { it.write(body) }
        }
        stub.start()
        try {
            val db = File(dir, "stub.db").path
            PanoramixClient(ClientConfig("http://127.0.0.1:9", db)).use { offline ->
                repeat(QUEUED) { offline.tasks.create(ApiTasksPostRequest(title = "Offline $it")) }
            }
            return PanoramixClient(ClientConfig("http://127.0.0.1:${stub.address.port}", db)).use { online ->
                timed { assertEquals(QUEUED, online.outbox.sync().sent) }.also { assertEquals(QUEUED, counter.get()) }
            }
        } finally {
            stub.stop(0)
        }
    }

    private fun percentile(
        values: List<Double>,
        p: Int,
    ): Long = values.sorted()[(values.size - 1) * p / 100].toLong()

    private inline fun timed(block: () -> Unit): Long {
        val started = System.nanoTime()
        block()
        return (System.nanoTime() - started) / 1_000_000
    }

    private fun post(
        server: ApiServer,
        path: String,
        body: String,
        token: String?,
    ): String {
        val request =
            Request
                .Builder()
                .url(server.baseUrl + path)
                .apply { token?.let { header("Authorization", "Bearer $it") } }
                .post(body.toRequestBody(json))
                .build()
        return http.newCall(request).execute().use { response ->
            response.body.string().also { check(response.isSuccessful) { it } }
        }
    }

    private companion object {
        const val SEEDED = 200
        const val QUEUED = 1_000
    }
}
