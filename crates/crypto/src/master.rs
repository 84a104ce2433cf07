//! The master key (KEK): a 256-bit AES-GCM key read from a 0600/0400 file.

use std::fmt;
use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use kataloop_tenancy::TenantId;
use ring::aead::LessSafeKey;
use ring::rand::SystemRandom;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::aead::{open_in_place, random_nonce, seal_in_place, NONCE_LEN, TAG_LEN};
use crate::secret::{aes_key, random_key_bytes, KEY_LEN, REDACTED};
use crate::{wrap_aad, CryptoError, KeyEncryptionKey, KeyFileError, KeyPurpose, SecretBytes};

/// Environment variable holding the path of the master key file.
pub const MASTER_KEY_FILE_ENV: &str = "KATALOOP_MASTER_KEY_FILE";

/// Format byte of a key wrapped by [`MasterKey`]:
/// `1 || nonce (12) || ciphertext || tag (16)`.
pub const WRAP_FORMAT_V1: u8 = 1;

/// Longest file content accepted: 64 hex digits and one newline.
const MAX_FILE_LEN: usize = 2 * KEY_LEN + 1;

/// The key-encryption key that protects every tenant's keys at rest.
///
/// Key file format: 64 lowercase hex characters, optionally followed by one
/// `\n`. The file must have mode 0600 or 0400: a key readable by group or
/// others is refused rather than trusted.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct MasterKey {
    bytes: [u8; KEY_LEN],
    #[zeroize(skip)]
    aead: LessSafeKey,
}

impl MasterKey {
    /// A fresh random master key (not written anywhere).
    pub fn generate() -> Result<Self, CryptoError> {
        let mut bytes = random_key_bytes(&SystemRandom::new())?;
        let key = Self::from_bytes(&bytes);
        bytes.zeroize();
        key
    }

    /// A master key from known bytes. The caller wipes its own copy.
    pub fn from_bytes(bytes: &[u8; KEY_LEN]) -> Result<Self, CryptoError> {
        Ok(Self {
            bytes: *bytes,
            aead: aes_key(KeyPurpose::DataKey, bytes)?,
        })
    }

    /// Reads the key file named by [`MASTER_KEY_FILE_ENV`].
    pub fn load_from_env() -> Result<Self, KeyFileError> {
        Self::load_from_var(MASTER_KEY_FILE_ENV)
    }

    fn load_from_var(var: &'static str) -> Result<Self, KeyFileError> {
        match std::env::var_os(var) {
            Some(path) if !path.is_empty() => Self::load_file(path),
            _ => Err(KeyFileError::NotConfigured { var }),
        }
    }

    /// Reads a key file, refusing it if it is missing, not a regular file,
    /// has any mode other than 0600 or 0400, or is malformed.
    pub fn load_file(path: impl AsRef<Path>) -> Result<Self, KeyFileError> {
        let path = path.as_ref();
        let io_err = |source: io::Error| KeyFileError::Io {
            path: path.to_owned(),
            source,
        };
        let mut file = File::open(path).map_err(|source| match source.kind() {
            io::ErrorKind::NotFound => KeyFileError::Missing {
                path: path.to_owned(),
            },
            _ => io_err(source),
        })?;
        // fstat on the opened descriptor: the file checked is the file read,
        // even if the path is swapped in between.
        let meta = file.metadata().map_err(io_err)?;
        if !meta.is_file() {
            return Err(KeyFileError::NotAFile {
                path: path.to_owned(),
            });
        }
        let mode = meta.permissions().mode() & 0o7777;
        if mode != 0o600 && mode != 0o400 {
            return Err(KeyFileError::InsecurePermissions {
                path: path.to_owned(),
                mode,
            });
        }

        // Fixed buffer instead of read_to_end: no reallocation leaves stray
        // copies of the key in freed memory. One spare byte detects overlong
        // files.
        let mut buf = Zeroizing::new([0u8; MAX_FILE_LEN + 1]);
        let mut filled = 0;
        while filled < buf.len() {
            let Some(rest) = buf.get_mut(filled..) else {
                break;
            };
            match file.read(rest) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(io_err(e)),
            }
        }
        let content = buf.get(..filled).unwrap_or_default();
        let malformed = || KeyFileError::Malformed {
            path: path.to_owned(),
        };
        let hex = content.strip_suffix(b"\n").unwrap_or(content);
        let bytes = Zeroizing::new(decode_hex_key(hex).ok_or_else(malformed)?);
        Self::from_bytes(&bytes).map_err(|_| malformed())
    }

    /// Generates a random key and writes it to a new file with mode 0600.
    /// Never overwrites: an existing file is refused.
    pub fn create_file(path: impl AsRef<Path>) -> Result<Self, KeyFileError> {
        let path = path.as_ref();
        let key = Self::generate().map_err(|_| KeyFileError::Rng)?;
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(|source| match source.kind() {
                io::ErrorKind::AlreadyExists => KeyFileError::AlreadyExists {
                    path: path.to_owned(),
                },
                _ => KeyFileError::Io {
                    path: path.to_owned(),
                    source,
                },
            })?;
        let text = Zeroizing::new(encode_hex_key(&key.bytes));
        // The umask can only remove bits from 0600; set it exactly so a later
        // load never refuses a key this function wrote.
        let written = file
            .set_permissions(Permissions::from_mode(0o600))
            .and_then(|()| file.write_all(text.as_bytes()))
            .and_then(|()| file.sync_all());
        if let Err(source) = written {
            // A half-written key file would be refused later anyway; remove it
            // so the next attempt can start clean.
            drop(file);
            let _ = fs::remove_file(path);
            return Err(KeyFileError::Io {
                path: path.to_owned(),
                source,
            });
        }
        Ok(key)
    }
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MasterKey({REDACTED})")
    }
}

