package org.panoramix.app.share

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

class SharedContentTest {
  @Test
  fun `a page shared by a browser keeps its title on the first line, once`() {
    assertEquals(
      SharedContent("Plumbing guide\nhttps://example.org/plumbing", emptyList()),
      sharedContentOf(ACTION_SEND, "text/plain", "Plumbing guide", "https://example.org/plumbing", emptyList()),
    )
    assertEquals(
      SharedContent("Plumbing guide https://example.org/plumbing", emptyList()),
      sharedContentOf(ACTION_SEND, "text/plain", "Plumbing guide", "Plumbing guide https://example.org/plumbing", emptyList()),
    )
  }

  @Test
  fun `images are kept only when the share says image, and an empty or other intent is no share`() {
    assertEquals(
      SharedContent("", listOf("content://a", "content://b")),
      sharedContentOf(ACTION_SEND_MULTIPLE, "image/*", null, null, listOf("content://a", "content://b")),
    )
    assertNull(sharedContentOf(ACTION_SEND, "application/pdf", null, null, listOf("content://doc")))
    assertNull(sharedContentOf("android.intent.action.MAIN", "text/plain", null, "hello", emptyList()))
    assertNull(sharedContentOf(ACTION_SEND, "text/plain", "  ", "  ", emptyList()))
  }
}
