//! OpenID Connect ID-token verification against a tenant's JWKS document.
//!
//! Accepted: RS256 (RSA 2048–8192 bits, PKCS#1 v1.5) and ES256 (P-256).
//! Refused: `none`, every HMAC algorithm (`HS*`, which would let a public
//! key act as a shared secret), and anything else. The key set is given as
//! a document (the admin binary stores it per tenant), so verification
//! never fetches anything.

use ring::signature::{
    RsaPublicKeyComponents, UnparsedPublicKey, ECDSA_P256_SHA256_FIXED, RSA_PKCS1_2048_8192_SHA256,
};
use serde::Deserialize;
use serde_json::Value;

use crate::b64;
use crate::error::CredentialError;
use crate::secret::HrIdSecret;

/// Longer ID tokens are refused before any parsing.
pub const MAX_JWT_LEN: usize = 16 * 1024;
/// Default allowed clock skew between the identity provider and us.
pub const DEFAULT_LEEWAY_SECS: u32 = 60;
/// The largest clock skew a tenant may configure.
const MAX_LEEWAY_SECS: u32 = 300;
const MAX_KEYS: usize = 32;

/// A tenant's identity-provider settings (configured with the admin binary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcSettings {
    /// Exact `iss` value expected.
    pub issuer: String,
    /// The `aud` value (client id) that must be present.
    pub audience: String,
    /// The claim that holds the employee's HR id (for example `sub`,
    /// `email` or `employee_id`).
    pub hr_id_claim: String,
    /// Allowed clock skew in seconds (at most 300).
    pub leeway_secs: u32,
}

/// A tenant's identity provider, ready to verify ID tokens.
#[derive(Debug, Clone)]
pub struct OidcProvider {
    settings: OidcSettings,
    keys: Vec<ProviderKey>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alg {
    Rs256,
    Es256,
}

#[derive(Debug, Clone)]
struct ProviderKey {
    kid: Option<String>,
    alg: Alg,
    material: Material,
}

#[derive(Debug, Clone)]
enum Material {
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    /// Uncompressed SEC1 point (0x04 || x || y).
    P256(Vec<u8>),
}

/// Who an ID token says the employee is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcIdentity {
    /// The value of the configured HR id claim.
    pub hr_id: HrIdSecret,
}

#[derive(Deserialize)]
struct JwkSet {
    keys: Vec<Jwk>,
}

#[derive(Deserialize)]
struct Jwk {
    kty: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    alg: Option<String>,
    #[serde(default, rename = "use")]
    use_: Option<String>,
    #[serde(default)]
    n: Option<String>,
    #[serde(default)]
    e: Option<String>,
    #[serde(default)]
    crv: Option<String>,
    #[serde(default)]
    x: Option<String>,
    #[serde(default)]
    y: Option<String>,
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    crit: Option<Value>,
}

fn parse_key(jwk: Jwk) -> Result<Option<ProviderKey>, CredentialError> {
    if jwk.use_.as_deref().is_some_and(|u| u != "sig") {
        return Ok(None);
    }
    let (alg, material) = match jwk.kty.as_str() {
        "RSA" => {
            if jwk.alg.as_deref().is_some_and(|a| a != "RS256") {
                return Ok(None);
            }
            let n = jwk.n.as_deref().and_then(b64::decode);
            let e = jwk.e.as_deref().and_then(b64::decode);
            let (Some(n), Some(e)) = (n, e) else {
                return Err(CredentialError::InvalidProvider("an RSA key lacks n or e"));
            };
            (Alg::Rs256, Material::Rsa { n, e })
        }
        "EC" => {
            if jwk.alg.as_deref().is_some_and(|a| a != "ES256")
                || jwk.crv.as_deref() != Some("P-256")
            {
                return Ok(None);
            }
            let x = jwk.x.as_deref().and_then(b64::decode);
            let y = jwk.y.as_deref().and_then(b64::decode);
            let (Some(x), Some(y)) = (x, y) else {
                return Err(CredentialError::InvalidProvider("an EC key lacks x or y"));
            };
            if x.len() != 32 || y.len() != 32 {
                return Err(CredentialError::InvalidProvider(
                    "an EC key is not on P-256",
                ));
            }
            let mut point = vec![4u8];
            point.extend_from_slice(&x);
            point.extend_from_slice(&y);
            (Alg::Es256, Material::P256(point))
        }
        // Symmetric ("oct") and other key types are never used.
        _ => return Ok(None),
    };
    Ok(Some(ProviderKey {
        kid: jwk.kid,
        alg,
        material,
    }))
}

fn number(
    claims: &serde_json::Map<String, Value>,
    name: &'static str,
) -> Result<Option<i64>, CredentialError> {
    match claims.get(name) {
        None => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))
            .map(Some)
            .ok_or(CredentialError::MissingClaim(name)),
        Some(_) => Err(CredentialError::MissingClaim(name)),
    }
}

