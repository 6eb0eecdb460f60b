package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.withContext
import org.panoramix.api.apis.TasksApi
import org.panoramix.api.models.ApiTasksIdPatchRequest
import org.panoramix.api.models.ApiTasksPostRequest
import org.panoramix.api.models.Task
import org.panoramix.core.cache.CachedList
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.cache.allPages
import org.panoramix.core.live.LiveEvent
import org.panoramix.core.live.ServerEvents
import org.panoramix.core.outbox.Outbox
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind

/** My inbox and my projects' tasks (`GET /api/tasks`, every page); new tasks go through the outbox. */
class TasksRepository internal constructor(
    private val api: TasksApi,
    cache: LocalCache,
    private val outbox: Outbox,
) : LiveApplier {
    private val list = CachedList(cache, "task", Task.serializer(), { it.id.orEmpty() })
    val tasks: StateFlow<List<Task>> = list.items

    init {
        outbox.register(OutboxKind.TASK, ApiTasksPostRequest.serializer()) { item, body -> list.upsert(api.apiTasksPost(body, item.idempotencyKey)) }
    }

    suspend fun refresh(): List<Task> =
        withContext(Dispatchers.IO) {
            allPages({ api.apiTasksGet(limit = 200, cursor = it) }, { it.items }, { it.nextCursor }).also(list::replace)
        }

    /** Queues the task (it shows in [Outbox.items] until the server has it), then tries to send it. */
    suspend fun create(request: ApiTasksPostRequest): OutboxItem = outbox.submit(OutboxKind.TASK, ApiTasksPostRequest.serializer(), request)

    suspend fun update(
        id: String,
        patch: ApiTasksIdPatchRequest,
    ): Task = withContext(Dispatchers.IO) { api.apiTasksIdPatch(id, patch).also(list::upsert) }

    suspend fun complete(id: String): Task = update(id, ApiTasksIdPatchRequest(status = ApiTasksIdPatchRequest.Status.DONE))

    suspend fun delete(id: String) = withContext(Dispatchers.IO) { api.apiTasksIdDelete(id).also { list.remove(id) } }

    override fun apply(event: LiveEvent) {
        when (event.name) {
            ServerEvents.TASK_CREATED, ServerEvents.TASK_UPDATED -> list.upsert(event.decode(Task.serializer()))
            ServerEvents.TASK_DELETED -> list.remove(event.idField())
        }
    }
}
