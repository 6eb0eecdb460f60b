//! Secrets (refresh tokens, keyed `refresh:<serverUrl>`): the OS keyring (Secret Service on
//! Linux) when one answers, else a file encrypted with XChaCha20-Poly1305. Never plain text.

use argon2::Argon2;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

const SERVICE: &str = "app.panoramix.desktop";
const MAX_KEY_LEN: usize = 2048;
const MAX_VALUE_LEN: usize = 16 * 1024;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;

/// A key the web side may use: non-empty, bounded, printable (it names a keyring entry).
pub fn validate(key: &str, value: Option<&str>) -> Result<(), String> {
    if key.is_empty() || key.len() > MAX_KEY_LEN || key.chars().any(char::is_control) {
        return Err("invalid secret key".into());
    }
    if value.is_some_and(|v| v.len() > MAX_VALUE_LEN) {
        return Err("secret too long".into());
    }
    Ok(())
}

/// Where secrets go, decided once at the first use (asking the Secret Service costs a D-Bus round trip).
pub struct Secrets {
    fallback_path: PathBuf,
    keyring_reachable: fn() -> bool,
    backend: OnceLock<Backend>,
}

enum Backend {
    Keyring,
    File(EncryptedFile),
}

impl Secrets {
    pub fn new(fallback_path: PathBuf) -> Self {
        Self::choosing(fallback_path, keyring_reachable)
    }

    fn choosing(fallback_path: PathBuf, keyring_reachable: fn() -> bool) -> Self {
        Self {
            fallback_path,
            keyring_reachable,
            backend: OnceLock::new(),
        }
    }

    fn backend(&self) -> &Backend {
        let mut chosen = false;
        let backend = self.backend.get_or_init(|| {
            chosen = true;
            if (self.keyring_reachable)() {
                Backend::Keyring
            } else {
                Backend::File(EncryptedFile::new(
                    self.fallback_path.clone(),
                    machine_secret(),
                ))
            }
        });
        if chosen {
            let kind = match backend {
                Backend::Keyring => "keyring",
                Backend::File(_) => "encrypted-file",
            };
            eprintln!(
                "{}",
                serde_json::json!({ "level": "info", "msg": "secrets store", "store": kind })
            );
        }
        backend
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, String> {
        validate(key, None)?;
        match self.backend() {
            Backend::Keyring => match entry(key)?.get_password() {
                Ok(value) => Ok(Some(value)),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(error) => Err(error.to_string()),
            },
            Backend::File(file) => file.get(key),
        }
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), String> {
        validate(key, Some(value))?;
        match self.backend() {
            Backend::Keyring => entry(key)?.set_password(value).map_err(|e| e.to_string()),
            Backend::File(file) => file.set(key, Some(value)),
        }
    }

    pub fn delete(&self, key: &str) -> Result<(), String> {
        validate(key, None)?;
        match self.backend() {
            Backend::Keyring => match entry(key)?.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(error) => Err(error.to_string()),
            },
            Backend::File(file) => file.set(key, None),
        }
    }
}

fn entry(key: &str) -> Result<keyring::Entry, String> {
    keyring::Entry::new(SERVICE, key).map_err(|e| e.to_string())
}

/// True when the Secret Service answers a lookup (found or not); no bus or no service means false.
fn keyring_reachable() -> bool {
    match keyring::Entry::new(SERVICE, "panoramix:probe").and_then(|e| e.get_password()) {
        Ok(_) | Err(keyring::Error::NoEntry) => true,
        Err(_) => false,
    }
}

/// What the fallback file's key is derived from: this machine and this user. A copy of the file
/// (a backup, another machine) does not open; a process of the same user on the same machine
/// could open it, as it could read an unlocked keyring.
fn machine_secret() -> Vec<u8> {
    let machine = fs::read_to_string("/etc/machine-id")
        .or_else(|_| fs::read_to_string("/var/lib/dbus/machine-id"))
        .unwrap_or_default();
    let user = std::env::var("USER").unwrap_or_default();
    let home = std::env::var("HOME").unwrap_or_default();
    format!("panoramix-secrets-v1\n{}\n{user}\n{home}", machine.trim()).into_bytes()
}

/// A map of secrets in one file: salt ‖ nonce ‖ XChaCha20-Poly1305(JSON). Rewritten whole (to a
/// temporary file, then renamed) with a fresh nonce on every change; mode 0600.
pub struct EncryptedFile {
    path: PathBuf,
    secret: Vec<u8>,
    lock: Mutex<()>,
}

