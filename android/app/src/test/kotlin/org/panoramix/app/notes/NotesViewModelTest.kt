package org.panoramix.app.notes

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.panoramix.api.models.Note
import org.panoramix.app.MainDispatcher
import org.panoramix.app.ME
import org.panoramix.app.NOW

class NotesViewModelTest {
  @JvmField @RegisterExtension val main = MainDispatcher()

  private class FakeNotes : NotesSource {
    override val notes = MutableStateFlow(emptyList<Note>())
    val created = mutableListOf<Pair<String, String>>()

    override suspend fun refresh() = Unit

    override suspend fun create(title: String, content: String): Note {
      created += title to content
      return Note(id = "n", userId = ME, createdAt = NOW, updatedAt = NOW, projectId = null, title = title, content = content)
    }
  }

  @Test
  fun `text shared without a title gets its first non-blank line as the title, and blank text makes no note`() = runTest(main.dispatcher) {
    val source = FakeNotes()
    val model = NotesViewModel(source)
    model.create("", "\n  Shopping list  \nbread\nmilk")
    model.create(" ", "   ")
    testScheduler.advanceUntilIdle()

    assertEquals(listOf("Shopping list" to "\n  Shopping list  \nbread\nmilk"), source.created)
  }
}
