//! Kataloop's own tokens: employee invites and manager tokens.

use kataloop_tenancy::{TeamId, TenantId};
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, AES_256_GCM, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::b64;
use crate::error::CredentialError;
use crate::secret::{HrIdSecret, TokenString};

/// Every Kataloop token starts with this version tag.
pub const TOKEN_PREFIX: &str = "kl1";
/// Longer tokens are refused before any parsing.
pub const MAX_TOKEN_LEN: usize = 4096;
/// Length of the per-tenant root secret the token keys derive from.
pub const ROOT_LEN: usize = 32;
/// Longest HR id an invite may carry (bytes).
const MAX_HR_ID_LEN: usize = 512;
const PAYLOAD_VERSION: u8 = 1;

/// The two kinds of Kataloop token. The kind is signed, so one kind can
/// never be presented as the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// An employee invite (`inv`).
    Invite,
    /// A manager token (`mgr`).
    Manager,
}

impl TokenKind {
    fn tag(self) -> &'static str {
        match self {
            TokenKind::Invite => "inv",
            TokenKind::Manager => "mgr",
        }
    }
    fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "inv" => Some(TokenKind::Invite),
            "mgr" => Some(TokenKind::Manager),
            _ => None,
        }
    }
}

/// A token's id: random, printed in revocation lists and logs of the admin
/// binary (it is not a secret; the signature is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenId(Uuid);

impl TokenId {
    /// A fresh random id.
    pub fn random() -> Self {
        TokenId(Uuid::new_v4())
    }
    /// From a stored id.
    pub fn from_uuid(id: Uuid) -> Self {
        TokenId(id)
    }
    /// The id as a UUID.
    pub fn as_uuid(&self) -> &Uuid {
        &self.0
    }
}

impl std::fmt::Display for TokenId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What the admin binary asks for when inviting an employee.
#[derive(Clone)]
pub struct NewInvite {
    pub tenant: TenantId,
    /// The team the employee's rides count towards, if any.
    pub team: Option<TeamId>,
    /// The employee's HR id; sealed inside the token, never in clear.
    pub hr_id: HrIdSecret,
    /// Unix seconds after which the invite is refused.
    pub expires_at: i64,
}

impl std::fmt::Debug for NewInvite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewInvite")
            .field("tenant", &self.tenant)
            .field("team", &self.team)
            .field("hr_id", &self.hr_id)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// What the admin binary asks for when issuing a manager token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewManagerToken {
    pub tenant: TenantId,
    /// `None`: the whole tenant (and any of its teams); `Some`: that team only.
    pub team: Option<TeamId>,
    /// Unix seconds after which the token is refused.
    pub expires_at: i64,
}

/// A freshly issued token and the facts the admin binary records.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub token: TokenString,
    pub id: TokenId,
    pub kind: TokenKind,
    pub expires_at: i64,
}

/// A verified invite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub id: TokenId,
    pub tenant: TenantId,
    pub team: Option<TeamId>,
    pub hr_id: HrIdSecret,
    pub expires_at: i64,
}

/// A verified manager token. Whether it was revoked is the store's to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManagerGrant {
    pub id: TokenId,
    pub tenant: TenantId,
    /// `None`: the whole tenant; `Some`: that team only.
    pub team: Option<TeamId>,
    pub expires_at: i64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    v: u8,
    /// Tenant.
    t: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    team: Option<Uuid>,
    jti: Uuid,
    iat: i64,
    exp: i64,
    /// Invites only: nonce || AES-256-GCM(HR id), base64url.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hr: Option<String>,
}

/// The kind and tenant a token *claims*, read without verifying anything:
/// only to pick the tenant whose keys then verify it. Never trust the
/// answer on its own.
pub fn peek_token(token: &str) -> Result<(TokenKind, TenantId), CredentialError> {
    let parts = split(token)?;
    let payload = decode_payload(parts.payload)?;
    Ok((parts.kind, TenantId::from_uuid(payload.t)))
}

struct Parts<'a> {
    kind: TokenKind,
    signed: &'a str,
    payload: &'a str,
    signature: &'a str,
}

fn split(token: &str) -> Result<Parts<'_>, CredentialError> {
    if token.len() > MAX_TOKEN_LEN || !token.is_ascii() {
        return Err(CredentialError::Malformed);
    }
    let mut it = token.split('.');
    let (Some(prefix), Some(tag), Some(payload), Some(signature), None) =
        (it.next(), it.next(), it.next(), it.next(), it.next())
    else {
        return Err(CredentialError::Malformed);
    };
    if prefix != TOKEN_PREFIX {
        return Err(CredentialError::Malformed);
    }
    let kind = TokenKind::from_tag(tag).ok_or(CredentialError::Malformed)?;
    let signed_len = prefix.len() + tag.len() + payload.len() + 2;
    Ok(Parts {
        kind,
        signed: &token[..signed_len],
        payload,
        signature,
    })
}