impl EncryptedFile {
    pub fn new(path: PathBuf, secret: Vec<u8>) -> Self {
        Self {
            path,
            secret,
            lock: Mutex::new(()),
        }
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, String> {
        let _guard = self.lock.lock().map_err(|e| e.to_string())?;
        Ok(self.read()?.1.remove(key))
    }

    /// Sets the key, or removes it when `value` is None.
    pub fn set(&self, key: &str, value: Option<&str>) -> Result<(), String> {
        let _guard = self.lock.lock().map_err(|e| e.to_string())?;
        let (salt, mut map) = self.read()?;
        match value {
            Some(value) => map.insert(key.to_owned(), value.to_owned()),
            None => map.remove(key),
        };
        self.write(&salt, &map)
    }

    fn read(&self) -> Result<([u8; SALT_LEN], BTreeMap<String, String>), String> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let mut salt = [0u8; SALT_LEN];
                getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
                return Ok((salt, BTreeMap::new()));
            }
            Err(error) => return Err(error.to_string()),
        };
        if bytes.len() < SALT_LEN + NONCE_LEN {
            return Err("the secrets file is damaged".into());
        }
        let (salt, rest) = bytes.split_at(SALT_LEN);
        let (nonce, sealed) = rest.split_at(NONCE_LEN);
        let salt: [u8; SALT_LEN] = salt.try_into().map_err(|_| "the secrets file is damaged")?;
        let plain = self
            .cipher(&salt)?
            .decrypt(XNonce::from_slice(nonce), sealed)
            .map_err(|_| "the secrets file does not open on this machine")?;
        let map = serde_json::from_slice(&plain).map_err(|e| e.to_string())?;
        Ok((salt, map))
    }

    fn write(&self, salt: &[u8; SALT_LEN], map: &BTreeMap<String, String>) -> Result<(), String> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).map_err(|e| e.to_string())?;
        let plain = serde_json::to_vec(map).map_err(|e| e.to_string())?;
        let sealed = self
            .cipher(salt)?
            .encrypt(XNonce::from_slice(&nonce), plain.as_slice())
            .map_err(|_| "could not encrypt the secrets")?;
        let mut bytes = Vec::with_capacity(SALT_LEN + NONCE_LEN + sealed.len());
        bytes.extend_from_slice(salt);
        bytes.extend_from_slice(&nonce);
        bytes.extend_from_slice(&sealed);
        write_private(&self.path, &bytes).map_err(|e| e.to_string())
    }

    fn cipher(&self, salt: &[u8; SALT_LEN]) -> Result<XChaCha20Poly1305, String> {
        let mut key = [0u8; 32];
        Argon2::default()
            .hash_password_into(&self.secret, salt, &mut key)
            .map_err(|e| e.to_string())?;
        Ok(XChaCha20Poly1305::new(Key::from_slice(&key)))
    }
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let temporary = path.with_extension("tmp");
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    fs::rename(temporary, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_path(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("panoramix-secrets-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir.join("secrets.bin")
    }

    #[test]
    fn file_round_trip_set_get_delete() {
        let path = temp_path("round-trip");
        let file = EncryptedFile::new(path.clone(), b"machine-a".to_vec());
        assert_eq!(file.get("refresh:http://a").unwrap(), None);
        file.set("refresh:http://a", Some("token-a")).unwrap();
        file.set("refresh:http://b", Some("token-b")).unwrap();
        // A new instance (the next start) reads what the last one wrote.
        let again = EncryptedFile::new(path, b"machine-a".to_vec());
        assert_eq!(
            again.get("refresh:http://a").unwrap().as_deref(),
            Some("token-a")
        );
        again.set("refresh:http://a", None).unwrap();
        assert_eq!(again.get("refresh:http://a").unwrap(), None);
        assert_eq!(
            again.get("refresh:http://b").unwrap().as_deref(),
            Some("token-b")
        );
    }

    #[test]
    fn file_never_holds_the_token_in_clear_and_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let path = temp_path("clear");
        let file = EncryptedFile::new(path.clone(), b"machine-a".to_vec());
        file.set("refresh:http://a", Some("very-secret-refresh-token"))
            .unwrap();
        let bytes = fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("very-secret-refresh-token"));
        assert!(!text.contains("refresh:http://a"));
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_copy_does_not_open_on_another_machine() {
        let path = temp_path("other-machine");
        EncryptedFile::new(path.clone(), b"machine-a".to_vec())
            .set("k", Some("v"))
            .unwrap();
        let error = EncryptedFile::new(path, b"machine-b".to_vec())
            .get("k")
            .unwrap_err();
        assert!(error.contains("does not open"), "{error}");
    }

    #[test]
    fn keys_are_validated() {
        assert!(validate("refresh:https://example.org", Some("t")).is_ok());
        assert!(validate("", None).is_err());
        assert!(validate("a\nb", None).is_err());
        assert!(validate(&"k".repeat(MAX_KEY_LEN + 1), None).is_err());
        assert!(validate("k", Some(&"v".repeat(MAX_VALUE_LEN + 1))).is_err());
    }

    #[test]
    fn secrets_fall_back_to_the_file_without_a_secret_service() {
        let path = temp_path("fallback");
        let secrets = Secrets::choosing(path.clone(), || false);
        secrets.set("refresh:http://a", "token").unwrap();
        assert_eq!(
            secrets.get("refresh:http://a").unwrap().as_deref(),
            Some("token")
        );
        assert!(path.exists());
        secrets.delete("refresh:http://a").unwrap();
        assert_eq!(secrets.get("refresh:http://a").unwrap(), None);
    }
}
