package org.panoramix.core

import com.sun.net.httpserver.HttpServer
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.async
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.io.TempDir
import org.panoramix.api.models.ApiTasksPostRequest
import org.panoramix.api.models.Message
import org.panoramix.core.live.ServerEvents
import org.panoramix.core.outbox.OutboxKind
import org.panoramix.core.outbox.OutboxState
import org.panoramix.core.session.MemoryTokenStore
import org.panoramix.core.session.SessionState
import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.io.File
import java.net.InetSocketAddress
import java.util.UUID
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO

/** The JVM client against the real API and database (see [ApiServer]). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanoramixClientApiTest {
    private lateinit var server: ApiServer

    @TempDir
    lateinit var dir: File

    @BeforeAll
    fun startApi() {
        server = ApiServer.start()
    }

    @AfterAll
    fun stopApi() = server.close()

    private fun client(
        name: String,
        store: MemoryTokenStore = MemoryTokenStore(),
        url: String = server.baseUrl,
    ) = PanoramixClient(ClientConfig(url, File(dir, "$name.db").path, store))

    private fun unique(prefix: String) = prefix + UUID.randomUUID().toString().take(8).replace("-", "")

    @Test
    fun `signs in as a native client, lists, and signs in again from the stored refresh token`() =
        runBlocking {
            val username = unique("alice")
            val store = MemoryTokenStore()
            client("register", store).use { it.session.register(username, "correct horse battery") }
            client("first", store).use { phone ->
                phone.session.signOut()
                assertEquals(null, store.load())
                phone.session.signIn(username, "correct horse battery")
                assertNotNull(store.load(), "a native sign-in returns its refresh token in the body")
                phone.tasks.create(ApiTasksPostRequest(title = "Acheter du pain"))
                assertEquals(listOf("Acheter du pain"), phone.tasks.refresh().map { it.title })
            }
            // A new start of the app: no password, the stored refresh token signs in; the cache shows the list before any request.
            client("first", store).use { again ->
                assertEquals(listOf("Acheter du pain"), again.tasks.tasks.value.map { it.title })
                assertEquals(username, again.session.resume()?.username)
                assertTrue(again.session.state.value is SessionState.SignedIn)
            }
        }

    @Test
    fun `what was created offline is sent in order on reconnect, and a replayed sync duplicates nothing`() =
        runBlocking {
            val username = unique("bruno")
            val store = MemoryTokenStore()
            client("bruno-setup", store).use { it.session.register(username, "correct horse battery") }
            // Offline: the server cannot be reached (nothing listens on that port), so items wait in the outbox file.
            client("bruno", store, url = "http://127.0.0.1:9").use { offline ->
                offline.tasks.create(ApiTasksPostRequest(title = "Première"))
                offline.journal.write("Écrit dans le train")
                offline.tasks.create(ApiTasksPostRequest(title = "Deuxième"))
                assertEquals(
                    listOf(OutboxKind.TASK, OutboxKind.JOURNAL_ENTRY, OutboxKind.TASK),
                    offline.outbox.items.value.map { it.kind },
                )
                assertTrue(offline.outbox.items.value.all { it.state == OutboxState.PENDING })
            }
            client("bruno", store).use { online ->
                online.session.resume()
                val replay = online.outbox.items.value.first()
                val report = online.outbox.sync()
                assertEquals(3, report.sent)
                assertEquals(0, report.remaining)
                // The answer to the first item was "lost": the phone sends it again with the same key.
                online.outbox.enqueue(replay.kind, replay.payload, replay.target, replay.idempotencyKey)
                assertEquals(1, online.outbox.sync().sent)
                assertEquals(listOf("Deuxième", "Première"), online.tasks.refresh().map { it.title })
                assertEquals(listOf("Écrit dans le train"), online.journal.refresh().map { it.content })
            }
        }

    @Test
    fun `a refused item is reported once and not sent again`() =
        runBlocking {
            val store = MemoryTokenStore()
            client("carla", store).use { phone ->
                phone.session.register(unique("carla"), "correct horse battery")
                phone.outbox.enqueue(OutboxKind.TASK, """{"title":""}""")
                phone.tasks.create(ApiTasksPostRequest(title = "Valide"))
                val failed = phone.outbox.items.value.single()
                assertEquals(OutboxState.FAILED, failed.state)
                assertTrue(failed.problem!!.contains("title"), failed.problem)
                assertEquals(0, phone.outbox.sync().sent, "a refused item is not retried")
                assertEquals(listOf("Valide"), phone.tasks.refresh().map { it.title })
                phone.outbox.dismiss(failed.seq)
                assertEquals(emptyList<Any>(), phone.outbox.items.value)
            }
        }

    @Test
    fun `a message from another user arrives live`() =
        runBlocking {
            val alice = client("live-alice")
            val bob = client("live-bob")
            try {
                val aliceUser = alice.session.register(unique("alice"), "correct horse battery")
                bob.session.register(unique("bob"), "correct horse battery")
                alice.live.connect()
                withTimeout(20_000) { alice.live.connected.first { it } }
                val roomId = directRoom(bob, aliceUser.id)
                // Listening before Bob sends: the event stream keeps nothing for late listeners.
                val event = async(start = CoroutineStart.UNDISPATCHED) { alice.live.events.first { it.name == ServerEvents.MESSAGE_NEW } }
                bob.chat.send(roomId, "Salut Alice")
                val message = withTimeout(20_000) { event.await() }.decode(Message.serializer())
                assertEquals(roomId to "Salut Alice", message.roomId to message.text)
                val shown = withTimeout(20_000) { alice.chat.messages(roomId).first { it.isNotEmpty() } }
                assertEquals(listOf("Salut Alice"), shown.map { it.text })
            } finally {
                alice.close()
                bob.close()
            }
        }

    @Test
    fun `a message to me wakes this device through its push address, and the push carries nothing of it`() =
        runBlocking {
            // The distributor's server (ntfy's, say), as the API reaches it: POSTs to the device's endpoint.
            val pushed = CompletableFuture<ByteArray>()
            val pushService =
                HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0).apply {
                    createContext("/up-phone") { exchange ->
                        val body = exchange.requestBody.readAllBytes()
                        exchange.sendResponseHeaders(201, -1)
                        exchange.close()
                        pushed.complete(body)
                    }
                    start()
                }
            val alice = client("push-alice")
            val bob = client("push-bob")
            try {
                val aliceUser = alice.session.register(unique("alice"), "correct horse battery")
                bob.session.register(unique("bob"), "correct horse battery")
                val endpoint = "http://127.0.0.1:${pushService.address.port}/up-phone"
                assertEquals(false, alice.push.register(endpoint).encrypted)
                assertEquals(listOf(endpoint), alice.push.subscriptions().map { it.endpoint })

                bob.chat.send(directRoom(bob, aliceUser.id), "Salut Alice")
                assertEquals(0, pushed.get(20, TimeUnit.SECONDS).size, "a wake-up: the app reads the message from the API")

                alice.push.unregister(endpoint)
                assertEquals(emptyList<String>(), alice.push.subscriptions().map { it.endpoint })
            } finally {
                alice.close()
                bob.close()
                pushService.stop(0)
            }
        }

    @Test
    fun `an image is uploaded, sent as a message's attachment, and read back by the other member`() =
        runBlocking {
            val alice = client("files-alice")
            val bob = client("files-bob")
            try {
                val aliceUser = alice.session.register(unique("alice"), "correct horse battery")
                bob.session.register(unique("bob"), "correct horse battery")
                val roomId = directRoom(bob, aliceUser.id)
                val png = ByteArrayOutputStream().also { ImageIO.write(BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", it) }.toByteArray()
                // Not ASCII: the part's file name cannot carry it, the display name does.
                val file = bob.files.upload("Été à Brest.png", png)
                assertEquals(Triple("Été à Brest.png", "image/png", png.size), Triple(file.name, file.mimeType, file.propertySize))
                bob.chat.send(roomId, "", listOf(file.id))
                assertEquals(emptyList<Any>(), bob.outbox.items.value, "the message was sent")
                val message = alice.chat.refreshMessages(roomId).single()
                assertEquals(listOf(file.id to "Été à Brest.png"), message.attachments.map { it.id to it.name })
                assertArrayEquals(png, alice.files.content(file.id))
            } finally {
                alice.close()
                bob.close()
            }
        }

    @Test
    fun `an attachment picked offline waits with its message and both go out on reconnect, once`() =
        runBlocking {
            val store = MemoryTokenStore()
            val bob = client("queued-files-bob")
            try {
                val erin = client("erin-setup", store).use { it.session.register(unique("erin"), "correct horse battery") }
                bob.session.register(unique("bob"), "correct horse battery")
                val roomId = directRoom(bob, erin.id)
                val png = ByteArrayOutputStream().also { ImageIO.write(BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB), "png", it) }.toByteArray()
                client("erin", store, url = "http://127.0.0.1:9").use { offline ->
                    offline.chat.sendAttachment(roomId, "Vue du train.png", png, "Regarde")
                    assertEquals(listOf(OutboxKind.ATTACHMENT to OutboxState.PENDING), offline.outbox.items.value.map { it.kind to it.state })
                }
                client("erin", store).use { online ->
                    online.session.resume()
                    assertEquals(1, online.outbox.sync().sent)
                    assertEquals(emptyList<Any>(), online.outbox.items.value)
                }
                val message = bob.chat.refreshMessages(roomId).single()
                assertEquals("Regarde" to listOf("Vue du train.png"), message.text to message.attachments.map { it.name })
                assertArrayEquals(png, bob.files.content(message.attachments.single().id))
            } finally {
                bob.close()
            }
        }

    @Test
    fun `a note session's lines written offline are appended in order on reconnect`() =
        runBlocking {
            val store = MemoryTokenStore()
            val sessionId =
                client("dora", store).use { phone ->
                    phone.session.register(unique("dora"), "correct horse battery")
                    val session = phone.noteSessions.start("Réunion de lundi")
                    phone.noteSessions.write(session.id, "Ordre du jour")
                    assertEquals(listOf("Ordre du jour"), phone.noteSessions.lines(session.id).value.map { it.content })
                    session.id
                }
            client("dora", store, url = "http://127.0.0.1:9").use { offline ->
                offline.noteSessions.write(sessionId, "Point 1")
                offline.noteSessions.write(sessionId, "Point 2")
                assertEquals(listOf("Réunion de lundi"), offline.noteSessions.sessions.value.map { it.name }, "the cache shows the session offline")
                assertEquals(listOf("Ordre du jour"), offline.noteSessions.lines(sessionId).value.map { it.content })
                assertEquals(listOf(OutboxKind.NOTE_LINE, OutboxKind.NOTE_LINE), offline.outbox.items.value.map { it.kind })
            }
            client("dora", store).use { online ->
                online.session.resume()
                assertEquals(2, online.outbox.sync().sent)
                val expected = listOf("Ordre du jour", "Point 1", "Point 2")
                assertEquals(expected, online.noteSessions.lines(sessionId).value.map { it.content }, "appended as they were sent")
                assertEquals(expected, online.noteSessions.refreshLines(sessionId).map { it.content }, "the server's order")
                assertEquals(listOf("Réunion de lundi"), online.noteSessions.refresh().map { it.name })
            }
        }

    /** Test setup over plain HTTP: the room-creation body is a union the Kotlin generator cannot model. */
    private fun directRoom(
        from: PanoramixClient,
        otherUserId: String,
    ): String {
        val request =
            Request
                .Builder()
                .url("${server.baseUrl}/api/rooms")
                .header("Authorization", "Bearer ${from.session.accessToken}")
                .post("""{"type":"direct","memberIds":["$otherUserId"]}""".toRequestBody("application/json".toMediaType()))
                .build()
        OkHttpClient().newCall(request).execute().use { response ->
            val body = response.body.string()
            assertTrue(response.isSuccessful, body)
            return Regex("\"id\":\"([a-f0-9]{24})\"").find(body)!!.groupValues[1]
        }
    }
}
