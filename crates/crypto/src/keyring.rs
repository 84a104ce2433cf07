//! A tenant's keys: the pepper and the versioned data keys that seal its rows.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use kataloop_tenancy::TenantId;
use uuid::Uuid;
use zeroize::{Zeroize, Zeroizing};

use crate::aead::{open_in_place_separate_tag, seal_in_place, NONCE_LEN, TAG_LEN};
use crate::nonce::fresh_nonce;
use crate::secret::REDACTED;
use crate::{CryptoError, DataKey, KeyEncryptionKey, KeyPurpose, Pepper};

/// Format byte of sealed values written by this version.
pub const SEAL_FORMAT_V1: u8 = 1;
/// Domain-separation prefix of the sealing AAD.
pub const SEAL_PURPOSE: &str = "kataloop/seal/v1";
/// `format (1) || key version (4) || nonce (12)`.
pub const SEAL_HEADER_LEN: usize = 1 + 4 + NONCE_LEN;
/// Bytes a sealed value adds to its plaintext: header and tag.
pub const SEAL_OVERHEAD: usize = SEAL_HEADER_LEN + TAG_LEN;
/// Default number of values one data key may seal before it must be rotated.
/// Far below the 2^32 NIST SP 800-38D allows for random 96-bit nonces, which
/// keeps the nonce-collision probability under 2^-33.
pub const DEFAULT_USAGE_LIMIT: u64 = 1 << 30;
/// The pepper is never rotated (participant hashes depend on it), so its
/// wrapped row always carries this version.
pub const PEPPER_VERSION: u32 = 1;
/// The first data key version of a new tenant.
pub const FIRST_KEY_VERSION: u32 = 1;

/// Where a sealed value lives. All of it is bound into the AAD, so a value
/// copied to another tenant, row or column fails to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SealContext {
    /// The tenant owning the row.
    pub tenant: TenantId,
    /// The row's primary key.
    pub row: Uuid,
    /// The column holding the value, e.g. `"rides.conversation"`.
    pub column: &'static str,
}

impl SealContext {
    /// Names the place a value is sealed for.
    pub const fn new(tenant: TenantId, row: Uuid, column: &'static str) -> Self {
        Self {
            tenant,
            row,
            column,
        }
    }
}

/// Length of the sealing AAD without the column name.
const SEAL_AAD_FIXED_LEN: usize = SEAL_PURPOSE.len() + 1 + 16 + 16 + 4 + 4;
/// AADs up to this length (column names up to 39 bytes; Kataloop's are
/// about 20) are built on the stack; longer ones fall back to the heap.
const SEAL_AAD_INLINE_LEN: usize = 96;

/// `"kataloop/seal/v1" || format || tenant (16) || row (16) || key version
/// (u32 BE) || column length (u32 BE) || column`. Fixed-width fields and the
/// length prefix keep the encoding unambiguous.
///
/// Built in a stack buffer that `f` borrows (no allocation, no move of the
/// buffer); a column name too long for it falls back to the heap.
#[inline]
fn with_seal_aad<R>(ctx: &SealContext, version: u32, f: impl FnOnce(&[u8]) -> R) -> R {
    let column = ctx.column.as_bytes();
    // Column names are short static strings; saturating keeps this total.
    let column_len = u32::try_from(column.len()).unwrap_or(u32::MAX);
    let mut buf = [0u8; SEAL_AAD_INLINE_LEN];
    let (head, tail) = buf.split_at_mut(SEAL_AAD_FIXED_LEN);
    match tail.get_mut(..column.len()) {
        Some(dst) => {
            write_seal_aad_fixed(head, ctx, version, column_len);
            dst.copy_from_slice(column);
            f(buf
                .get(..SEAL_AAD_FIXED_LEN + column.len())
                .unwrap_or_default())
        }
        None => {
            let mut aad = vec![0u8; SEAL_AAD_FIXED_LEN + column.len()];
            let (head, tail) = aad.split_at_mut(SEAL_AAD_FIXED_LEN);
            write_seal_aad_fixed(head, ctx, version, column_len);
            tail.copy_from_slice(column);
            f(&aad)
        }
    }
}

