package org.panoramix.app.session

import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import java.security.KeyStore
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey

/**
 * The token key in the Android Keystore: made on first use (AES-256, GCM only, no caller-chosen
 * IV), then found again by its alias. Only a device runs this: the JVM tests compile it against
 * android-all but exercise [EncryptedTokenStore] with a software key.
 */
class KeystoreTokenKey(private val alias: String = "panoramix.refreshToken") : TokenKey {
  @Synchronized
  override fun secretKey(): SecretKey {
    val keyStore = KeyStore.getInstance(PROVIDER).apply { load(null) }
    (keyStore.getKey(alias, null) as? SecretKey)?.let { return it }
    val spec =
      KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
        .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
        .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
        .setKeySize(256)
        .build()
    return KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, PROVIDER).apply { init(spec) }.generateKey()
  }

  private companion object {
    const val PROVIDER = "AndroidKeyStore"
  }
}
