package org.panoramix.app.i18n

import androidx.compose.runtime.staticCompositionLocalOf

/** The texts of the device's language, provided once at the root. */
val LocalTexts = staticCompositionLocalOf { French }
