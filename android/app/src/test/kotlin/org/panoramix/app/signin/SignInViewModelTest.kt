package org.panoramix.app.signin

import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.panoramix.app.MainDispatcher
import org.panoramix.app.user

class SignInViewModelTest {
  @JvmField @RegisterExtension val main = MainDispatcher()

  private val calls = mutableListOf<Triple<String, String, String>>()

  private fun model(outcome: () -> Unit = {}) =
    SignInViewModel({ server, name, password ->
      calls += Triple(server, name, password)
      outcome()
      user(name = name)
    })

  @Test
  fun `signs in to the typed server, https by default, and forgets the password once signed in`() = runTest(main.dispatcher) {
    val model = model()
    model.edit(serverUrl = " panoramix.example.org/ ", username = " alice ", password = "secret")
    model.submit()
    testScheduler.advanceUntilIdle()

    assertEquals(listOf(Triple("https://panoramix.example.org", "alice", "secret")), calls)
    assertEquals("alice", model.state.value.signedIn?.username)
    assertEquals("", model.state.value.password)
  }

  @Test
  fun `refuses a server address that is not http(s) and empty fields without calling the server`() = runTest(main.dispatcher) {
    val model = model()
    model.edit(serverUrl = "ftp://files.example.org", username = "alice", password = "secret")
    model.submit()
    assertEquals(SignInError.BAD_SERVER_URL, model.state.value.error)

    model.edit(serverUrl = "http://127.0.0.1:3000", password = "")
    model.submit()
    assertEquals(SignInError.MISSING_FIELD, model.state.value.error)
    testScheduler.advanceUntilIdle()
    assertEquals(emptyList<Any>(), calls)
  }

  @Test
  fun `tells wrong credentials from an unreachable server`() = runTest(main.dispatcher) {
    val refused = model { throw SignInRefused() }
    refused.edit(serverUrl = "http://127.0.0.1:3000", username = "alice", password = "wrong")
    refused.submit()
    testScheduler.advanceUntilIdle()
    assertEquals(SignInError.REFUSED, refused.state.value.error)
    assertNull(refused.state.value.signedIn)

    val down = model { throw java.net.ConnectException("refused") }
    down.edit(serverUrl = "http://127.0.0.1:3000", username = "alice", password = "secret")
    down.submit()
    testScheduler.advanceUntilIdle()
    assertEquals(SignInError.UNREACHABLE, down.state.value.error)
  }
}
