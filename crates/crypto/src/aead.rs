//! The two primitives every other module goes through: AES-256-GCM with a
//! 96-bit nonce and HMAC-SHA256. Keeping them in one place means the
//! known-answer tests exercise exactly the code that seals tenant data.

use ring::aead::{Aad, LessSafeKey, Nonce, Tag};
use ring::hmac;
use ring::rand::SecureRandom;
use zeroize::Zeroize;

use crate::secret::{aes_key, KEY_LEN};
use crate::{CryptoError, KeyPurpose};

/// AES-GCM nonce length in bytes (96 bits, the only length GCM handles
/// without an extra GHASH pass).
pub const NONCE_LEN: usize = 12;
/// AES-GCM tag length in bytes (128 bits; never truncated).
pub const TAG_LEN: usize = 16;

/// A fresh nonce from the CSPRNG. Random 96-bit nonces stay collision-safe
/// for far more than the per-key usage limit (2^30 by default).
pub(crate) fn random_nonce(rng: &dyn SecureRandom) -> Result<[u8; NONCE_LEN], CryptoError> {
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill(&mut nonce).map_err(|_| CryptoError::Rng)?;
    Ok(nonce)
}

/// Encrypts `in_out` in place and returns the tag.
pub(crate) fn seal_in_place(
    key: &LessSafeKey,
    nonce: [u8; NONCE_LEN],
    aad: &[u8],
    in_out: &mut [u8],
) -> Result<[u8; TAG_LEN], CryptoError> {
    let tag = key
        .seal_in_place_separate_tag(Nonce::assume_unique_for_key(nonce), Aad::from(aad), in_out)
        .map_err(|_| CryptoError::SealFailed)?;
    let mut out = [0u8; TAG_LEN];
    out.copy_from_slice(tag.as_ref());
    Ok(out)
}

/// Decrypts `ciphertext || tag` in place; returns the plaintext length. On
/// failure the buffer is wiped so no unauthenticated plaintext survives.
pub(crate) fn open_in_place(
    key: &LessSafeKey,
    nonce: [u8; NONCE_LEN],
    aad: &[u8],
    in_out: &mut [u8],
    failure: CryptoError,
) -> Result<usize, CryptoError> {
    match key.open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from(aad), in_out) {
        Ok(plaintext) => Ok(plaintext.len()),
        Err(_) => {
            in_out.zeroize();
            Err(failure)
        }
    }
}

/// Decrypts `ciphertext` in place against a separate `tag`, so a caller
/// copying a sealed value into an owned plaintext buffer copies only the
/// ciphertext. On failure the buffer is wiped so no unauthenticated
/// plaintext survives.
pub(crate) fn open_in_place_separate_tag(
    key: &LessSafeKey,
    nonce: [u8; NONCE_LEN],
    aad: &[u8],
    tag: [u8; TAG_LEN],
    ciphertext: &mut [u8],
    failure: CryptoError,
) -> Result<(), CryptoError> {
    match key.open_in_place_separate_tag(
        Nonce::assume_unique_for_key(nonce),
        Aad::from(aad),
        Tag::from(tag),
        ciphertext,
        0..,
    ) {
        Ok(_) => Ok(()),
        Err(_) => {
            ciphertext.zeroize();
            Err(failure)
        }
    }
}

/// HMAC-SHA256 of `msg` under `key` (RFC 2104 / FIPS 198-1). The output is
/// as sensitive as what it authenticates; wipe it when done.
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    let tag = hmac::sign(&key, msg);
    let mut out = [0u8; 32];
    out.copy_from_slice(tag.as_ref());
    out
}

/// Test hook: AES-256-GCM with a caller-chosen nonce, returning
/// `ciphertext || tag`. Only for known-answer tests; production sealing
/// always draws its nonce from the CSPRNG.
#[doc(hidden)]
pub fn aes256gcm_seal_with_nonce(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let key = aes_key(KeyPurpose::DataKey, key)?;
    let mut out = Vec::with_capacity(plaintext.len() + TAG_LEN);
    out.extend_from_slice(plaintext);
    let tag = seal_in_place(&key, *nonce, aad, &mut out)?;
    out.extend_from_slice(&tag);
    Ok(out)
}

/// Test hook: the inverse of [`aes256gcm_seal_with_nonce`].
#[doc(hidden)]
pub fn aes256gcm_open_with_nonce(
    key: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let key = aes_key(KeyPurpose::DataKey, key)?;
    let mut buf = sealed.to_vec();
    let len = open_in_place(&key, *nonce, aad, &mut buf, CryptoError::OpenFailed)?;
    buf.truncate(len);
    Ok(buf)
}