/// Everything of the AAD before the column name, at fixed offsets (copies of
/// constant size, which compile to plain moves). `head` is exactly
/// [`SEAL_AAD_FIXED_LEN`] bytes.
#[inline]
fn write_seal_aad_fixed(head: &mut [u8], ctx: &SealContext, version: u32, column_len: u32) {
    const P: usize = SEAL_PURPOSE.len();
    head[..P].copy_from_slice(SEAL_PURPOSE.as_bytes());
    head[P] = SEAL_FORMAT_V1;
    head[P + 1..P + 17].copy_from_slice(ctx.tenant.as_uuid().as_bytes());
    head[P + 17..P + 33].copy_from_slice(ctx.row.as_bytes());
    head[P + 33..P + 37].copy_from_slice(&version.to_be_bytes());
    head[P + 37..SEAL_AAD_FIXED_LEN].copy_from_slice(&column_len.to_be_bytes());
}

struct SealedParts<'a> {
    version: u32,
    nonce: [u8; NONCE_LEN],
    body: &'a [u8],
}

fn parse_sealed(blob: &[u8]) -> Result<SealedParts<'_>, CryptoError> {
    let (&format, rest) = blob.split_first().ok_or(CryptoError::Truncated)?;
    if format != SEAL_FORMAT_V1 {
        return Err(CryptoError::UnsupportedFormat { found: format });
    }
    let (version, rest) = rest
        .split_first_chunk::<4>()
        .ok_or(CryptoError::Truncated)?;
    let (nonce, body) = rest
        .split_first_chunk::<NONCE_LEN>()
        .ok_or(CryptoError::Truncated)?;
    if body.len() < TAG_LEN {
        return Err(CryptoError::Truncated);
    }
    Ok(SealedParts {
        version: u32::from_be_bytes(*version),
        nonce: *nonce,
        body,
    })
}

/// The key version a sealed value names, without opening it. Lets storage
/// find rows that still need re-wrapping.
pub fn sealed_key_version(blob: &[u8]) -> Result<u32, CryptoError> {
    parse_sealed(blob).map(|p| p.version)
}

/// One data key and how many values it has sealed.
struct Slot {
    key: DataKey,
    seals_done: AtomicU64,
}

impl Slot {
    fn new(key: DataKey, seals_done: u64) -> Self {
        Self {
            key,
            seals_done: AtomicU64::new(seals_done),
        }
    }

    /// Counts one use, or refuses if the limit is reached. Atomic, so
    /// concurrent sealers can never overshoot the limit together.
    fn claim(&self, limit: u64) -> bool {
        self.seals_done
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < limit).then(|| n.saturating_add(1))
            })
            .is_ok()
    }

    fn seals_done(&self) -> u64 {
        self.seals_done.load(Ordering::Acquire)
    }
}

/// A key as stored: wrapped under a [`KeyEncryptionKey`], plus its usage
/// count. Nothing here is secret without the key-encryption key.
#[derive(Clone, PartialEq, Eq)]
pub struct WrappedTenantKey {
    /// Data key or pepper.
    pub purpose: KeyPurpose,
    /// Key version ([`PEPPER_VERSION`] for the pepper).
    pub version: u32,
    /// The key material, encrypted and authenticated by the KEK.
    pub wrapped: Vec<u8>,
    /// Values sealed under this key so far (always 0 for the pepper). Not
    /// part of `wrapped`: storage updates it as the key is used so the usage
    /// limit survives restarts.
    pub seals_done: u64,
}

impl fmt::Debug for WrappedTenantKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WrappedTenantKey")
            .field("purpose", &self.purpose)
            .field("version", &self.version)
            .field("wrapped_len", &self.wrapped.len())
            .field("seals_done", &self.seals_done)
            .finish()
    }
}

