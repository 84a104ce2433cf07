//! Submitting a ride: the pipeline behind `POST /api/v1/rides`.
//!
//! canonical HR id → participant hash (bounded blocking pool) → fresh alias
//! → PII-strip every employee turn → analyse → seal the stripped
//! conversation → store ride and live theme state in one tenant transaction.
//! Nothing is stored before the whole pipeline succeeded; the receipt is
//! returned only after COMMIT.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kataloop_analysis::{Analyzer, Role, Turn};
use kataloop_anonymization::Policy;
use kataloop_crypto::{KeyEncryptionKey, TenantKeyring};
use kataloop_pseudonymity::{Alias, CanonicalHrId, HashingPool, HrIdHasher, PoolError};
use kataloop_store::{participants, rides, tenant_keys, Store, StoreError};
use kataloop_tenancy::{RideId, TeamId, TenantId};
use kataloop_themes::{TermKey, ThemeSlug};
use ring::rand::{SecureRandom, SystemRandom};
use serde::{Deserialize, Serialize};

use crate::aggregation::record_contribution;
use crate::error::ServiceError;
use crate::keys::{conversation_context, load_keyring};

/// At most this many turns per ride.
pub const MAX_TURNS: usize = 8;
/// At most this many characters per turn.
pub const MAX_TURN_CHARS: usize = 4000;

/// Characters that do not count as content: ASCII controls and space, DEL,
/// and Unicode's space characters. One explicit list, so that the API
/// document's pattern ([`CONTENT_PATTERN`]) and the server agree exactly on
/// what "empty" means.
pub fn is_blank(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{20}' | '\u{7f}' | '\u{85}' | '\u{a0}' | '\u{1680}'
        | '\u{2000}'..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}'
        | '\u{205f}' | '\u{3000}' | '\u{feff}')
}

/// Whether a text holds anything but blanks.
pub fn has_content(text: &str) -> bool {
    text.chars().any(|c| !is_blank(c))
}

/// A regular expression (JSON Schema `pattern`) that matches exactly the
/// texts [`has_content`] accepts.
pub const CONTENT_PATTERN: &str = "[^\\u0000-\\u0020\\u007f\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
/// A loaded keyring is reused for this long; a key rotation reaches every
/// server instance within it.
pub const KEYRING_TTL: Duration = Duration::from_secs(30);

/// Why a submission was refused. Messages carry no personal data.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// More turns than allowed.
    #[error("a ride has at most {max} turns")]
    TooManyTurns { max: usize },
    /// A turn longer than allowed.
    #[error("a turn has at most {max} characters")]
    TurnTooLong { max: usize },
    /// No employee turn with text.
    #[error("the conversation has no feedback from the employee")]
    Empty,
    /// The credential's HR id is unusable.
    #[error("the credential's employee id is not valid")]
    InvalidHrId,
    /// The hashing pool is saturated: retry later.
    #[error("too many submissions right now, retry shortly")]
    Busy,
    /// Anything else (database, keys).
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<StoreError> for SubmitError {
    fn from(e: StoreError) -> Self {
        SubmitError::Service(ServiceError::Store(e))
    }
}

/// What is sealed: the PII-stripped conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SealedConversation {
    /// Format version of this document.
    pub v: u8,
    pub turns: Vec<Turn>,
}

impl SealedConversation {
    /// The employee's words, joined (what analysis and releases read).
    pub fn employee_text(&self) -> String {
        self.turns
            .iter()
            .filter(|t| t.role == Role::Employee)
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A stored ride, as the employee learns it.
#[derive(Clone, PartialEq, Eq)]
pub struct Submitted {
    pub ride: RideId,
    /// The fresh pseudonym of this ride ("Brave Lion").
    pub alias: String,
    /// The employee's receipt: the tenant id and 32 random bytes,
    /// base64url. Only its SHA-256 is stored.
    pub receipt: String,
}

impl std::fmt::Debug for Submitted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Submitted")
            .field("ride", &self.ride)
            .field("alias", &self.alias)
            .field("receipt", &"[redacted]")
            .finish()
    }
}

