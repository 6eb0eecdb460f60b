package org.panoramix.app

import android.content.Intent
import android.net.Uri
import android.os.Build
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.lifecycle.lifecycleScope
import kotlinx.coroutines.launch
import org.panoramix.app.i18n.LocalTexts
import org.panoramix.app.i18n.textsFor
import org.panoramix.app.notify.EXTRA_ROOM
import org.panoramix.app.share.SharedContent
import org.panoramix.app.share.sharedContentOf
import org.panoramix.app.ui.PanoramixApp
import org.panoramix.app.ui.PanoramixTheme
import java.util.Locale

/** The single activity: the app, and the share target (text and images from other apps). */
class MainActivity : ComponentActivity() {
  private var shared by mutableStateOf<SharedContent?>(null)
  private var openRoom by mutableStateOf<String?>(null)

  override fun onCreate(savedInstanceState: Bundle?) {
    super.onCreate(savedInstanceState)
    val container = (application as PanoramixApplication).container
    read(intent)
    lifecycleScope.launch { container.resume() }
    setContent {
      CompositionLocalProvider(LocalTexts provides textsFor(Locale.getDefault())) {
        PanoramixTheme { PanoramixApp(container, shared, openRoom, onShareHandled = { shared = null }) }
      }
    }
  }

  override fun onNewIntent(intent: Intent) {
    super.onNewIntent(intent)
    read(intent)
  }

  private fun read(intent: Intent) {
    openRoom = intent.getStringExtra(EXTRA_ROOM)
    shared = sharedContentOf(intent.action, intent.type, intent.getStringExtra(Intent.EXTRA_SUBJECT), intent.getStringExtra(Intent.EXTRA_TEXT), streamsOf(intent))
  }

  private fun streamsOf(intent: Intent): List<String> {
    val uris: List<Uri?> =
      if (Build.VERSION.SDK_INT >= 33) {
        intent.getParcelableArrayListExtra(Intent.EXTRA_STREAM, Uri::class.java)
          ?: listOf(intent.getParcelableExtra(Intent.EXTRA_STREAM, Uri::class.java))
      } else {
        @Suppress("DEPRECATION")
        intent.getParcelableArrayListExtra<Uri>(Intent.EXTRA_STREAM) ?: listOf(intent.getParcelableExtra(Intent.EXTRA_STREAM))
      }
    return uris.filterNotNull().map(Uri::toString)
  }
}
