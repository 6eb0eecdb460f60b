package org.panoramix.app.notify

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.panoramix.app.BOB
import org.panoramix.app.ME
import org.panoramix.app.message
import org.panoramix.app.room

class NotificationRulesTest {
  private val rooms = listOf(room("room1"), room("quiet", muted = true))

  @Test
  fun `a new message from someone else in a room not on screen is notified`() {
    assertEquals(true, shouldNotify(message("m1", from = BOB), ME, openRoom = null, rooms))
    assertEquals(true, shouldNotify(message("m1", from = BOB), ME, openRoom = "other", rooms))
  }

  @Test
  fun `my own messages, the room on screen and muted rooms are not notified`() {
    assertEquals(false, shouldNotify(message("m1", from = ME), ME, null, rooms))
    assertEquals(false, shouldNotify(message("m1", from = BOB), ME, "room1", rooms))
    assertEquals(false, shouldNotify(message("m1", from = BOB, roomId = "quiet"), ME, null, rooms))
  }

  @Test
  fun `woken by a push, the rooms with unread messages are notified, muted ones left out`() {
    val woken = listOf(room("news", unread = 3), room("read"), room("quiet", unread = 2, muted = true))
    assertEquals(listOf("news"), roomsToNotifyOnWake(woken).map { it.id })
  }
}