struct TenantSecrets {
    keyring: Arc<TenantKeyring>,
    hasher: Arc<HrIdHasher>,
    loaded: Instant,
}

/// The submission pipeline, shared by all requests of a server.
pub struct Pipeline {
    kek: Arc<dyn KeyEncryptionKey>,
    pool: HashingPool,
    analyzer: &'static Analyzer,
    policy: Policy,
    bcrypt_cost: u32,
    usage_limit: u64,
    secrets: Mutex<HashMap<TenantId, Arc<TenantSecrets>>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("bcrypt_cost", &self.bcrypt_cost)
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    /// A pipeline hashing on `pool` at `bcrypt_cost` (10 or more in
    /// production; tests may pass lower through `HrIdHasher::new_for_tests`
    /// rules, see [`Pipeline::with_test_cost`]).
    pub fn new(
        kek: Arc<dyn KeyEncryptionKey>,
        pool: HashingPool,
        bcrypt_cost: u32,
    ) -> Result<Pipeline, ServiceError> {
        if bcrypt_cost < kataloop_pseudonymity::MIN_PRODUCTION_COST {
            return Err(ServiceError::Inconsistent(format!(
                "bcrypt cost must be at least {}",
                kataloop_pseudonymity::MIN_PRODUCTION_COST
            )));
        }
        Ok(Self::build(kek, pool, bcrypt_cost))
    }

    /// A pipeline with a low bcrypt cost, for tests only.
    pub fn with_test_cost(kek: Arc<dyn KeyEncryptionKey>, pool: HashingPool) -> Pipeline {
        Self::build(kek, pool, kataloop_pseudonymity::MIN_TEST_COST)
    }

    fn build(kek: Arc<dyn KeyEncryptionKey>, pool: HashingPool, bcrypt_cost: u32) -> Pipeline {
        Pipeline {
            kek,
            pool,
            analyzer: Analyzer::shipped(),
            policy: Policy::default(),
            bcrypt_cost,
            usage_limit: kataloop_crypto::DEFAULT_USAGE_LIMIT,
            secrets: Mutex::new(HashMap::new()),
        }
    }

    /// Lowers the per-key seal limit (tests of rotation).
    pub fn with_usage_limit(mut self, limit: u64) -> Pipeline {
        self.usage_limit = limit;
        self
    }

    /// The key-encryption key.
    pub fn kek(&self) -> &Arc<dyn KeyEncryptionKey> {
        &self.kek
    }

    async fn secrets(
        &self,
        store: &Store,
        tenant: TenantId,
    ) -> Result<Arc<TenantSecrets>, ServiceError> {
        if let Some(s) = self.cached(tenant) {
            return Ok(s);
        }
        let keyring = load_keyring(store, tenant, self.kek.as_ref()).await?;
        let pepper = keyring.pepper().clone();
        let hasher = if self.bcrypt_cost >= kataloop_pseudonymity::MIN_PRODUCTION_COST {
            HrIdHasher::new(pepper, self.bcrypt_cost)
        } else {
            HrIdHasher::new_for_tests(pepper, self.bcrypt_cost)
        }
        .map_err(|e| ServiceError::Inconsistent(e.to_string()))?;
        let secrets = Arc::new(TenantSecrets {
            keyring: Arc::new(keyring),
            hasher: Arc::new(hasher),
            loaded: Instant::now(),
        });
        if let Ok(mut map) = self.secrets.lock() {
            map.insert(tenant, secrets.clone());
        }
        Ok(secrets)
    }

    fn cached(&self, tenant: TenantId) -> Option<Arc<TenantSecrets>> {
        let map = self.secrets.lock().ok()?;
        map.get(&tenant)
            .filter(|s| s.loaded.elapsed() < KEYRING_TTL)
            .cloned()
    }