/// Every key of one tenant, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedTenantKeys {
    /// The tenant; bound into each key's wrapping AAD.
    pub tenant: TenantId,
    /// The pepper and every data key version still held.
    pub keys: Vec<WrappedTenantKey>,
}

/// A value to re-wrap, keyed by whatever storage uses to find its row again.
#[derive(Debug, Clone)]
pub struct RewrapItem<K> {
    /// Storage's handle for the row (primary key, cursor position...).
    pub key: K,
    /// Where the value lives.
    pub ctx: SealContext,
    /// The sealed value as stored.
    pub blob: Vec<u8>,
}

/// The result for one [`RewrapItem`].
#[derive(Debug)]
pub struct RewrapOutcome<K> {
    /// Storage's handle, as given.
    pub key: K,
    /// The value sealed under the current key version, to write back; or why
    /// the stored value could not be re-wrapped.
    pub result: Result<Vec<u8>, CryptoError>,
    /// Whether `result` is a new ciphertext (false when the value was
    /// already under the current version and is returned as stored).
    pub resealed: bool,
}

/// Running totals passed to the progress callback of
/// [`TenantKeyring::rewrap_batch`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RewrapProgress {
    /// Items handled so far.
    pub processed: u64,
    /// Items re-sealed under the current version.
    pub resealed: u64,
    /// Items already under the current version.
    pub unchanged: u64,
    /// Items that failed to open or re-seal.
    pub failed: u64,
}

/// One tenant's live key material: the pepper and every data key version
/// still held, the newest of which seals new values.
///
/// Sealed value format (version 1), all integers big-endian:
///
/// ```text
/// format (1 byte = 0x01) || key_version (u32) || nonce (12 bytes, CSPRNG)
///   || ciphertext (same length as plaintext) || tag (16 bytes)
/// ```
///
/// AES-256-GCM's associated data binds the purpose `"kataloop/seal/v1"`,
/// the format byte, tenant id, row id, key version and column name.
///
/// Dropping the keyring wipes its key bytes; see the crate docs for what
/// crypto-shredding additionally requires of storage.
pub struct TenantKeyring {
    tenant: TenantId,
    pepper: Pepper,
    keys: BTreeMap<u32, Slot>,
    current: u32,
    /// Versions below this were retired on purpose (as opposed to never
    /// existing), so opening reports them as such.
    retired_below: u32,
    usage_limit: u64,
}

impl TenantKeyring {
    /// Fresh key material for a new tenant: a random pepper and data key
    /// version [`FIRST_KEY_VERSION`], both from the system CSPRNG.
    pub fn generate(tenant: TenantId) -> Result<Self, CryptoError> {
        let mut keys = BTreeMap::new();
        keys.insert(FIRST_KEY_VERSION, Slot::new(DataKey::generate()?, 0));
        Ok(Self {
            tenant,
            pepper: Pepper::generate()?,
            keys,
            current: FIRST_KEY_VERSION,
            retired_below: FIRST_KEY_VERSION,
            usage_limit: DEFAULT_USAGE_LIMIT,
        })
    }

    /// Sets how many values each data key may seal (default
    /// [`DEFAULT_USAGE_LIMIT`]).
    #[must_use]
    pub fn with_usage_limit(mut self, limit: u64) -> Self {
        self.usage_limit = limit;
        self
    }

    /// The tenant these keys belong to.
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    /// The tenant's pepper, for the participant hasher.
    pub fn pepper(&self) -> &Pepper {
        &self.pepper
    }

    /// The version new values are sealed with.
    pub fn current_version(&self) -> u32 {
        self.current
    }

    /// Every data key version held, oldest first.
    pub fn versions(&self) -> Vec<u32> {
        self.keys.keys().copied().collect()
    }

    /// How many values each data key may seal.
    pub fn usage_limit(&self) -> u64 {
        self.usage_limit
    }

