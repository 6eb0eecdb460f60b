package org.panoramix.app.session

import java.util.Base64
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test

/** The sealing on the JVM, with a software AES key standing in for the Keystore's (see README). */
class EncryptedTokenStoreTest {
  private class MapStorage : StringStorage {
    val values = mutableMapOf<String, String>()

    override fun get(key: String): String? = values[key]

    override fun put(key: String, value: String?) {
      if (value == null) values.remove(key) else values[key] = value
    }
  }

  private fun softwareKey(): TokenKey {
    val key: SecretKey = KeyGenerator.getInstance("AES").apply { init(256) }.generateKey()
    return TokenKey { key }
  }

  private val token = "rt_4f1c2e9b1e8a4012a345678901234567"

  @Test
  fun `the stored value does not contain the token, and the same key opens it again after a restart`() {
    val storage = MapStorage()
    val key = softwareKey()
    EncryptedTokenStore(storage, key).save(token)

    val stored = storage.values.values.joinToString()
    assertFalse(stored.contains(token), stored)
    assertFalse(String(Base64.getDecoder().decode(storage.values.getValue(EncryptedTokenStore.SEALED_KEY))).contains(token))
    assertEquals(token, EncryptedTokenStore(storage, key).load())
  }

  @Test
  fun `each save seals with a fresh IV, and signing out removes the token`() {
    val storage = MapStorage()
    val store = EncryptedTokenStore(storage, softwareKey())
    store.save(token)
    val first = storage.values.getValue(EncryptedTokenStore.SEALED_KEY)
    store.save(token)
    assertNotEquals(first, storage.values.getValue(EncryptedTokenStore.SEALED_KEY))

    store.save(null)
    assertEquals(emptyMap<String, String>(), storage.values)
    assertNull(store.load())
  }

  @Test
  fun `a token sealed with a key that is gone, or altered, is forgotten rather than crashing the start`() {
    val storage = MapStorage()
    EncryptedTokenStore(storage, softwareKey()).save(token)
    // The app's data restored on another phone: the Keystore key did not travel with it.
    assertNull(EncryptedTokenStore(storage, softwareKey()).load())
    assertEquals(emptyMap<String, String>(), storage.values)

    val key = softwareKey()
    EncryptedTokenStore(storage, key).save(token)
    val sealed = Base64.getDecoder().decode(storage.values.getValue(EncryptedTokenStore.SEALED_KEY))
    sealed[sealed.size - 1] = (sealed.last().toInt() xor 1).toByte()
    storage.values[EncryptedTokenStore.SEALED_KEY] = Base64.getEncoder().encodeToString(sealed)
    assertNull(EncryptedTokenStore(storage, key).load())

    storage.values[EncryptedTokenStore.SEALED_KEY] = "not base64 at all!"
    assertNull(EncryptedTokenStore(storage, key).load())
  }

  @Test
  fun `a plain token left by the previous version is sealed on first read and its plain copy removed`() {
    val storage = MapStorage()
    storage.values[EncryptedTokenStore.LEGACY_KEY] = token
    val key = softwareKey()

    assertEquals(token, EncryptedTokenStore(storage, key).load())
    assertEquals(setOf(EncryptedTokenStore.SEALED_KEY), storage.values.keys)
    assertEquals(token, EncryptedTokenStore(storage, key).load())
  }
}
