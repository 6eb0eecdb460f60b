package org.panoramix.app.projects

import androidx.compose.foundation.clickable
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.ListItem
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import org.panoramix.api.models.Project

/** Favourites first; a project opens its tasks (ProjectTasksScreen). */
@Composable
fun ProjectsScreen(model: ProjectsViewModel, onOpen: (Project) -> Unit) {
  val projects by model.projects.collectAsStateWithLifecycle()
  LaunchedEffect(Unit) { model.refresh() }
  LazyColumn {
    items(projects, key = { it.id }) { project ->
      ListItem(
        headlineContent = { Text(if (project.isFavorite) "★ ${project.name}" else project.name) },
        supportingContent = project.description.takeIf { it.isNotBlank() }?.let { { Text(it, maxLines = 2) } },
        modifier = Modifier.clickable { onOpen(project) },
      )
    }
  }
}
