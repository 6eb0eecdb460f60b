package org.panoramix.core

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.double
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import java.io.File
import java.nio.file.Files
import java.security.SecureRandom
import java.util.HexFormat
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * The real Panoramix API (`node --import tsx backend/src/main.ts`) in its own process, on a free
 * loopback port with a temporary data folder: its database is `MONGODB_URI` when set, else the local
 * FerretDB the API starts itself. Resolves once the API logs that it listens.
 */
class ApiServer private constructor(
    private val process: Process,
    private val dataDir: File,
    private val logs: StringBuilder,
    val port: Int,
) : AutoCloseable {
    val baseUrl = "http://127.0.0.1:$port"

    /**
     * The server's own time for each answered request to [method] [url] so far, in ms, oldest first:
     * pino-http's `responseTime` (from the request's arrival to the end of the answer), for telling
     * the server's share of a client's time from the client's.
     */
    fun responseTimes(
        method: String,
        url: String,
    ): List<Double> =
        synchronized(logs) { logs.lines() }
            .mapNotNull { line -> runCatching { Json.parseToJsonElement(line).jsonObject }.getOrNull() }
            .filter { entry ->
                val request = entry["req"]?.jsonObject
                request?.get("method")?.jsonPrimitive?.content == method && request["url"]?.jsonPrimitive?.content == url
            }.mapNotNull { it["responseTime"]?.jsonPrimitive?.double }

    override fun close() {
        process.descendants().forEach { it.destroyForcibly() }
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS)
        dataDir.deleteRecursively()
    }

    companion object {
        fun start(): ApiServer {
            val repoRoot = File(System.getProperty("panoramix.repoRoot") ?: "../..").canonicalFile
            val dataDir = Files.createTempDirectory("panoramix-android-").toFile()
            val secret = ByteArray(32).also(SecureRandom()::nextBytes)
            val builder =
                ProcessBuilder("node", "--import", "tsx", "src/main.ts")
                    .directory(File(repoRoot, "backend"))
                    .redirectErrorStream(true)
            builder.environment().putAll(
                mapOf(
                    "NODE_ENV" to "test",
                    "HOST" to "127.0.0.1",
                    "PORT" to "0",
                    "DATA_DIR" to dataDir.path,
                    "LOG_LEVEL" to "info",
                    "JWT_SECRET" to HexFormat.of().formatHex(secret),
                    "ALLOW_REGISTRATION" to "true",
                    "SEED_ADMIN" to "false",
                    "ARGON2_MEMORY_KIB" to "4096",
                    // The push test's push service listens on 127.0.0.1, which the outbound guard refuses otherwise.
                    "OUTBOUND_ALLOW_ADDRESSES" to "127.0.0.1",
                    "MONGODB_DB" to "android_${HexFormat.of().formatHex(secret, 0, 4)}",
                ),
            )
            val process = builder.start()
            val listening = CompletableFuture<Int>()
            val logs = StringBuilder()
            Thread {
                process.inputStream.bufferedReader().forEachLine { line ->
                    synchronized(logs) { logs.appendLine(line) }
                    val entry = runCatching { Json.parseToJsonElement(line).jsonObject }.getOrNull()
                    if (entry?.get("msg")?.jsonPrimitive?.content == "listening") {
                        listening.complete(entry.getValue("port").jsonPrimitive.int)
                    }
                }
                listening.completeExceptionally(IllegalStateException("the API exited before listening:\n$logs"))
            }.apply { isDaemon = true }.start()
            return try {
                ApiServer(process, dataDir, logs, listening.get(120, TimeUnit.SECONDS))
            } catch (failure: Exception) {
                process.destroyForcibly()
                throw IllegalStateException("the API did not start:\n${synchronized(logs) { logs }}", failure)
            }
        }
    }
}