    /// Values sealed so far under the current key version.
    pub fn seals_done(&self) -> u64 {
        self.keys.get(&self.current).map_or(0, Slot::seals_done)
    }

    /// Values sealed so far under `version`, if it is held.
    pub fn seals_done_for(&self, version: u32) -> Option<u64> {
        self.keys.get(&version).map(Slot::seals_done)
    }

    /// Raises the usage count of `version` to a persisted value. Never lowers
    /// it: a stale value cannot hand a key more uses.
    pub fn restore_seals_done(&self, version: u32, seals_done: u64) -> Result<(), CryptoError> {
        let slot = self.slot(version)?;
        slot.seals_done.fetch_max(seals_done, Ordering::AcqRel);
        Ok(())
    }

    fn slot(&self, version: u32) -> Result<&Slot, CryptoError> {
        match self.keys.get(&version) {
            Some(slot) => Ok(slot),
            None if version < self.retired_below && version >= FIRST_KEY_VERSION => {
                Err(CryptoError::KeyRetired { version })
            }
            None => Err(CryptoError::UnknownKeyVersion { version }),
        }
    }

    fn check_tenant(&self, ctx: &SealContext) -> Result<(), CryptoError> {
        if ctx.tenant == self.tenant {
            Ok(())
        } else {
            Err(CryptoError::WrongTenant)
        }
    }

    /// Seals `plaintext` for the place `ctx` names, under the current key
    /// version and a fresh random nonce. Refuses with
    /// [`CryptoError::KeyExhausted`] once the key reached its usage limit.
    pub fn seal(&self, plaintext: &[u8], ctx: &SealContext) -> Result<Vec<u8>, CryptoError> {
        self.check_tenant(ctx)?;
        let version = self.current;
        let slot = self.slot(version)?;
        if !slot.claim(self.usage_limit) {
            return Err(CryptoError::KeyExhausted { version });
        }
        // Fresh 96-bit CSPRNG nonce through the per-thread buffer (see
        // `nonce.rs`), AAD on the stack.
        let nonce = fresh_nonce()?;
        // Exact capacity: appending the tag never reallocates, so no copy of
        // the plaintext is left behind in freed memory.
        let mut out = Vec::with_capacity(plaintext.len() + SEAL_OVERHEAD);
        let mut header = [0u8; SEAL_HEADER_LEN];
        header[0] = SEAL_FORMAT_V1;
        header[1..5].copy_from_slice(&version.to_be_bytes());
        header[5..].copy_from_slice(&nonce);
        out.extend_from_slice(&header);
        out.extend_from_slice(plaintext);
        let body = out.get_mut(SEAL_HEADER_LEN..).unwrap_or_default();
        let tag = with_seal_aad(ctx, version, |aad| {
            seal_in_place(slot.key.aead(), nonce, aad, body)
        })?;
        out.extend_from_slice(&tag);
        Ok(out)
    }

    /// Opens a value sealed by [`TenantKeyring::seal`] for the same place.
    /// Any change to the value or the context fails with a typed error.
    pub fn open(&self, blob: &[u8], ctx: &SealContext) -> Result<Vec<u8>, CryptoError> {
        self.check_tenant(ctx)?;
        let parts = parse_sealed(blob)?;
        let slot = self.slot(parts.version)?;
        let (ciphertext, tag) = parts
            .body
            .split_last_chunk::<TAG_LEN>()
            .ok_or(CryptoError::Truncated)?;
        // One allocation of exactly the plaintext's length, one copy of the
        // ciphertext (not the tag), decrypted in place in the returned Vec.
        let mut buf = ciphertext.to_vec();
        with_seal_aad(ctx, parts.version, |aad| {
            open_in_place_separate_tag(
                slot.key.aead(),
                parts.nonce,
                aad,
                *tag,
                &mut buf,
                CryptoError::OpenFailed,
            )
        })?;
        Ok(buf)
    }

