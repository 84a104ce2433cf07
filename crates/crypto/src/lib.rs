//! Encryption at rest for Kataloop (guarantees 11, 13–17, 23).
//!
//! Three layers:
//!
//! - [`MasterKey`]: the key-encryption key (KEK), 256 bits, read from a file
//!   with mode 0600/0400 named by [`MASTER_KEY_FILE_ENV`]. It implements
//!   [`KeyEncryptionKey`], the seam where AWS KMS or Vault transit can be
//!   plugged in later.
//! - [`TenantKeyring`]: per tenant, a random 256-bit [`Pepper`] and one random
//!   AES-256-GCM [`DataKey`] per key version, all from the system CSPRNG.
//!   Storage persists them only wrapped under the KEK
//!   ([`TenantKeyring::wrap_with`] → [`WrappedTenantKeys`]).
//! - Sealing: [`TenantKeyring::seal`] / [`TenantKeyring::open`].
//!
//! # Sealed value format (version 1)
//!
//! ```text
//! format (1 byte = 0x01) || key_version (u32 BE) || nonce (12 bytes, CSPRNG)
//!   || ciphertext || tag (16 bytes)
//! ```
//!
//! The AES-256-GCM associated data is
//! `"kataloop/seal/v1" || format || tenant uuid (16) || row uuid (16) ||
//! key_version (u32 BE) || column length (u32 BE) || column`, so a value moved
//! to another tenant, row or column, or relabelled with another key version,
//! fails to open. Each data key refuses to seal past its usage limit
//! ([`DEFAULT_USAGE_LIMIT`], 2^30) and must then be rotated.
//!
//! Nonces are 12 bytes of `ring::rand::SystemRandom` output, drawn through a
//! small per-thread buffer (one `getrandom` call per 256 nonces, no byte ever
//! handed out twice; see the `nonce` module for why this stays safe).
//!
//! # Wrapped key format (version 1)
//!
//! ```text
//! format (1 byte = 0x01) || nonce (12 bytes, CSPRNG) || ciphertext || tag (16)
//! ```
//!
//! with associated data [`wrap_aad`]: `"kataloop/wrap/v1" || purpose label ||
//! tenant uuid (16) || version (u32 BE)`.
//!
//! # Rotation
//!
//! [`TenantKeyring::rotate`] adds a key version used for new seals; older
//! versions keep opening. [`TenantKeyring::rewrap`] (or
//! [`TenantKeyring::rewrap_batch`]) moves stored values to the newest
//! version; then [`TenantKeyring::retire_below`] drops the old versions.
//!
//! # Crypto-shredding
//!
//! Destroying a tenant means: drop its keyring ([`TenantKeyring::shred`]
//! wipes the key bytes) and delete its wrapped key rows. Ciphertext left in
//! the live database then opens under no key anyone holds. Backups need one
//! more step, because a backup may still hold the tenant's *wrapped* keys: as
//! long as the KEK that wrapped them survives, those can be unwrapped. So
//! after shredding, storage must re-wrap every remaining tenant's keys under
//! a new KEK and destroy the old one (a few rows per tenant). The crypto
//! tests model both halves.
//!
//! # Limits
//!
//! Key bytes held by this crate are wiped on drop (zeroize). ring keeps its
//! own expanded AES/HMAC key schedules, which it does not wipe; they live as
//! long as the owning key value.
#![forbid(unsafe_code)]

mod aead;
mod error;
mod kek;
mod keyring;
mod master;
mod nonce;
mod secret;

pub use aead::{
    aes256gcm_open_with_nonce, aes256gcm_seal_with_nonce, hmac_sha256, NONCE_LEN, TAG_LEN,
};
pub use error::{CryptoError, KeyFileError};
pub use kek::{wrap_aad, KeyEncryptionKey, KeyPurpose, WRAP_AAD_PREFIX};
pub use keyring::{
    sealed_key_version, RewrapItem, RewrapOutcome, RewrapProgress, SealContext, TenantKeyring,
    WrappedTenantKey, WrappedTenantKeys, DEFAULT_USAGE_LIMIT, FIRST_KEY_VERSION, PEPPER_VERSION,
    SEAL_FORMAT_V1, SEAL_HEADER_LEN, SEAL_OVERHEAD, SEAL_PURPOSE,
};
pub use master::{MasterKey, MASTER_KEY_FILE_ENV, WRAP_FORMAT_V1};
pub use secret::{DataKey, Pepper, SecretBytes, KEY_LEN, REDACTED};
