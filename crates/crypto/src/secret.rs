//! Secret value types. Each one zeroizes its bytes on drop, prints
//! `[redacted]` in `Debug` and has no `Display`, so a stray `{:?}` in a log
//! line cannot leak key material (guarantee 23).

use std::fmt;

use ring::aead::{LessSafeKey, UnboundKey, AES_256_GCM};
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::{CryptoError, KeyPurpose};

/// The placeholder every secret type prints instead of its bytes.
pub const REDACTED: &str = "[redacted]";

/// Length in bytes of every key and pepper in this crate (256 bits).
pub const KEY_LEN: usize = 32;

/// Secret bytes of any length, e.g. key material on its way to or from a
/// key-encryption key.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SecretBytes(Vec<u8>);

impl SecretBytes {
    /// Takes ownership of `bytes`; they are wiped when this value is dropped.
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    /// Copies `bytes`. The caller stays responsible for wiping its own copy.
    pub fn from_slice(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }

    /// The secret itself. Named so every use is easy to find in review.
    pub fn expose_secret(&self) -> &[u8] {
        &self.0
    }

    /// Number of secret bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no secret bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<u8>> for SecretBytes {
    fn from(bytes: Vec<u8>) -> Self {
        Self::new(bytes)
    }
}

impl fmt::Debug for SecretBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretBytes({REDACTED})")
    }
}

/// Fills a fresh 256-bit array from the system CSPRNG.
pub(crate) fn random_key_bytes(rng: &dyn SecureRandom) -> Result<[u8; KEY_LEN], CryptoError> {
    let mut bytes = [0u8; KEY_LEN];
    rng.fill(&mut bytes).map_err(|_| CryptoError::Rng)?;
    Ok(bytes)
}

/// Copies exactly [`KEY_LEN`] bytes out of `secret`, or refuses.
fn key_array(purpose: KeyPurpose, secret: &[u8]) -> Result<[u8; KEY_LEN], CryptoError> {
    <[u8; KEY_LEN]>::try_from(secret).map_err(|_| CryptoError::InvalidKeyLength {
        purpose,
        expected: KEY_LEN,
        got: secret.len(),
    })
}

/// Builds ring's AES-256-GCM key. The only failure is a wrong length, which
/// the `[u8; 32]` type already rules out.
pub(crate) fn aes_key(
    purpose: KeyPurpose,
    bytes: &[u8; KEY_LEN],
) -> Result<LessSafeKey, CryptoError> {
    UnboundKey::new(&AES_256_GCM, bytes)
        .map(LessSafeKey::new)
        .map_err(|_| CryptoError::InvalidKeyLength {
            purpose,
            expected: KEY_LEN,
            got: bytes.len(),
        })
}

/// A tenant's data-encryption key (AES-256-GCM).
///
/// The raw bytes are wiped on drop. ring keeps its own expanded AES key
/// schedule inside [`LessSafeKey`] and offers no way to wipe it; that copy
/// lives exactly as long as this value.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct DataKey {
    bytes: [u8; KEY_LEN],
    #[zeroize(skip)]
    aead: LessSafeKey,
}

impl DataKey {
    /// A fresh random key from the system CSPRNG.
    pub fn generate() -> Result<Self, CryptoError> {
        let mut bytes = random_key_bytes(&SystemRandom::new())?;
        let key = Self::from_array(&bytes);
        bytes.zeroize();
        key
    }

    /// Key material unwrapped from storage. Must be exactly 32 bytes.
    pub fn from_secret(secret: &SecretBytes) -> Result<Self, CryptoError> {
        let mut bytes = key_array(KeyPurpose::DataKey, secret.expose_secret())?;
        let key = Self::from_array(&bytes);
        bytes.zeroize();
        key
    }

    fn from_array(bytes: &[u8; KEY_LEN]) -> Result<Self, CryptoError> {
        Ok(Self {
            bytes: *bytes,
            aead: aes_key(KeyPurpose::DataKey, bytes)?,
        })
    }

    /// A copy of the raw key, for wrapping under a key-encryption key.
    pub(crate) fn to_secret(&self) -> SecretBytes {
        SecretBytes::from_slice(&self.bytes)
    }

    pub(crate) fn aead(&self) -> &LessSafeKey {
        &self.aead
    }
}

impl fmt::Debug for DataKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DataKey({REDACTED})")
    }
}

/// A tenant's 256-bit secret pepper, the HMAC key behind participant hashes.
///
/// Cloning is allowed so a hasher can own its copy; every copy is wiped on
/// drop.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Pepper([u8; KEY_LEN]);

impl Pepper {
    /// A fresh random pepper from the system CSPRNG.
    pub fn generate() -> Result<Self, CryptoError> {
        random_key_bytes(&SystemRandom::new()).map(Self)
    }

    /// A pepper from known bytes (tests, or material unwrapped elsewhere).
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        Self(bytes)
    }

    /// Pepper material unwrapped from storage. Must be exactly 32 bytes.
    pub fn from_secret(secret: &SecretBytes) -> Result<Self, CryptoError> {
        key_array(KeyPurpose::Pepper, secret.expose_secret()).map(Self)
    }

    /// The pepper itself. Named so every use is easy to find in review.
    pub fn expose_secret(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    pub(crate) fn to_secret(&self) -> SecretBytes {
        SecretBytes::from_slice(&self.0)
    }
}

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pepper({REDACTED})")
    }
}