    /// Adds a fresh data key version and makes it the one new values are
    /// sealed with. Older versions still open. Returns the new version.
    pub fn rotate(&mut self) -> Result<u32, CryptoError> {
        let next = self
            .current
            .checked_add(1)
            .ok_or(CryptoError::VersionOverflow)?;
        self.keys.insert(next, Slot::new(DataKey::generate()?, 0));
        self.current = next;
        Ok(next)
    }

    fn rewrap_inner(&self, blob: &[u8], ctx: &SealContext) -> Result<(Vec<u8>, bool), CryptoError> {
        // Open first even when the version is current: a re-wrap pass is
        // also an integrity check of every stored value.
        let plaintext = Zeroizing::new(self.open(blob, ctx)?);
        if sealed_key_version(blob)? == self.current {
            return Ok((blob.to_vec(), false));
        }
        Ok((self.seal(&plaintext, ctx)?, true))
    }

    /// Opens a value under whatever version sealed it and seals it again
    /// under the current version. A value already under the current version
    /// is verified and returned as stored (saves usage budget, keeps the
    /// operation idempotent for resumed passes).
    pub fn rewrap(&self, blob: &[u8], ctx: &SealContext) -> Result<Vec<u8>, CryptoError> {
        self.rewrap_inner(blob, ctx).map(|(out, _)| out)
    }

    /// Re-wraps a batch, reporting running totals after each item so storage
    /// can log progress and persist a resume point. Failures are reported per
    /// item and do not stop the batch.
    pub fn rewrap_batch<K, I, F>(&self, items: I, mut on_progress: F) -> Vec<RewrapOutcome<K>>
    where
        I: IntoIterator<Item = RewrapItem<K>>,
        F: FnMut(&RewrapProgress),
    {
        let mut progress = RewrapProgress::default();
        let mut outcomes = Vec::new();
        for item in items {
            let (result, resealed) = match self.rewrap_inner(&item.blob, &item.ctx) {
                Ok((out, true)) => {
                    progress.resealed += 1;
                    (Ok(out), true)
                }
                Ok((out, false)) => {
                    progress.unchanged += 1;
                    (Ok(out), false)
                }
                Err(e) => {
                    progress.failed += 1;
                    (Err(e), false)
                }
            };
            progress.processed += 1;
            on_progress(&progress);
            outcomes.push(RewrapOutcome {
                key: item.key,
                result,
                resealed,
            });
        }
        outcomes
    }

    /// Drops (and wipes) every data key version below `version`. Values still
    /// sealed under them fail to open with [`CryptoError::KeyRetired`] from
    /// then on, so re-wrap them first. Returns how many versions were dropped.
    pub fn retire_below(&mut self, version: u32) -> Result<usize, CryptoError> {
        if version > self.current {
            return Err(CryptoError::WouldRetireCurrent {
                requested: version,
                current: self.current,
            });
        }
        let kept = self.keys.split_off(&version);
        let dropped = std::mem::replace(&mut self.keys, kept);
        self.retired_below = self.retired_below.max(version);
        Ok(dropped.len())
    }

    /// Every key wrapped under `kek`, with current usage counts, for storage.
    pub fn wrap_with(&self, kek: &dyn KeyEncryptionKey) -> Result<WrappedTenantKeys, CryptoError> {
        let mut keys = Vec::with_capacity(self.keys.len() + 1);
        keys.push(WrappedTenantKey {
            purpose: KeyPurpose::Pepper,
            version: PEPPER_VERSION,
            wrapped: kek.wrap(
                KeyPurpose::Pepper,
                self.tenant,
                PEPPER_VERSION,
                &self.pepper.to_secret(),
            )?,
            seals_done: 0,
        });
        for (&version, slot) in &self.keys {
            keys.push(WrappedTenantKey {
                purpose: KeyPurpose::DataKey,
                version,
                wrapped: kek.wrap(
                    KeyPurpose::DataKey,
                    self.tenant,
                    version,
                    &slot.key.to_secret(),
                )?,
                seals_done: slot.seals_done(),
            });
        }
        Ok(WrappedTenantKeys {
            tenant: self.tenant,
            keys,
        })
    }

