package org.panoramix.app.ui

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

// Organizer's default Material colours were unreadable on its dark palette (spec §6): every role
// that text sits on is set here, so inputs and buttons never fall back to a low-contrast default.
private val Light = lightColorScheme(
  primary = Color(0xFF1F5FAD),
  onPrimary = Color.White,
  secondary = Color(0xFF4E5D78),
  onSecondary = Color.White,
  background = Color(0xFFF8F9FB),
  onBackground = Color(0xFF15181D),
  surface = Color.White,
  onSurface = Color(0xFF15181D),
  surfaceVariant = Color(0xFFE6E9EF),
  onSurfaceVariant = Color(0xFF3D4450),
  error = Color(0xFFB3261E),
  onError = Color.White,
)

private val Dark = darkColorScheme(
  primary = Color(0xFF9CC3FF),
  onPrimary = Color(0xFF0B2A52),
  secondary = Color(0xFFB9C5DA),
  onSecondary = Color(0xFF232F42),
  background = Color(0xFF16181C),
  onBackground = Color(0xFFE6E8EC),
  surface = Color(0xFF1E2126),
  onSurface = Color(0xFFE6E8EC),
  surfaceVariant = Color(0xFF2B2F36),
  onSurfaceVariant = Color(0xFFC3C8D1),
  error = Color(0xFFFFB4AB),
  onError = Color(0xFF690005),
)

/** Light or dark follows the system setting. */
@Composable
fun PanoramixTheme(dark: Boolean = isSystemInDarkTheme(), content: @Composable () -> Unit) {
  MaterialTheme(colorScheme = if (dark) Dark else Light, content = content)
}
