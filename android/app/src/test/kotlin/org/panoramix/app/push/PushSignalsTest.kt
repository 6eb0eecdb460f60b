package org.panoramix.app.push

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class PushSignalsTest {
  private val token = "3f1c-registration"

  @Test
  fun `a new endpoint for my registration is an address to give the server`() {
    assertEquals(
      PushSignal.NewEndpoint("https://ntfy.sh/upAbC123?up=1"),
      pushSignalOf(UnifiedPush.ACTION_NEW_ENDPOINT, token, token, "https://ntfy.sh/upAbC123?up=1"),
    )
  }

  @Test
  fun `a message wakes the app whatever it holds, and a dropped registration is forgotten`() {
    assertEquals(PushSignal.Wake, pushSignalOf(UnifiedPush.ACTION_MESSAGE, token, token, null))
    assertEquals(PushSignal.Forgotten, pushSignalOf(UnifiedPush.ACTION_UNREGISTERED, token, token, null))
    assertEquals(PushSignal.Forgotten, pushSignalOf(UnifiedPush.ACTION_REGISTRATION_FAILED, token, token, null))
  }

  @Test
  fun `broadcasts of another registration, without one, or with an address that is not http(s) are ignored`() {
    assertEquals(null, pushSignalOf(UnifiedPush.ACTION_MESSAGE, "someone-else", token, null))
    assertEquals(null, pushSignalOf(UnifiedPush.ACTION_MESSAGE, token, null, null))
    assertEquals(null, pushSignalOf(UnifiedPush.ACTION_NEW_ENDPOINT, token, token, "content://evil"))
    assertEquals(null, pushSignalOf(UnifiedPush.ACTION_NEW_ENDPOINT, token, token, null))
    assertEquals(null, pushSignalOf("org.unifiedpush.android.connector.SOMETHING_NEW", token, token, null))
  }
}
