package org.panoramix.core.repo

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.withContext
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.panoramix.api.apis.ProjectsApi
import org.panoramix.api.models.Project
import org.panoramix.core.cache.CachedList
import org.panoramix.core.cache.LocalCache
import org.panoramix.core.cache.allPages
import org.panoramix.core.live.LiveEvent
import org.panoramix.core.live.ServerEvents

class ProjectsRepository internal constructor(
    private val api: ProjectsApi,
    cache: LocalCache,
) : LiveApplier {
    private val list = CachedList(cache, "project", Project.serializer(), { it.id })
    val projects: StateFlow<List<Project>> = list.items

    suspend fun refresh(): List<Project> =
        withContext(Dispatchers.IO) {
            allPages({ api.apiProjectsGet(limit = 100, cursor = it) }, { it.items }, { it.nextCursor }).also(list::replace)
        }

    override fun apply(event: LiveEvent) {
        when (event.name) {
            ServerEvents.PROJECT_CREATED, ServerEvents.PROJECT_UPDATED -> list.upsert(event.decode(Project.serializer()))
            ServerEvents.PROJECT_DELETED -> list.remove(event.idField())
        }
    }
}

internal fun LiveEvent.idField(name: String = "id"): String =
    data.jsonObject
        .getValue(name)
        .jsonPrimitive.content
