package org.panoramix.app.chat

import android.content.Context
import android.net.Uri
import android.provider.OpenableColumns

/** A file the user picked or shared, read from its content URI (a device only; the JVM tests never call it). */
class PickedFile(val name: String, val mimeType: String, val bytes: ByteArray)

fun readPickedFile(context: Context, uri: Uri): PickedFile? {
  val resolver = context.contentResolver
  val name =
    resolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { cursor ->
      if (cursor.moveToFirst()) cursor.getString(0) else null
    } ?: uri.lastPathSegment ?: "file"
  val bytes = resolver.openInputStream(uri)?.use { it.readBytes() } ?: return null
  return PickedFile(name, resolver.getType(uri) ?: "application/octet-stream", bytes)
}
