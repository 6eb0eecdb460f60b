package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import okhttp3.Call
import org.panoramix.api.apis.FilesApi
import org.panoramix.api.infrastructure.ClientError
import org.panoramix.api.infrastructure.ClientException
import org.panoramix.api.infrastructure.PartConfig
import org.panoramix.api.infrastructure.ResponseType
import org.panoramix.api.infrastructure.ServerError
import org.panoramix.api.infrastructure.ServerException
import org.panoramix.api.infrastructure.Success
import org.panoramix.api.models.StoredFile
import java.io.File
import java.nio.file.Files
import java.util.UUID

/**
 * Files I upload (`POST /api/files`, multipart, part `file`): a chat attachment is uploaded first,
 * then sent as a message listing its id (`ChatRepository.send(fileIds = …)`); offline, the
 * attachment is queued with its message (`ChatRepository.sendAttachment`).
 */
class FilesRepository internal constructor(
    private val api: UploadsApi,
) {
    /**
     * Uploads [bytes] under the display name [name]; a retry of the same call is safe (one
     * `Idempotency-Key` per call). Throws as the generated client does: IOException offline,
     * ClientException for a refusal (413 too large, 415 a type the server refuses).
     */
    suspend fun upload(
        name: String,
        bytes: ByteArray,
        projectId: String? = null,
    ): StoredFile = withContext(Dispatchers.IO) { uploadNow(name, bytes, projectId, UUID.randomUUID().toString()) }

    /** The same, blocking, with the caller's key: the outbox's retries of an attachment upload it once. */
    internal fun uploadNow(
        name: String,
        bytes: ByteArray,
        projectId: String?,
        idempotencyKey: String,
    ): StoredFile {
        // The generated client sends a java.io.File, under that file's name.
        val folder = Files.createTempDirectory("panoramix-upload-").toFile()
        try {
            val file = File(folder, partFileName(name)).apply { writeBytes(bytes) }
            return api.upload(file, name, projectId, idempotencyKey)
        } finally {
            folder.deleteRecursively()
        }
    }

    /** A file's bytes (`GET /api/files/:id/content`). */
    suspend fun content(id: String): ByteArray =
        withContext(Dispatchers.IO) {
            val file = api.apiFilesIdContentGet(id)
            try {
                file.readBytes()
            } finally {
                file.delete()
            }
        }
}

/**
 * The part's file name goes into a header, which OkHttp takes in printable ASCII only and where a
 * quote would end the value: anything else becomes `_`. The real name travels as the `name` field
 * (the display name the server keeps), in UTF-8.
 */
internal fun partFileName(name: String): String {
    val base = name.substringAfterLast('/').substringAfterLast('\\')
    val ascii = base.map { if (it in ' '..'~' && it != '"') it else '_' }.joinToString("").trim()
    return ascii.ifEmpty { "file" }.takeLast(200)
}

/**
 * The generated files client, with one fix to its upload: it sends every optional form field it
 * was given as null as an empty part, and the server reads `projectId=""` as a (wrong) project id.
 * The request is the generated one, less those parts.
 */
class UploadsApi internal constructor(
    baseUrl: String,
    http: Call.Factory,
) : FilesApi(baseUrl, http) {
    internal fun upload(
        file: File,
        name: String?,
        projectId: String?,
        idempotencyKey: String,
    ): StoredFile {
        val generated = apiFilesPostRequestConfig(file = file, idempotencyKey = idempotencyKey, projectId = projectId, name = name)
        val config = generated.copy(body = generated.body?.filterValues { it.body != null })
        val response = request<Map<String, PartConfig<*>>, StoredFile>(config)
        return when (response.responseType) {
            ResponseType.Success -> (response as Success<*>).data as StoredFile
            ResponseType.ClientError -> {
                val error = response as ClientError<*>
                throw ClientException("Client error : ${error.statusCode} ${error.message.orEmpty()}", error.statusCode, response)
            }
            ResponseType.ServerError -> {
                val error = response as ServerError<*>
                throw ServerException("Server error : ${error.statusCode} ${error.message.orEmpty()} ${error.body}", error.statusCode, response)
            }
            else -> throw UnsupportedOperationException("unexpected answer to an upload: ${response.statusCode}")
        }
    }
}
