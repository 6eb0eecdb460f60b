package org.panoramix.app.chat

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.panoramix.api.models.RoomView
import org.panoramix.api.models.RoomViewMembersInner
import org.panoramix.app.BOB
import org.panoramix.app.ME
import org.panoramix.app.room

class RoomNamesTest {
  private fun member(id: String, name: String) = RoomViewMembersInner(userId = id, username = name.lowercase(), displayName = name, isAdmin = false, lastReadMessageId = null)

  private val direct = room("d").copy(type = RoomView.Type.DIRECT, name = null, members = listOf(member(ME, "Alice"), member(BOB, "Bob")))

  @Test
  fun `a direct room is titled by the other member, a named room by its name`() {
    assertEquals("Bob", roomTitle(direct, ME))
    assertEquals("Alice", roomTitle(direct, BOB))
    assertEquals("room g", roomTitle(room("g"), ME))
  }

  @Test
  fun `typing shows members by their display name`() {
    assertEquals(mapOf(ME to "Alice", BOB to "Bob"), memberNames(direct))
    assertEquals(emptyMap<String, String>(), memberNames(null))
  }
}
