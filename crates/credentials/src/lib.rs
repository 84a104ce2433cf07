//! Kataloop's credentials, pure (no I/O, no database):
//!
//! - **Invite tokens** for employees of companies without SSO: issued by the
//!   admin binary, Ed25519-signed, bound to one tenant, optionally to one
//!   team, expiring. The employee's HR id travels *sealed* inside the token
//!   (AES-256-GCM under a key only the tenant's key material yields), so the
//!   token shows no HR id in clear and the server stores no invite table.
//! - **Manager tokens**: tenant, optional team scope, expiry and a token id
//!   that a revocation list (kept by the store) can name.
//! - **OpenID Connect ID tokens** from a tenant's identity provider, verified
//!   against its JWKS document: RS256 and ES256 only (`none` and every HMAC
//!   algorithm are refused), issuer, audience, expiry, not-before and
//!   issued-at checked with a bounded clock skew.
//!
//! Both Kataloop token kinds are verified with [`TokenKeys`], derived from a
//! 32-byte per-tenant root secret (the service derives it from the tenant's
//! keyring). Time is always passed in as Unix seconds, so every rule is
//! testable.
//!
//! Token format: `kl1.<kind>.<payload>.<signature>` where `kind` is `inv`
//! or `mgr`, `payload` is base64url (no padding) JSON and `signature` the
//! base64url Ed25519 signature over `kl1.<kind>.<payload>`.
//!
//! Secrets (tokens, HR ids, keys) never appear in `Debug` output or error
//! messages.
#![forbid(unsafe_code)]

mod b64;
mod error;
mod oidc;
mod secret;
mod tokens;

pub use error::CredentialError;
pub use oidc::{OidcIdentity, OidcProvider, OidcSettings, DEFAULT_LEEWAY_SECS, MAX_JWT_LEN};
pub use secret::{HrIdSecret, TokenString};
pub use tokens::{
    peek_token, Invite, IssuedToken, ManagerGrant, NewInvite, NewManagerToken, TokenId, TokenKeys,
    TokenKind, MAX_TOKEN_LEN, ROOT_LEN, TOKEN_PREFIX,
};
