package org.panoramix.app.tasks

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.panoramix.app.MainDispatcher
import org.panoramix.app.outboxItem
import org.panoramix.app.task
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import org.panoramix.core.outbox.OutboxState

private class FakeTasks : TasksSource {
  override val tasks = MutableStateFlow(emptyList<org.panoramix.api.models.Task>())
  override val queued = MutableStateFlow(emptyList<OutboxItem>())
  val created = mutableListOf<Triple<String, Boolean, Boolean>>()
  val createdIn = mutableListOf<String?>()
  val completed = mutableListOf<String>()
  var online = true

  override suspend fun refresh() {
    if (!online) throw java.io.IOException("offline")
  }

  override suspend fun create(title: String, urgent: Boolean, important: Boolean, projectId: String?) {
    created += Triple(title, urgent, important)
    createdIn += projectId
    // Offline the outbox keeps it; online the server's copy arrives.
    if (online) tasks.update { it + task("new${created.size}", title, urgent, important, projectId = projectId) }
    else queued.update { it + outboxItem(created.size.toLong(), OutboxKind.TASK, "k${created.size}", "{}") }
  }

  override suspend fun complete(id: String) {
    completed += id
    tasks.update { list -> list.map { if (it.id == id) it.copy(status = org.panoramix.api.models.Task.Status.DONE) else it } }
  }

  override fun dismiss(item: OutboxItem) = queued.update { it - item }
}

class TasksViewModelTest {
  @JvmField @RegisterExtension val main = MainDispatcher()

  @Test
  fun `sorts open tasks into the four Eisenhower quadrants by rank and leaves done ones out`() = runTest(main.dispatcher) {
    val source = FakeTasks()
    source.tasks.value =
      listOf(
        task("a", urgent = true, important = true, rank = "b"),
        task("b", urgent = true, important = true, rank = "a"),
        task("c", important = true),
        task("d", urgent = true),
        task("e"),
        task("f", urgent = true, important = true, status = org.panoramix.api.models.Task.Status.DONE),
      )
    val model = TasksViewModel(source)
    testScheduler.advanceUntilIdle()

    val quadrants = model.state.value.quadrants.mapValues { (_, tasks) -> tasks.map { it.id } }
    assertEquals(
      mapOf(
        Quadrant.DO_FIRST to listOf("b", "a"),
        Quadrant.SCHEDULE to listOf("c"),
        Quadrant.DELEGATE to listOf("d"),
        Quadrant.DROP to listOf("e"),
      ),
      quadrants,
    )
  }

  @Test
  fun `quick add into a quadrant sets its flags, trims the title and ignores a blank one`() = runTest(main.dispatcher) {
    val source = FakeTasks()
    val model = TasksViewModel(source)
    model.quickAdd("  Call the plumber ", Quadrant.SCHEDULE)
    model.quickAdd("   ", Quadrant.DO_FIRST)
    testScheduler.advanceUntilIdle()

    assertEquals(listOf(Triple("Call the plumber", false, true)), source.created)
    assertEquals(listOf("Call the plumber"), model.state.value.quadrants.getValue(Quadrant.SCHEDULE).map { it.title })
  }

  @Test
  fun `a project's screen shows that project's open tasks only, and quick add goes into the project`() = runTest(main.dispatcher) {
    val source = FakeTasks()
    source.tasks.value = listOf(task("mine", projectId = "p1"), task("other", projectId = "p2"), task("inbox"))
    val model = TasksViewModel(source, projectId = "p1")
    model.quickAdd("Order the tiles", Quadrant.DROP)
    testScheduler.advanceUntilIdle()

    assertEquals(listOf<String?>("p1"), source.createdIn)
    assertEquals(listOf("mine", "new1"), model.state.value.quadrants.getValue(Quadrant.DROP).map { it.id })
    // Tâches itself still shows every open task, inbox included.
    val all = TasksViewModel(source)
    testScheduler.advanceUntilIdle()
    assertEquals(listOf("mine", "other", "inbox", "new1"), all.state.value.quadrants.getValue(Quadrant.DROP).map { it.id })
  }

  @Test
  fun `a completed task leaves its quadrant`() = runTest(main.dispatcher) {
    val source = FakeTasks()
    source.tasks.value = listOf(task("a", urgent = true, important = true))
    val model = TasksViewModel(source)
    model.complete("a")
    testScheduler.advanceUntilIdle()

    assertEquals(listOf("a"), source.completed)
    assertEquals(emptyList<Any>(), model.state.value.quadrants.getValue(Quadrant.DO_FIRST))
  }

  @Test
  fun `offline, added tasks count as waiting and a refused one is listed until dismissed`() = runTest(main.dispatcher) {
    val source = FakeTasks().apply { online = false }
    val model = TasksViewModel(source)
    model.refresh()
    model.quickAdd("one")
    model.quickAdd("two")
    testScheduler.advanceUntilIdle()
    assertEquals(2, model.state.value.waiting)
    assertEquals(true, model.state.value.failedToLoad)

    val refused = outboxItem(9, OutboxKind.TASK, "k9", "{}", state = OutboxState.FAILED)
    source.queued.update { it + refused }
    testScheduler.advanceUntilIdle()
    assertEquals(listOf(refused), model.state.value.refused)

    model.dismiss(refused)
    testScheduler.advanceUntilIdle()
    assertEquals(emptyList<OutboxItem>(), model.state.value.refused)
  }
}