fn decode_payload(payload: &str) -> Result<Payload, CredentialError> {
    let bytes = b64::decode(payload).ok_or(CredentialError::Malformed)?;
    let p: Payload = serde_json::from_slice(&bytes).map_err(|_| CredentialError::Malformed)?;
    if p.v != PAYLOAD_VERSION {
        return Err(CredentialError::Malformed);
    }
    Ok(p)
}

/// The signing and sealing keys of one tenant's tokens, derived from a
/// 32-byte root secret. `Debug` prints no key material.
pub struct TokenKeys {
    tenant: TenantId,
    signing: Ed25519KeyPair,
    seal: LessSafeKey,
}

impl std::fmt::Debug for TokenKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKeys")
            .field("tenant", &self.tenant)
            .field("keys", &"[redacted]")
            .finish()
    }
}

fn derive(root: &[u8; ROOT_LEN], label: &[u8]) -> Zeroizing<[u8; 32]> {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, root);
    let tag = ring::hmac::sign(&key, label);
    let mut out = Zeroizing::new([0u8; 32]);
    out.copy_from_slice(tag.as_ref());
    out
}

impl TokenKeys {
    /// The token keys of `tenant`, derived from its root secret with
    /// HMAC-SHA-256 under distinct labels (one Ed25519 seed, one AES-256
    /// key). The same root always gives the same keys, so any server
    /// instance and the admin binary agree without storing anything new.
    pub fn from_root(tenant: TenantId, root: &[u8; ROOT_LEN]) -> Result<Self, CredentialError> {
        let seed = derive(root, b"kataloop/credentials/ed25519-signing/v1");
        let seal = derive(root, b"kataloop/credentials/invite-hr-seal/v1");
        let signing =
            Ed25519KeyPair::from_seed_unchecked(&seed[..]).map_err(|_| CredentialError::Crypto)?;
        let seal = LessSafeKey::new(
            UnboundKey::new(&AES_256_GCM, &seal[..]).map_err(|_| CredentialError::Crypto)?,
        );
        Ok(TokenKeys {
            tenant,
            signing,
            seal,
        })
    }

    /// The tenant these keys belong to.
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    /// The Ed25519 public key (32 bytes), for publishing or pinning.
    pub fn public_key(&self) -> [u8; 32] {
        let mut out = [0u8; 32];
        out.copy_from_slice(self.signing.public_key().as_ref());
        out
    }

