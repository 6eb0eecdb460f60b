package org.panoramix.app.search

import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.panoramix.app.MainDispatcher
import org.panoramix.app.hit

class SearchViewModelTest {
  @JvmField @RegisterExtension val main = MainDispatcher()

  @Test
  fun `searches once after the typing pauses, from two characters, showing the last query's hits`() = runTest(main.dispatcher) {
    val asked = mutableListOf<String>()
    val model = SearchViewModel { query -> asked += query; listOf(hit("hit for $query")) }
    testScheduler.advanceUntilIdle()

    model.type("p")
    testScheduler.advanceTimeBy(SearchViewModel.PAUSE_MS + 1)
    model.type("pl")
    testScheduler.advanceTimeBy(100)
    model.type("plum")
    testScheduler.advanceUntilIdle()

    assertEquals(listOf("plum"), asked)
    assertEquals(listOf("hit for plum"), model.state.value.hits.map { it.title })

    model.type("x")
    testScheduler.advanceUntilIdle()
    assertEquals(emptyList<Any>(), model.state.value.hits)
  }

  @Test
  fun `a failed search says so instead of showing no results`() = runTest(main.dispatcher) {
    val model = SearchViewModel { throw java.io.IOException("offline") }
    model.type("plumber")
    testScheduler.advanceUntilIdle()
    assertEquals(true, model.state.value.failed)
  }
}