    /// Rebuilds a keyring from stored keys. Needs exactly one pepper and at
    /// least one data key; the newest data key version becomes current and
    /// versions below the oldest one held count as retired.
    pub fn unwrap_with(
        kek: &dyn KeyEncryptionKey,
        wrapped: &WrappedTenantKeys,
    ) -> Result<Self, CryptoError> {
        let tenant = wrapped.tenant;
        let mut pepper = None;
        let mut keys = BTreeMap::new();
        for entry in &wrapped.keys {
            let secret = kek.unwrap(entry.purpose, tenant, entry.version, &entry.wrapped)?;
            match entry.purpose {
                KeyPurpose::Pepper => {
                    if pepper.is_some() {
                        return Err(CryptoError::InvalidKeySet {
                            reason: "more than one pepper",
                        });
                    }
                    pepper = Some(Pepper::from_secret(&secret)?);
                }
                KeyPurpose::DataKey => {
                    if entry.version < FIRST_KEY_VERSION {
                        return Err(CryptoError::InvalidKeySet {
                            reason: "data key version 0",
                        });
                    }
                    let slot = Slot::new(DataKey::from_secret(&secret)?, entry.seals_done);
                    if keys.insert(entry.version, slot).is_some() {
                        return Err(CryptoError::InvalidKeySet {
                            reason: "duplicate data key version",
                        });
                    }
                }
            }
        }
        let pepper = pepper.ok_or(CryptoError::InvalidKeySet {
            reason: "no pepper",
        })?;
        let (Some(&oldest), Some(&current)) = (keys.keys().next(), keys.keys().next_back()) else {
            return Err(CryptoError::InvalidKeySet {
                reason: "no data key",
            });
        };
        Ok(Self {
            tenant,
            pepper,
            keys,
            current,
            retired_below: oldest,
            usage_limit: DEFAULT_USAGE_LIMIT,
        })
    }

    /// Destroys this copy of the tenant's keys, wiping the key bytes. Storage
    /// must also delete the wrapped key rows; see the crate docs.
    pub fn shred(self) {
        drop(self);
    }
}

impl fmt::Debug for TenantKeyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TenantKeyring")
            .field("tenant", &self.tenant)
            .field("current_version", &self.current)
            .field("versions", &self.keys.keys().collect::<Vec<_>>())
            .field("keys", &format_args!("{REDACTED}"))
            .field("pepper", &format_args!("{REDACTED}"))
            .finish()
    }
}

