package org.panoramix.app.i18n

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import java.util.Locale

class TextsTest {
  @Test
  fun `French unless the device speaks English`() {
    assertEquals(English, textsFor(Locale.UK))
    assertEquals(French, textsFor(Locale.FRANCE))
    assertEquals(French, textsFor(Locale.GERMANY))
  }

  @Test
  fun `counts read as a person would write them in each language`() {
    assertEquals("1 tâche ouverte", French.openTasks(1))
    assertEquals("3 tâches ouvertes", French.openTasks(3))
    assertEquals("1 open task", English.openTasks(1))
    assertEquals("Bob, Carol are typing…", English.typing(listOf("Bob", "Carol")))
    assertEquals("Bob écrit…", French.typing(listOf("Bob")))
  }
}