    /// The tenant's keyring (cached).
    pub async fn keyring(
        &self,
        store: &Store,
        tenant: TenantId,
    ) -> Result<Arc<TenantKeyring>, ServiceError> {
        Ok(self.secrets(store, tenant).await?.keyring.clone())
    }

    /// Checks a conversation against the limits without storing anything.
    pub fn validate(conversation: &[Turn]) -> Result<(), SubmitError> {
        if conversation.len() > MAX_TURNS {
            return Err(SubmitError::TooManyTurns { max: MAX_TURNS });
        }
        if conversation
            .iter()
            .any(|t| t.text.chars().count() > MAX_TURN_CHARS)
        {
            return Err(SubmitError::TurnTooLong {
                max: MAX_TURN_CHARS,
            });
        }
        if !conversation
            .iter()
            .any(|t| t.role == Role::Employee && has_content(&t.text))
        {
            return Err(SubmitError::Empty);
        }
        Ok(())
    }

    /// Runs the whole pipeline for one ride.
    pub async fn submit(
        &self,
        store: &Store,
        tenant: TenantId,
        raw_hr_id: &str,
        team: Option<TeamId>,
        conversation: &[Turn],
    ) -> Result<Submitted, SubmitError> {
        Self::validate(conversation)?;
        let hr_id = CanonicalHrId::new(raw_hr_id).map_err(|_| SubmitError::InvalidHrId)?;
        let secrets = self.secrets(store, tenant).await?;
        let hashed = self
            .pool
            .hash(secrets.hasher.clone(), hr_id)
            .await
            .map_err(|e| match e {
                PoolError::Busy => SubmitError::Busy,
                other => SubmitError::Service(ServiceError::Inconsistent(other.to_string())),
            })?;

        let rng = SystemRandom::new();
        let alias = Alias::draw(&rng)
            .map_err(|_| ServiceError::Random)?
            .to_string();
        let stripped = SealedConversation {
            v: 1,
            turns: conversation
                .iter()
                .map(|t| Turn {
                    role: t.role,
                    text: match t.role {
                        Role::Employee => {
                            kataloop_anonymization::redact(&t.text, &self.policy).text
                        }
                        // The guide's questions are Kataloop's own words.
                        Role::Guide => t.text.clone(),
                    },
                })
                .collect(),
        };
        let analysis = self.analyzer.analyze(&stripped.employee_text());
        let theme = ThemeSlug::new(analysis.theme.slug())
            .map_err(|e| ServiceError::Inconsistent(e.to_string()))?;

        let ride = RideId::random();
        let plaintext =
            serde_json::to_vec(&stripped).map_err(|e| ServiceError::Inconsistent(e.to_string()))?;
        let sealed = secrets
            .keyring
            .seal(&plaintext, &conversation_context(tenant, ride))
            .map_err(ServiceError::from)?;
        let key_version = i32::try_from(secrets.keyring.current_version())
            .map_err(|_| ServiceError::Inconsistent("key version".into()))?;
        let mut random = [0u8; 32];
        rng.fill(&mut random).map_err(|_| ServiceError::Random)?;
        let receipt = encode_receipt(tenant, &random);
        let receipt_hash = ring::digest::digest(&ring::digest::SHA256, receipt.as_bytes())
            .as_ref()
            .to_vec();

        let limit = i64::try_from(self.usage_limit).unwrap_or(i64::MAX);
        let new_ride = rides::NewRide {
            id: ride,
            participant: kataloop_tenancy::ParticipantId::random(),
            session_alias: alias.clone(),
            team,
            conversation_ciphertext: sealed,
            key_version,
            theme: None,
            sentiment: Some(analysis.sentiment.clamp(-1.0, 1.0)),
            confidence: Some(analysis.confidence.clamp(0.0, 1.0)),
            anonymized_summary: Some(analysis.summary),
            status: rides::RideStatus::Processed,
            receipt_hash: Some(receipt_hash),
        };
        let hashed = hashed.into_string();
        store
            .tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    if !tenant_keys::reserve_seal(tx, key_version, limit).await? {
                        return Err(SubmitError::Service(ServiceError::Crypto(
                            kataloop_crypto::CryptoError::KeyExhausted {
                                version: key_version as u32,
                            },
                        )));
                    }
                    let participant = participants::find_or_create(tx, &hashed, team).await?;
                    let tenant_cell =
                        kataloop_store::themes::ensure_cell(tx, theme.as_str(), None).await?;
                    let ride_row = rides::NewRide {
                        participant,
                        theme: Some(tenant_cell),
                        ..new_ride
                    };
                    rides::insert(tx, &ride_row).await?;
                    record_contribution(tx, ride, participant, team, &theme).await?;
                    Ok::<_, SubmitError>(())
                })
            })
            .await?;
        Ok(Submitted {
            ride,
            alias,
            receipt,
        })
    }

    /// The term key of a tenant: derived from its pepper, never the pepper.
    pub async fn term_key(&self, store: &Store, tenant: TenantId) -> Result<TermKey, ServiceError> {
        let secrets = self.secrets(store, tenant).await?;
        Ok(crate::keys::term_key(&secrets.keyring))
    }
}