impl KeyEncryptionKey for MasterKey {
    /// `kek-` and 16 hex digits of HMAC-SHA256(key, "kataloop/kek-id/v1"):
    /// identifies the key without revealing anything about it.
    fn key_id(&self) -> String {
        let tag = crate::hmac_sha256(&self.bytes, b"kataloop/kek-id/v1");
        let hex: String = tag[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("kek-{hex}")
    }

    fn wrap(
        &self,
        purpose: KeyPurpose,
        tenant: TenantId,
        version: u32,
        secret: &SecretBytes,
    ) -> Result<Vec<u8>, CryptoError> {
        let aad = wrap_aad(purpose, tenant, version);
        let nonce = random_nonce(&SystemRandom::new())?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + secret.len() + TAG_LEN);
        out.push(WRAP_FORMAT_V1);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(secret.expose_secret());
        let body = out.get_mut(1 + NONCE_LEN..).unwrap_or_default();
        let tag = seal_in_place(&self.aead, nonce, &aad, body)?;
        out.extend_from_slice(&tag);
        Ok(out)
    }

    fn unwrap(
        &self,
        purpose: KeyPurpose,
        tenant: TenantId,
        version: u32,
        wrapped: &[u8],
    ) -> Result<SecretBytes, CryptoError> {
        let (&format, rest) = wrapped.split_first().ok_or(CryptoError::Truncated)?;
        if format != WRAP_FORMAT_V1 {
            return Err(CryptoError::UnsupportedFormat { found: format });
        }
        let (nonce, body) = rest
            .split_first_chunk::<NONCE_LEN>()
            .ok_or(CryptoError::Truncated)?;
        if body.len() < TAG_LEN {
            return Err(CryptoError::Truncated);
        }
        let aad = wrap_aad(purpose, tenant, version);
        let mut buf = body.to_vec();
        let len = open_in_place(
            &self.aead,
            *nonce,
            &aad,
            &mut buf,
            CryptoError::UnwrapFailed,
        )?;
        // Wipe the tag bytes too before handing the buffer over; they are not
        // secret, but this keeps the buffer exactly the secret's length.
        if let Some(tail) = buf.get_mut(len..) {
            tail.zeroize();
        }
        buf.truncate(len);
        Ok(SecretBytes::new(buf))
    }
}

fn encode_hex_key(bytes: &[u8; KEY_LEN]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(MAX_FILE_LEN);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s.push('\n');
    s
}

/// Exactly 64 lowercase hex digits, or nothing.
fn decode_hex_key(hex: &[u8]) -> Option<[u8; KEY_LEN]> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    if hex.len() != 2 * KEY_LEN {
        return None;
    }
    let mut out = [0u8; KEY_LEN];
    for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
        match (
            pair.first().copied().and_then(nibble),
            pair.get(1).copied().and_then(nibble),
        ) {
            (Some(hi), Some(lo)) => *byte = (hi << 4) | lo,
            _ => {
                out.zeroize();
                return None;
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_rejects_uppercase() {
        let bytes: [u8; KEY_LEN] = std::array::from_fn(|i| (i * 7 + 3) as u8);
        let text = encode_hex_key(&bytes);
        assert_eq!(text.len(), 65);
        let decoded = decode_hex_key(text.trim_end().as_bytes()).unwrap();
        assert_eq!(decoded, bytes);
        assert!(decode_hex_key(text.trim_end().to_uppercase().as_bytes()).is_none());
    }

    #[test]
    fn unset_variable_is_a_typed_error() {
        let err = MasterKey::load_from_var("KATALOOP_TEST_VARIABLE_THAT_IS_NEVER_SET").unwrap_err();
        assert!(matches!(err, KeyFileError::NotConfigured { .. }));
    }
}
