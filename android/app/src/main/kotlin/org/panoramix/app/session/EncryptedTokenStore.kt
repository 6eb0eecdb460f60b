package org.panoramix.app.session

import java.security.GeneralSecurityException
import java.util.Base64
import javax.crypto.Cipher
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import org.panoramix.core.session.TokenStore

/** Where the app keeps short strings between runs: its private SharedPreferences on a device, a map in tests. */
interface StringStorage {
  fun get(key: String): String?

  /** Null removes the key. */
  fun put(key: String, value: String?)
}

/**
 * The key that seals the refresh token. On a device it lives in the Android Keystore
 * ([KeystoreTokenKey]): the app can use it but never read it, and it is not in backups, so a copy of
 * the app's files (a backup, a rooted phone's dump) holds a token nobody can open. The JVM tests use
 * a software key.
 */
fun interface TokenKey {
  fun secretKey(): SecretKey
}

/**
 * The refresh token at rest, sealed with AES-GCM (256-bit key from [TokenKey], a fresh 12-byte IV
 * per write, the IV stored before the ciphertext, Base64). A token that cannot be opened — the key
 * is gone (the app's data restored on another phone, the lock screen reset) or the value was
 * altered — is forgotten: the user signs in again, which is what it would take anyway.
 *
 * A token kept in plain text by an earlier version (under [LEGACY_KEY]) is sealed on first read and
 * the plain copy removed.
 */
class EncryptedTokenStore(private val storage: StringStorage, private val key: TokenKey) : TokenStore {
  @Synchronized
  override fun load(): String? {
    storage.get(LEGACY_KEY)?.let { plain ->
      save(plain)
      return plain
    }
    val sealed = storage.get(SEALED_KEY) ?: return null
    return try {
      open(sealed)
    } catch (unreadable: GeneralSecurityException) {
      storage.put(SEALED_KEY, null)
      null
    } catch (garbled: IllegalArgumentException) {
      storage.put(SEALED_KEY, null)
      null
    }
  }

  @Synchronized
  override fun save(refreshToken: String?) {
    storage.put(SEALED_KEY, refreshToken?.let(::seal))
    storage.put(LEGACY_KEY, null)
  }

  private fun seal(token: String): String {
    val cipher = Cipher.getInstance(TRANSFORMATION)
    // The provider draws the IV (the Keystore refuses one chosen by the caller by default).
    cipher.init(Cipher.ENCRYPT_MODE, key.secretKey())
    val iv = cipher.iv
    check(iv.size == IV_BYTES) { "unexpected IV length ${iv.size}" }
    return Base64.getEncoder().encodeToString(iv + cipher.doFinal(token.toByteArray(Charsets.UTF_8)))
  }

  private fun open(sealed: String): String {
    val bytes = Base64.getDecoder().decode(sealed)
    if (bytes.size <= IV_BYTES) throw IllegalArgumentException("too short")
    val cipher = Cipher.getInstance(TRANSFORMATION)
    cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES))
    return String(cipher.doFinal(bytes, IV_BYTES, bytes.size - IV_BYTES), Charsets.UTF_8)
  }

  companion object {
    const val SEALED_KEY = "refreshToken.sealed"
    const val LEGACY_KEY = "refreshToken"
    private const val TRANSFORMATION = "AES/GCM/NoPadding"
    private const val IV_BYTES = 12
    private const val TAG_BITS = 128
  }
}
