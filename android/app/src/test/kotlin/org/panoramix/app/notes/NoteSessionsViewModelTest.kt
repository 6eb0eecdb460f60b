package org.panoramix.app.notes

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.panoramix.api.models.NoteLine
import org.panoramix.api.models.NoteSession
import org.panoramix.app.MainDispatcher
import org.panoramix.app.ME
import org.panoramix.app.NOW
import org.panoramix.app.outboxItem
import org.panoramix.core.outbox.OutboxItem
import org.panoramix.core.outbox.OutboxKind
import org.panoramix.core.outbox.OutboxState
import java.io.IOException

private fun session(id: String, name: String, at: String = NOW) =
  NoteSession(id = id, userId = ME, createdAt = at, updatedAt = at, projectId = null, name = name, aiSummary = null, aiSummaryAt = null, closedAt = null)

private fun line(id: String, sessionId: String, content: String, rank: String) =
  NoteLine(id = id, userId = ME, createdAt = NOW, updatedAt = NOW, projectId = null, sessionId = sessionId, content = content, rank = rank)

private class FakeSessions : NoteSessionsSource {
  override val sessions = MutableStateFlow(emptyList<NoteSession>())
  override val queued = MutableStateFlow(emptyList<OutboxItem>())
  val linesBySession = mutableMapOf<String, MutableStateFlow<List<NoteLine>>>()
  var online = true
  val refreshedLines = mutableListOf<String>()

  override fun lines(sessionId: String) = linesBySession.getOrPut(sessionId) { MutableStateFlow(emptyList()) }

  override suspend fun refresh() = Unit

  override suspend fun refreshLines(sessionId: String) {
    refreshedLines += sessionId
  }

  override suspend fun start(name: String): NoteSession {
    if (!online) throw IOException("offline")
    return session("s${sessions.value.size + 1}", name, "2026-12-02T12:00:00.000Z").also { created -> sessions.update { it + created } }
  }

  override suspend fun write(sessionId: String, content: String) {
    queued.update { it + outboxItem(it.size + 1L, OutboxKind.NOTE_LINE, "k${it.size + 1}", """{"sessionId":"$sessionId","content":"$content"}""", sessionId) }
  }

  override fun dismiss(item: OutboxItem) = Unit
}

class NoteSessionsViewModelTest {
  @JvmField @RegisterExtension val main = MainDispatcher()

  @Test
  fun `an open session shows its lines by rank, then the lines written offline, and other sessions' lines stay out`() = runTest(main.dispatcher) {
    val source = FakeSessions()
    source.sessions.value = listOf(session("s1", "Réunion", "2026-12-01T09:00:00.000Z"), session("s2", "Atelier", "2026-12-02T09:00:00.000Z"))
    source.lines("s1").value = listOf(line("l2", "s1", "Deuxième", "n"), line("l1", "s1", "Premier", "b"))
    source.queued.value = listOf(outboxItem(9, OutboxKind.NOTE_LINE, "other", """{"sessionId":"s2","content":"ailleurs"}""", "s2"))
    val model = NoteSessionsViewModel(source)
    testScheduler.advanceUntilIdle()
    assertEquals(listOf("Atelier", "Réunion"), model.state.value.sessions.map { it.name }, "newest first")
    assertNull(model.state.value.open)

    model.open("s1")
    model.write("  Troisième ")
    model.write(" ")
    testScheduler.advanceUntilIdle()
    val state = model.state.value
    assertEquals("Réunion", state.open?.name)
    assertEquals(listOf("s1"), source.refreshedLines)
    assertEquals(listOf("Premier" to false, "Deuxième" to false, "Troisième" to true), state.lines.map { it.content to it.waiting })

    model.back()
    testScheduler.advanceUntilIdle()
    assertNull(model.state.value.open)
    assertEquals(emptyList<SessionLine>(), model.state.value.lines)
  }

  @Test
  fun `a session started online opens at once, and offline the start fails and says a session needs the network`() = runTest(main.dispatcher) {
    val source = FakeSessions()
    val model = NoteSessionsViewModel(source)
    source.online = false
    model.start("Point hebdo")
    testScheduler.advanceUntilIdle()
    assertTrue(model.state.value.startFailed)
    assertNull(model.state.value.open)

    source.online = true
    model.start(" Point hebdo ")
    testScheduler.advanceUntilIdle()
    assertEquals(false, model.state.value.startFailed)
    assertEquals("Point hebdo", model.state.value.open?.name)
  }

  @Test
  fun `a line refused by the server is listed as refused for its session, not as waiting`() = runTest(main.dispatcher) {
    val source = FakeSessions()
    source.sessions.value = listOf(session("s1", "Réunion"))
    val refused = outboxItem(1, OutboxKind.NOTE_LINE, "bad", """{"sessionId":"s1","content":"x"}""", "s1", OutboxState.FAILED)
    source.queued.value = listOf(refused)
    val model = NoteSessionsViewModel(source)
    model.open("s1")
    testScheduler.advanceUntilIdle()
    assertEquals(listOf(refused), model.state.value.refused)
    assertEquals(emptyList<SessionLine>(), model.state.value.lines)
  }
}
