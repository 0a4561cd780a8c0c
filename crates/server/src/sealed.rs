//! Secrets the database keeps for a while — the stored answers of writes,
//! which hold new tenants' one-time admin passwords — sealed with a key kept
//! outside the database (ChaCha20-Poly1305), so that a copy of the database
//! alone reveals none of them.

use std::path::Path;

use chacha20poly1305::aead::{Aead, KeyInit, OsRng};
use chacha20poly1305::{AeadCore, ChaCha20Poly1305, Key, Nonce};

use crate::hex;

/// What a sealed text starts with; anything else is read as stored before
/// sealing existed.
const PREFIX: &str = "sealed1:";
const NONCE_BYTES: usize = 12;

#[derive(Clone)]
pub struct SealKey(Key);

impl std::fmt::Debug for SealKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("SealKey(…)")
    }
}

impl SealKey {
    /// A key for this process only (tests; answers do not survive a restart).
    pub fn random() -> SealKey {
        SealKey(ChaCha20Poly1305::generate_key(&mut OsRng))
    }

    /// The key in `path` (64 hexadecimal digits), created with mode 0600
    /// when the file does not exist.
    pub fn load_or_create(path: &Path) -> Result<SealKey, String> {
        let describe = |error: std::io::Error| format!("{}: {error}", path.display());
        if !path.exists() {
            if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(describe)?;
            }
            // Written whole beside it, then linked into place: two servers
            // starting at once end up with one key, never half of one.
            let draft = path.with_extension(format!("{}.new", std::process::id()));
            let _ = std::fs::remove_file(&draft);
            crate::db::create_private(&draft).map_err(describe)?;
            let key = SealKey::random();
            std::fs::write(&draft, hex::encode(&key.0)).map_err(describe)?;
            let linked = std::fs::hard_link(&draft, path);
            let _ = std::fs::remove_file(&draft);
            match linked {
                Ok(()) => return Ok(key),
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(error) => return Err(describe(error)),
            }
        }
        let text = std::fs::read_to_string(path).map_err(describe)?;
        let bytes: [u8; 32] = hex::decode(text.trim())
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| format!("{}: not a key (64 hexadecimal digits)", path.display()))?;
        Ok(SealKey(Key::from(bytes)))
    }

    pub fn seal(&self, plain: &str) -> String {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Encryption fails only for texts of gigabytes; bodies are 64 KiB at most.
        let sealed = ChaCha20Poly1305::new(&self.0)
            .encrypt(&nonce, plain.as_bytes())
            .unwrap_or_default();
        format!("{PREFIX}{}{}", hex::encode(&nonce), hex::encode(&sealed))
    }

    /// The plain text, or `None` when it was sealed with another key or
    /// tampered with. A text stored before sealing existed comes back as is.
    pub fn open(&self, stored: &str) -> Option<String> {
        let Some(sealed) = stored.strip_prefix(PREFIX) else {
            return Some(stored.to_owned());
        };
        let bytes = hex::decode(sealed).filter(|bytes| bytes.len() > NONCE_BYTES)?;
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        let nonce: [u8; NONCE_BYTES] = nonce.try_into().ok()?;
        let plain = ChaCha20Poly1305::new(&self.0)
            .decrypt(&Nonce::from(nonce), ciphertext)
            .ok()?;
        String::from_utf8(plain).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_text_opens_with_its_key_only_and_shows_nothing_of_itself() {
        let key = SealKey::random();
        let sealed = key.seal(r#"{"password":"Tr0ub4dor&3"}"#);
        assert!(!sealed.contains("Tr0ub4dor"), "{sealed}");
        assert_eq!(
            key.open(&sealed).as_deref(),
            Some(r#"{"password":"Tr0ub4dor&3"}"#)
        );
        assert_eq!(SealKey::random().open(&sealed), None, "another key");
        let mut tampered = sealed.clone();
        tampered.replace_range(sealed.len() - 2.., "00");
        assert_eq!(key.open(&tampered), None);
        assert_eq!(
            key.open("{}").as_deref(),
            Some("{}"),
            "stored before sealing"
        );
    }

    #[test]
    fn the_key_file_is_created_private_and_read_back() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("keys").join("answers.key");
        let first = SealKey::load_or_create(&path).expect("created");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .expect("metadata")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let again = SealKey::load_or_create(&path).expect("read back");
        assert_eq!(again.open(&first.seal("x")).as_deref(), Some("x"));
        std::fs::write(&path, "not a key").expect("overwrite");
        assert!(SealKey::load_or_create(&path).is_err());
    }
}