    /// Issues an employee invite valid from `now` until `invite.expires_at`.
    pub fn issue_invite(
        &self,
        invite: &NewInvite,
        now: i64,
    ) -> Result<IssuedToken, CredentialError> {
        self.check_request(invite.tenant, invite.expires_at, now)?;
        let hr = invite.hr_id.expose();
        if hr.trim().is_empty() || hr.len() > MAX_HR_ID_LEN {
            return Err(CredentialError::InvalidRequest(
                "the HR id is empty or too long",
            ));
        }
        let id = TokenId::random();
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| CredentialError::Crypto)?;
        let mut sealed = hr.as_bytes().to_vec();
        self.seal
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(seal_aad(invite.tenant, id)),
                &mut sealed,
            )
            .map_err(|_| CredentialError::Crypto)?;
        let mut hr_field = nonce.to_vec();
        hr_field.extend_from_slice(&sealed);
        let payload = Payload {
            v: PAYLOAD_VERSION,
            t: *invite.tenant.as_uuid(),
            team: invite.team.map(|t| *t.as_uuid()),
            jti: *id.as_uuid(),
            iat: now,
            exp: invite.expires_at,
            hr: Some(b64::encode(&hr_field)),
        };
        self.sign(TokenKind::Invite, &payload, id)
    }

    /// Issues a manager token valid from `now` until `request.expires_at`.
    pub fn issue_manager(
        &self,
        request: &NewManagerToken,
        now: i64,
    ) -> Result<IssuedToken, CredentialError> {
        self.check_request(request.tenant, request.expires_at, now)?;
        let id = TokenId::random();
        let payload = Payload {
            v: PAYLOAD_VERSION,
            t: *request.tenant.as_uuid(),
            team: request.team.map(|t| *t.as_uuid()),
            jti: *id.as_uuid(),
            iat: now,
            exp: request.expires_at,
            hr: None,
        };
        self.sign(TokenKind::Manager, &payload, id)
    }

    fn check_request(
        &self,
        tenant: TenantId,
        expires_at: i64,
        now: i64,
    ) -> Result<(), CredentialError> {
        if tenant != self.tenant {
            return Err(CredentialError::InvalidRequest(
                "the keys belong to another tenant",
            ));
        }
        if expires_at <= now {
            return Err(CredentialError::InvalidRequest(
                "the expiry is not in the future",
            ));
        }
        Ok(())
    }

    fn sign(
        &self,
        kind: TokenKind,
        payload: &Payload,
        id: TokenId,
    ) -> Result<IssuedToken, CredentialError> {
        let json = serde_json::to_vec(payload).map_err(|_| CredentialError::Crypto)?;
        let signed = format!("{TOKEN_PREFIX}.{}.{}", kind.tag(), b64::encode(&json));
        let signature = self.signing.sign(signed.as_bytes());
        let token = format!("{signed}.{}", b64::encode(signature.as_ref()));
        Ok(IssuedToken {
            token: TokenString::new(token),
            id,
            kind,
            expires_at: payload.exp,
        })
    }

    fn verify(&self, token: &str, kind: TokenKind, now: i64) -> Result<Payload, CredentialError> {
        let parts = split(token)?;
        if parts.kind != kind {
            return Err(CredentialError::WrongKind);
        }
        let signature = b64::decode(parts.signature).ok_or(CredentialError::Malformed)?;
        UnparsedPublicKey::new(&ED25519, self.signing.public_key().as_ref())
            .verify(parts.signed.as_bytes(), &signature)
            .map_err(|_| CredentialError::BadSignature)?;
        let payload = decode_payload(parts.payload)?;
        if TenantId::from_uuid(payload.t) != self.tenant {
            // Signed by these keys for another tenant cannot happen; treat
            // it as a forgery all the same.
            return Err(CredentialError::BadSignature);
        }
        if now >= payload.exp {
            return Err(CredentialError::Expired);
        }
        Ok(payload)
    }

    /// Verifies an invite at time `now` and opens the HR id it carries.
    pub fn verify_invite(&self, token: &str, now: i64) -> Result<Invite, CredentialError> {
        let payload = self.verify(token, TokenKind::Invite, now)?;
        let id = TokenId(payload.jti);
        let field = payload
            .hr
            .as_deref()
            .and_then(b64::decode)
            .ok_or(CredentialError::MissingClaim("hr"))?;
        if field.len() < NONCE_LEN {
            return Err(CredentialError::Malformed);
        }
        let (nonce, sealed) = field.split_at(NONCE_LEN);
        let nonce =
            Nonce::try_assume_unique_for_key(nonce).map_err(|_| CredentialError::Malformed)?;
        let mut buf = Zeroizing::new(sealed.to_vec());
        let plain = self
            .seal
            .open_in_place(nonce, Aad::from(seal_aad(self.tenant, id)), &mut buf)
            .map_err(|_| CredentialError::BadSignature)?;
        let hr = std::str::from_utf8(plain).map_err(|_| CredentialError::Malformed)?;
        Ok(Invite {
            id,
            tenant: self.tenant,
            team: payload.team.map(TeamId::from_uuid),
            hr_id: HrIdSecret::new(hr),
            expires_at: payload.exp,
        })
    }

    /// Verifies a manager token at time `now`. The caller must still check
    /// the store's revocation list for [`ManagerGrant::id`].
    pub fn verify_manager(&self, token: &str, now: i64) -> Result<ManagerGrant, CredentialError> {
        let payload = self.verify(token, TokenKind::Manager, now)?;
        if payload.hr.is_some() {
            return Err(CredentialError::Malformed);
        }
        Ok(ManagerGrant {
            id: TokenId(payload.jti),
            tenant: self.tenant,
            team: payload.team.map(TeamId::from_uuid),
            expires_at: payload.exp,
        })
    }
}

fn seal_aad(tenant: TenantId, id: TokenId) -> Vec<u8> {
    let mut aad = b"kataloop/invite-hr/v1\0".to_vec();
    aad.extend_from_slice(tenant.as_uuid().as_bytes());
    aad.extend_from_slice(id.as_uuid().as_bytes());
    aad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_show_no_hr_id_in_clear() {
        let tenant = TenantId::random();
        let keys = TokenKeys::from_root(tenant, &[3; 32]).unwrap();
        let issued = keys
            .issue_invite(
                &NewInvite {
                    tenant,
                    team: None,
                    hr_id: HrIdSecret::new("EMP-CANARY-4711"),
                    expires_at: 2_000,
                },
                1_000,
            )
            .unwrap();
        let token = issued.token.expose();
        let payload = split(token).unwrap().payload;
        let json = String::from_utf8(b64::decode(payload).unwrap()).unwrap();
        assert!(!json.contains("CANARY"), "{json}");
        assert!(!token.contains("CANARY"));
        assert!(!format!("{issued:?}").contains(token));
    }
}