impl OidcProvider {
    /// Checks the settings and parses the JWKS document. Keys of other
    /// types or uses are ignored; a set without any usable key is refused.
    pub fn new(settings: OidcSettings, jwks_json: &str) -> Result<Self, CredentialError> {
        if settings.issuer.is_empty()
            || settings.audience.is_empty()
            || settings.hr_id_claim.is_empty()
        {
            return Err(CredentialError::InvalidProvider(
                "issuer, audience and HR id claim are required",
            ));
        }
        if settings.leeway_secs > MAX_LEEWAY_SECS {
            return Err(CredentialError::InvalidProvider(
                "clock skew above 300 seconds",
            ));
        }
        let set: JwkSet = serde_json::from_str(jwks_json)
            .map_err(|_| CredentialError::InvalidProvider("the JWKS document is not valid JSON"))?;
        if set.keys.len() > MAX_KEYS {
            return Err(CredentialError::InvalidProvider(
                "too many keys in the JWKS document",
            ));
        }
        let mut keys = Vec::new();
        for jwk in set.keys {
            if let Some(key) = parse_key(jwk)? {
                keys.push(key);
            }
        }
        if keys.is_empty() {
            return Err(CredentialError::InvalidProvider(
                "no RS256 or ES256 signing key",
            ));
        }
        Ok(OidcProvider { settings, keys })
    }

    /// The settings this provider checks.
    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    /// Verifies an ID token at time `now` (Unix seconds): signature first,
    /// then issuer, audience, expiry (required), not-before and issued-at,
    /// each with the configured clock skew; then reads the HR id claim.
    pub fn verify(&self, token: &str, now: i64) -> Result<OidcIdentity, CredentialError> {
        if token.len() > MAX_JWT_LEN || !token.is_ascii() {
            return Err(CredentialError::Malformed);
        }
        let mut it = token.split('.');
        let (Some(h), Some(p), Some(s), None) = (it.next(), it.next(), it.next(), it.next()) else {
            return Err(CredentialError::Malformed);
        };
        let header: Header = b64::decode(h)
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or(CredentialError::Malformed)?;
        if header.crit.is_some() {
            return Err(CredentialError::Malformed);
        }
        let alg = match header.alg.as_str() {
            "RS256" => Alg::Rs256,
            "ES256" => Alg::Es256,
            _ => return Err(CredentialError::UnsupportedAlgorithm),
        };
        let signature = b64::decode(s).ok_or(CredentialError::Malformed)?;
        let signed = &token.as_bytes()[..h.len() + 1 + p.len()];
        let mut candidates = self
            .keys
            .iter()
            .filter(|k| k.alg == alg)
            .filter(|k| header.kid.is_none() || k.kid == header.kid)
            .peekable();
        if candidates.peek().is_none() {
            return Err(CredentialError::UnknownKey);
        }
        let verified = candidates.any(|k| match &k.material {
            Material::Rsa { n, e } => RsaPublicKeyComponents { n, e }
                .verify(&RSA_PKCS1_2048_8192_SHA256, signed, &signature)
                .is_ok(),
            Material::P256(point) => UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point)
                .verify(signed, &signature)
                .is_ok(),
        });
        if !verified {
            return Err(CredentialError::BadSignature);
        }
        let claims: serde_json::Map<String, Value> = b64::decode(p)
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or(CredentialError::Malformed)?;
        match claims.get("iss") {
            Some(Value::String(iss)) if *iss == self.settings.issuer => {}
            Some(Value::String(_)) => return Err(CredentialError::WrongIssuer),
            _ => return Err(CredentialError::MissingClaim("iss")),
        }
        let audience_ok = match claims.get("aud") {
            Some(Value::String(aud)) => *aud == self.settings.audience,
            Some(Value::Array(auds)) => auds
                .iter()
                .any(|a| a.as_str() == Some(self.settings.audience.as_str())),
            _ => return Err(CredentialError::MissingClaim("aud")),
        };
        if !audience_ok {
            return Err(CredentialError::WrongAudience);
        }
        let leeway = i64::from(self.settings.leeway_secs);
        let exp = number(&claims, "exp")?.ok_or(CredentialError::MissingClaim("exp"))?;
        if now >= exp.saturating_add(leeway) {
            return Err(CredentialError::Expired);
        }
        for name in ["nbf", "iat"] {
            if let Some(t) = number(&claims, name)? {
                if t > now.saturating_add(leeway) {
                    return Err(CredentialError::NotYetValid);
                }
            }
        }
        let hr_id = match claims.get(self.settings.hr_id_claim.as_str()) {
            Some(Value::String(v)) if !v.trim().is_empty() => HrIdSecret::new(v.as_str()),
            _ => return Err(CredentialError::MissingClaim("HR id")),
        };
        Ok(OidcIdentity { hr_id })
    }
}
