package org.panoramix.app

import android.app.Application
import androidx.lifecycle.DefaultLifecycleObserver
import androidx.lifecycle.LifecycleOwner
import androidx.lifecycle.ProcessLifecycleOwner
import org.panoramix.app.notify.LiveService
import org.panoramix.app.notify.createNotificationChannels

class PanoramixApplication : Application() {
  lateinit var container: AppContainer
    private set

  override fun onCreate() {
    super.onCreate()
    container = AppContainer(this)
    createNotificationChannels(this)
    // The live socket runs only while the app is in use (see android/README.md: no permanent service).
    ProcessLifecycleOwner.get().lifecycle.addObserver(
      object : DefaultLifecycleObserver {
        override fun onStart(owner: LifecycleOwner) = LiveService.start(this@PanoramixApplication)

        override fun onStop(owner: LifecycleOwner) = LiveService.stop(this@PanoramixApplication)
      },
    )
  }
}
