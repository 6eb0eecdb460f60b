package org.panoramix.app.share

/** What another app shared with Panoramix (ACTION_SEND / ACTION_SEND_MULTIPLE), framework-free. */
data class SharedContent(val text: String, val imageUris: List<String>) {
  val isEmpty: Boolean get() = text.isBlank() && imageUris.isEmpty()
}

/**
 * Reads a share: text from EXTRA_TEXT (with EXTRA_SUBJECT on its own first line, as browsers share
 * a page title and its link), images only when the type says image. Returns null for anything else.
 */
fun sharedContentOf(action: String?, mimeType: String?, subject: String?, text: String?, streams: List<String>): SharedContent? {
  if (action != ACTION_SEND && action != ACTION_SEND_MULTIPLE) return null
  val images = if (mimeType?.startsWith("image/") == true) streams else emptyList()
  val body = listOfNotNull(subject?.trim()?.takeIf { it.isNotEmpty() && text?.contains(it) != true }, text?.trim()).joinToString("\n")
  return SharedContent(body, images).takeUnless { it.isEmpty }
}

const val ACTION_SEND = "android.intent.action.SEND"
const val ACTION_SEND_MULTIPLE = "android.intent.action.SEND_MULTIPLE"
