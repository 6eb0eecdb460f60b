package org.panoramix.app.ui

import androidx.compose.runtime.Composer
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Without the Compose compiler plugin, @Composable functions still compile, as plain functions
 * that crash at run time; this fails if the Maven build stopped handing the plugin to kotlinc.
 */
class ComposeCompilerTest {
  @Test
  fun `screens are compiled by the Compose compiler (they take the Composer it adds)`() {
    for (screen in listOf("org.panoramix.app.signin.SignInScreenKt" to "SignInScreen", "org.panoramix.app.ui.PanoramixAppKt" to "PanoramixApp")) {
      val method = Class.forName(screen.first).methods.single { it.name == screen.second }
      assertTrue(Composer::class.java in method.parameterTypes, "${screen.second}(${method.parameterTypes.joinToString { it.simpleName }})")
    }
  }
}