impl Drop for TenantKeyring {
    fn drop(&mut self) {
        // DataKey and Pepper wipe themselves; clearing the counters too leaves
        // nothing that hints at how much the tenant wrote.
        for slot in self.keys.values_mut() {
            slot.seals_done.get_mut().zeroize();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SecretBytes;

    /// A copy of `ring`'s data keys under another tenant id, built from the
    /// raw key bytes. Only possible inside the crate.
    fn clone_with_tenant(ring: &TenantKeyring, tenant: TenantId) -> TenantKeyring {
        let mut keys = BTreeMap::new();
        for (&v, slot) in &ring.keys {
            keys.insert(
                v,
                Slot::new(DataKey::from_secret(&slot.key.to_secret()).unwrap(), 0),
            );
        }
        TenantKeyring {
            tenant,
            pepper: ring.pepper.clone(),
            keys,
            current: ring.current,
            retired_below: ring.retired_below,
            usage_limit: ring.usage_limit,
        }
    }

    /// Guarantee 14: the tenant id is bound by the AAD, not only by using a
    /// different key: the very same data key under another tenant id refuses.
    #[test]
    fn same_key_other_tenant_fails_by_aad_alone() {
        let a = TenantKeyring::generate(TenantId::random()).unwrap();
        let b_same_key = clone_with_tenant(&a, TenantId::random());
        let row = Uuid::new_v4();
        let blob = a
            .seal(b"hello", &SealContext::new(a.tenant(), row, "c"))
            .unwrap();
        let ctx_b = SealContext::new(b_same_key.tenant(), row, "c");
        assert!(matches!(
            b_same_key.open(&blob, &ctx_b),
            Err(CryptoError::OpenFailed)
        ));
    }

    /// Guarantee 14: the key version is bound by the AAD: with versions 1 and
    /// 2 holding the same key bytes, relabelling a blob's version fails.
    #[test]
    fn same_key_other_version_fails_by_aad_alone() {
        let mut ring = TenantKeyring::generate(TenantId::random()).unwrap();
        let v1 = ring.keys.get(&1).unwrap().key.to_secret();
        ring.keys
            .insert(2, Slot::new(DataKey::from_secret(&v1).unwrap(), 0));
        let ctx = SealContext::new(ring.tenant(), Uuid::new_v4(), "c");
        let mut blob = ring.seal(b"hello", &ctx).unwrap();
        assert_eq!(ring.open(&blob, &ctx).unwrap(), b"hello");
        blob[1..5].copy_from_slice(&2u32.to_be_bytes());
        assert!(matches!(
            ring.open(&blob, &ctx),
            Err(CryptoError::OpenFailed)
        ));
    }

    /// The encoding before the stack buffer, kept as the reference: stored
    /// values must keep opening, so the AAD bytes must not change.
    fn reference_seal_aad(ctx: &SealContext, version: u32) -> Vec<u8> {
        let column = ctx.column.as_bytes();
        let mut aad = Vec::new();
        aad.extend_from_slice(SEAL_PURPOSE.as_bytes());
        aad.push(SEAL_FORMAT_V1);
        aad.extend_from_slice(ctx.tenant.as_uuid().as_bytes());
        aad.extend_from_slice(ctx.row.as_bytes());
        aad.extend_from_slice(&version.to_be_bytes());
        aad.extend_from_slice(&u32::try_from(column.len()).unwrap().to_be_bytes());
        aad.extend_from_slice(column);
        aad
    }

    #[test]
    fn seal_aad_encoding_is_unchanged_inline_and_on_heap() {
        const LONG: &str = "a.column.name.long.enough.to.overflow.the.inline.aad.buffer.of.128.bytes.xxxxxxxxxxxxxxxxxx";
        let tenant = TenantId::random();
        for column in [
            "",
            "c",
            "rides.conversation",
            &LONG[..71],
            &LONG[..72],
            LONG,
        ] {
            for version in [1, 2, u32::MAX] {
                let ctx = SealContext::new(tenant, Uuid::new_v4(), column);
                let aad = with_seal_aad(&ctx, version, <[u8]>::to_vec);
                assert_eq!(aad, reference_seal_aad(&ctx, version), "{column}");
            }
        }
        assert_eq!(SEAL_AAD_FIXED_LEN, 57);
    }

    #[test]
    fn long_column_names_seal_and_open() {
        const LONG: &str = "a.column.name.long.enough.to.overflow.the.inline.aad.buffer.of.128.bytes.xxxxxxxxxxxxxxxxxx";
        let ring = TenantKeyring::generate(TenantId::random()).unwrap();
        let row = Uuid::new_v4();
        let ctx = SealContext::new(ring.tenant(), row, LONG);
        let blob = ring.seal(b"hello", &ctx).unwrap();
        assert_eq!(ring.open(&blob, &ctx).unwrap(), b"hello");
        let other = SealContext::new(ring.tenant(), row, &LONG[..LONG.len() - 1]);
        assert!(matches!(
            ring.open(&blob, &other),
            Err(CryptoError::OpenFailed)
        ));
    }

    #[test]
    fn data_key_refuses_wrong_length() {
        let err = DataKey::from_secret(&SecretBytes::new(vec![0; 31])).unwrap_err();
        assert!(matches!(err, CryptoError::InvalidKeyLength { got: 31, .. }));
    }
}
