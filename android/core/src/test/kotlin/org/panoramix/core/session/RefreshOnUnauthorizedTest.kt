package org.panoramix.core.session

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.core.ClientConfig
import org.panoramix.core.PanoramixClient
import java.io.File
import java.net.InetSocketAddress
import java.util.Collections
import java.util.concurrent.atomic.AtomicInteger

/**
 * The refresh-on-401 rule against a stub server (the real one keeps access tokens at least 60 s):
 * an expired access token is refreshed once, even for requests refused together, and the requests
 * retried; a refused refresh signs out instead of looping.
 */
class RefreshOnUnauthorizedTest {
    @TempDir
    lateinit var dir: File

    private val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
    private val refreshes = AtomicInteger()
    private val refreshBodies = Collections.synchronizedList(mutableListOf<String>())

    @Volatile
    private var refreshWorks = true

    init {
        server.createContext("/api/auth/login") { it.answer(200, session("expired", "refresh-1")) }
        server.createContext("/api/auth/refresh") { exchange ->
            refreshes.incrementAndGet()
            refreshBodies += exchange.requestBody.readAllBytes().decodeToString()
            if (refreshWorks) exchange.answer(200, session("fresh", "refresh-2")) else exchange.answer(401, """{"status":401}""")
        }
        server.createContext("/api/projects") { exchange ->
            val fresh = exchange.requestHeaders.getFirst("Authorization") == "Bearer fresh"
            if (fresh) exchange.answer(200, """{"items":[],"nextCursor":null}""") else exchange.answer(401, """{"status":401}""")
        }
        server.start()
    }

    @AfterEach
    fun stop() = server.stop(0)

    private fun client(store: TokenStore) =
        PanoramixClient(ClientConfig("http://127.0.0.1:${server.address.port}", File(dir, "c.db").path, store))

    @Test
    fun `an expired access token is refreshed once and the requests retried`() =
        runBlocking {
            val store = MemoryTokenStore()
            client(store).use { phone ->
                phone.session.signIn("alice", "secret")
                listOf(async { phone.projects.refresh() }, async { phone.projects.refresh() }).awaitAll()
                assertEquals(1, refreshes.get(), "two requests refused together spend the refresh token once")
                assertTrue(refreshBodies.single().contains("refresh-1"), refreshBodies.single())
                assertEquals("refresh-2", store.load())
                assertEquals("fresh", phone.session.accessToken)
            }
        }

    @Test
    fun `a refused refresh signs out instead of retrying again`() =
        runBlocking {
            val store = MemoryTokenStore()
            client(store).use { phone ->
                phone.session.signIn("alice", "secret")
                refreshWorks = false
                val refused = assertThrows(ClientException::class.java) { runBlocking { phone.projects.refresh() } }
                assertEquals(401, refused.statusCode)
                assertEquals(1, refreshes.get())
                assertEquals(SessionState.SignedOut, phone.session.state.value)
                assertEquals(null, store.load())
            }
        }

    private fun HttpExchange.answer(
        status: Int,
        body: String,
    ) {
        val bytes = body.encodeToByteArray()
        responseHeaders.add("Content-Type", if (status < 400) "application/json" else "application/problem+json")
        sendResponseHeaders(status, bytes.size.toLong())
        responseBody.use { it.write(bytes) }
    }

    private fun session(
        accessToken: String,
        refreshToken: String,
    ) = """{"accessToken":"$accessToken","expiresIn":900,"refreshToken":"$refreshToken","user":{"id":"665f1c2e9b1e8a0012345678",
        |"username":"alice","displayName":"Alice","role":"user","disabled":false,"avatarFileId":null,
        |"createdAt":"2026-01-01T00:00:00.000Z"}}""".trimMargin()
}
