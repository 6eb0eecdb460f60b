package org.panoramix.app.journal

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.panoramix.api.models.JournalEntry
import org.panoramix.app.MainDispatcher
import org.panoramix.app.ME
import org.panoramix.app.outboxItem
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import org.panoramix.core.outbox.OutboxState

private fun entry(id: String, content: String, at: String) = JournalEntry(id = id, userId = ME, createdAt = at, updatedAt = at, content = content)

/** Lines go to the outbox; [sync] plays the server taking them (as core's outbox does on reconnect). */
private class FakeJournal : JournalSource {
  override val entries = MutableStateFlow(emptyList<JournalEntry>())
  override val queued = MutableStateFlow(emptyList<OutboxItem>())
  val dismissed = mutableListOf<Long>()

  override suspend fun refresh() = Unit

  override suspend fun write(content: String) {
    queued.update { it + outboxItem(it.size + 1L, OutboxKind.JOURNAL_ENTRY, "k${it.size + 1}", """{"content":"$content","createdAt":"2026-12-02T11:00:00.000Z"}""") }
  }

  fun sync() {
    val sent = queued.value.filter { it.state == OutboxState.PENDING }
    entries.update { current -> sent.mapIndexed { i, item -> entry("s$i", item.payload.substringAfter("\"content\":\"").substringBefore('"'), "2026-12-02T11:0$i:00.000Z") }.reversed() + current }
    queued.update { it - sent.toSet() }
  }

  override fun dismiss(item: OutboxItem) {
    dismissed += item.seq
    queued.update { list -> list.filterNot { it.seq == item.seq } }
  }
}

class JournalViewModelTest {
  @JvmField @RegisterExtension val main = MainDispatcher()

  @Test
  fun `lines written offline show as waiting, newest first, until the sync puts them in the list`() = runTest(main.dispatcher) {
    val source = FakeJournal()
    source.entries.value = listOf(entry("e1", "Hier", "2026-12-01T20:00:00.000Z"))
    val model = JournalViewModel(source)
    model.write("  Écrit dans le train ")
    model.write("Arrivé")
    model.write("   ")
    testScheduler.advanceUntilIdle()
    assertEquals(listOf("Arrivé", "Écrit dans le train"), model.state.value.waiting)
    assertEquals(listOf("Hier"), model.state.value.entries.map { it.content })

    source.sync()
    testScheduler.advanceUntilIdle()
    assertEquals(emptyList<String>(), model.state.value.waiting)
    assertEquals(listOf("Arrivé", "Écrit dans le train", "Hier"), model.state.value.entries.map { it.content })
  }

  @Test
  fun `a line the server refused is shown apart from the waiting ones and can be dismissed`() = runTest(main.dispatcher) {
    val source = FakeJournal()
    val refused = outboxItem(1, OutboxKind.JOURNAL_ENTRY, "bad", """{"content":"x"}""", state = OutboxState.FAILED)
    source.queued.value = listOf(refused, outboxItem(2, OutboxKind.JOURNAL_ENTRY, "ok", """{"content":"en attente"}"""))
    val model = JournalViewModel(source)
    testScheduler.advanceUntilIdle()
    assertEquals(listOf(refused), model.state.value.refused)
    assertEquals(listOf("en attente"), model.state.value.waiting)

    model.dismiss(refused)
    testScheduler.advanceUntilIdle()
    assertEquals(listOf(1L), source.dismissed)
    assertEquals(emptyList<OutboxItem>(), model.state.value.refused)
  }
}
