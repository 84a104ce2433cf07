//! Key-encryption keys: whatever protects tenant keys at rest.

use std::fmt;

use kataloop_tenancy::TenantId;

use crate::{CryptoError, SecretBytes};

/// What a wrapped key is for. Part of the wrapping AAD, so a pepper can never
/// be unwrapped as a data key or the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyPurpose {
    /// An AES-256-GCM data-encryption key.
    DataKey,
    /// The HMAC pepper behind participant hashes.
    Pepper,
}

impl KeyPurpose {
    /// The stable label stored next to a wrapped key and bound into its AAD.
    pub const fn label(self) -> &'static str {
        match self {
            Self::DataKey => "data-key",
            Self::Pepper => "pepper",
        }
    }

    /// Parses a label written by [`KeyPurpose::label`].
    pub fn from_label(label: &str) -> Option<Self> {
        match label {
            "data-key" => Some(Self::DataKey),
            "pepper" => Some(Self::Pepper),
            _ => None,
        }
    }
}

impl fmt::Display for KeyPurpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Domain separation prefix of the wrapping AAD.
pub const WRAP_AAD_PREFIX: &[u8] = b"kataloop/wrap/v1";

/// The associated data that binds a wrapped key to its purpose, tenant and
/// version: `"kataloop/wrap/v1" || purpose label || tenant uuid (16 bytes) ||
/// version (u32 big-endian)`. The labels form a closed, prefix-free set and
/// the trailing fields have fixed lengths, so the encoding is unambiguous.
///
/// Other implementations of [`KeyEncryptionKey`] (a KMS encryption context,
/// Vault transit's `context`) should bind the same bytes.
pub fn wrap_aad(purpose: KeyPurpose, tenant: TenantId, version: u32) -> Vec<u8> {
    let label = purpose.label().as_bytes();
    let mut aad = Vec::with_capacity(WRAP_AAD_PREFIX.len() + label.len() + 16 + 4);
    aad.extend_from_slice(WRAP_AAD_PREFIX);
    aad.extend_from_slice(label);
    aad.extend_from_slice(tenant.as_uuid().as_bytes());
    aad.extend_from_slice(&version.to_be_bytes());
    aad
}

/// Something that wraps (encrypts) and unwraps tenant key material: the local
/// [`MasterKey`](crate::MasterKey) today, AWS KMS or Vault transit later.
///
/// Implementations must authenticate `purpose`, `tenant` and `version` (see
/// [`wrap_aad`]) so that a wrapped key moved to another tenant, purpose or
/// version fails to unwrap.
pub trait KeyEncryptionKey: Send + Sync {
    /// A stable, non-secret identifier of this key (stored next to every key
    /// it wraps), so storage knows which key-encryption key a row needs,
    /// for instance while re-wrapping everything under a new one.
    fn key_id(&self) -> String;

    /// Encrypts `secret` for storage.
    fn wrap(
        &self,
        purpose: KeyPurpose,
        tenant: TenantId,
        version: u32,
        secret: &SecretBytes,
    ) -> Result<Vec<u8>, CryptoError>;

    /// Decrypts a value produced by [`KeyEncryptionKey::wrap`] with the same
    /// purpose, tenant and version; anything else fails with
    /// [`CryptoError::UnwrapFailed`] (or a format error).
    fn unwrap(
        &self,
        purpose: KeyPurpose,
        tenant: TenantId,
        version: u32,
        wrapped: &[u8],
    ) -> Result<SecretBytes, CryptoError>;
}
