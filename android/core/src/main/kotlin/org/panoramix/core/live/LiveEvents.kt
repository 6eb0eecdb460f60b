package org.panoramix.core.live

import io.socket.client.Ack
import io.socket.client.IO
import io.socket.client.Socket
import io.socket.engineio.client.transports.WebSocket
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableSharedFlow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.SharedFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asSharedFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.serialization.KSerializer
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import okhttp3.OkHttpClient
import org.json.JSONObject
import org.panoramix.api.infrastructure.Serializer
import org.panoramix.core.session.SessionManager
import java.net.URI

/** One event from the server's socket: its name (see [ServerEvents]) and its JSON payload. */
data class LiveEvent(
    val name: String,
    val data: JsonElement,
) {
    /** The payload as a generated model, e.g. `event.decode(Task.serializer())`. */
    fun <T> decode(serializer: KSerializer<T>): T = Serializer.kotlinxSerializationJson.decodeFromJsonElement(serializer, data)
}

/**
 * The socket.io connection of the signed-in user: every event of the contracts as [events], and
 * [connected] for the outbox to sync on reconnect. The access token goes in the handshake
 * (`auth.token`); when the server says it is expiring, a refreshed one is handed over on the same
 * socket (`session:refresh`), and a reconnect always uses the newest.
 */
class LiveEvents internal constructor(
    private val baseUrl: String,
    private val http: OkHttpClient,
    private val session: SessionManager,
    private val scope: CoroutineScope,
) {
    private val mutableEvents = MutableSharedFlow<LiveEvent>(extraBufferCapacity = 256)
    private val mutableConnected = MutableStateFlow(false)
    val events: SharedFlow<LiveEvent> = mutableEvents.asSharedFlow()
    val connected: StateFlow<Boolean> = mutableConnected.asStateFlow()
    private val handshake = mutableMapOf<String, String>()
    private var socket: Socket? = null

    @Synchronized
    fun connect() {
        if (socket != null) return
        handshake["token"] = session.accessToken.orEmpty()
        val options =
            IO.Options().apply {
                transports = arrayOf(WebSocket.NAME)
                auth = handshake
                callFactory = http
                webSocketFactory = http
            }
        socket =
            IO.socket(URI.create(baseUrl), options).apply {
                on(Socket.EVENT_CONNECT) { mutableConnected.value = true }
                on(Socket.EVENT_DISCONNECT) { mutableConnected.value = false }
                // Refused handshake (expired token): refresh, and the manager's next try carries the new one.
                on(Socket.EVENT_CONNECT_ERROR) {
                    scope.launch(Dispatchers.IO) { session.refreshAfter(handshake["token"])?.let { handshake["token"] = it } }
                }
                on(ServerEvents.SESSION_EXPIRING) { scope.launch(Dispatchers.IO) { handOverFreshToken() } }
                for (name in ServerEvents.all - ServerEvents.SESSION_EXPIRING) {
                    on(name) { args -> mutableEvents.tryEmit(LiveEvent(name, payloadOf(args))) }
                }
                connect()
            }
    }

    @Synchronized
    fun disconnect() {
        socket?.off()
        socket?.disconnect()
        socket = null
        mutableConnected.value = false
    }

    /** Sends a client event (typing, presence) with its JSON payload; [onAck] gets the ack's JSON. */
    fun emit(
        name: String,
        payload: JsonElement,
        onAck: (JsonElement) -> Unit = {},
    ) {
        require(name in ClientEvents.all) { "not a client event of the contracts: $name" }
        socket?.emit(name, arrayOf(JSONObject(payload.toString())), Ack { args -> onAck(payloadOf(args)) })
    }

    private fun handOverFreshToken() {
        val fresh = session.refreshAfter(handshake["token"]) ?: return
        handshake["token"] = fresh
        socket?.emit(ClientEvents.SESSION_REFRESH, arrayOf(JSONObject(mapOf("token" to fresh))), Ack { })
    }

    private fun payloadOf(args: Array<out Any?>): JsonElement =
        args.firstOrNull()?.let { Serializer.kotlinxSerializationJson.parseToJsonElement(it.toString()) } ?: JsonNull
}