fn encode_receipt(tenant: TenantId, random: &[u8; 32]) -> String {
    let mut bytes = Vec::with_capacity(48);
    bytes.extend_from_slice(tenant.as_uuid().as_bytes());
    bytes.extend_from_slice(random);
    base64url(&bytes)
}

/// The tenant a receipt belongs to, if it is well-formed.
pub fn receipt_tenant(receipt: &str) -> Option<TenantId> {
    let bytes = base64url_decode(receipt)?;
    if bytes.len() != 48 {
        return None;
    }
    let uuid = uuid_from(&bytes[..16])?;
    Some(TenantId::from_uuid(uuid))
}

/// SHA-256 of a receipt, as stored.
pub fn receipt_hash(receipt: &str) -> Vec<u8> {
    ring::digest::digest(&ring::digest::SHA256, receipt.as_bytes())
        .as_ref()
        .to_vec()
}

fn uuid_from(bytes: &[u8]) -> Option<uuid::Uuid> {
    uuid::Uuid::from_slice(bytes).ok()
}

const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(B64URL[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        let v = B64URL.iter().position(|b| *b == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The API document's pattern and the server's check are one rule: for
    /// every character of the Basic Multilingual Plane (and one beyond), a
    /// one-character text matches the pattern exactly when the server
    /// counts it as content.
    #[test]
    fn content_pattern_and_is_blank_agree_on_every_character() {
        let pattern = regex::Regex::new(CONTENT_PATTERN).unwrap();
        for c in (0..=0xffff_u32)
            .chain([0x1_f600])
            .filter_map(char::from_u32)
        {
            assert_eq!(
                pattern.is_match(&c.to_string()),
                has_content(&c.to_string()),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn receipts_round_trip_their_tenant() {
        let tenant = TenantId::random();
        let receipt = encode_receipt(tenant, &[7; 32]);
        assert_eq!(receipt.len(), 64);
        assert_eq!(receipt_tenant(&receipt), Some(tenant));
        assert_eq!(receipt_tenant("not a receipt!"), None);
        assert_eq!(receipt_tenant(""), None);
    }

    #[test]
    fn limits_are_enforced_before_anything_runs() {
        let long = "x".repeat(MAX_TURN_CHARS + 1);
        assert!(matches!(
            Pipeline::validate(&[Turn::employee(long)]),
            Err(SubmitError::TurnTooLong { .. })
        ));
        let many: Vec<Turn> = (0..=MAX_TURNS).map(|_| Turn::employee("a")).collect();
        assert!(matches!(
            Pipeline::validate(&many),
            Err(SubmitError::TooManyTurns { .. })
        ));
        assert!(matches!(
            Pipeline::validate(&[Turn::guide("How was your week?"), Turn::employee("  ")]),
            Err(SubmitError::Empty)
        ));
        assert!(Pipeline::validate(&[Turn::employee("the build is slow")]).is_ok());
    }
}
