package org.panoramix.app.projects

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.runtime.Composable
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.tasks.TasksScreen
import org.panoramix.app.tasks.TasksViewModel
import org.panoramix.app.ui.SectionTitle

/** One project's open tasks, as Tâches shows them (the Eisenhower tabs), with a way back to Projets. */
@Composable
fun ProjectTasksScreen(name: String, model: TasksViewModel, onBack: () -> Unit) {
  val texts = LocalTexts.current
  Column {
    Row {
      TextButton(onClick = onBack) { Text(texts.back) }
      SectionTitle(name)
    }
    TasksScreen(model)
  }
}
