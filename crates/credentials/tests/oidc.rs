//! OpenID Connect ID tokens: RS256 and ES256 against a JWKS document, with
//! issuer, audience, expiry and clock skew checked, and every downgrade
//! refused.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use kataloop_credentials::{CredentialError, OidcProvider, OidcSettings};
use proptest::prelude::*;
use ring::rand::SystemRandom;
use ring::signature::{
    EcdsaKeyPair, KeyPair, RsaKeyPair, RsaPublicKeyComponents, ECDSA_P256_SHA256_FIXED_SIGNING,
    RSA_PKCS1_SHA256,
};
use serde_json::{json, Value};

const NOW: i64 = 1_800_000_000;
const ISS: &str = "https://idp.example.com";
const AUD: &str = "kataloop-client";
const RSA_DER: &[u8] = include_bytes!("fixtures/rsa2048.der");

fn b64(b: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(b)
}

struct Idp {
    ec: EcdsaKeyPair,
    rsa: RsaKeyPair,
}

impl Idp {
    fn new() -> Idp {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
        Idp {
            ec: EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
                .unwrap(),
            rsa: RsaKeyPair::from_der(RSA_DER).unwrap(),
        }
    }

    fn jwks(&self) -> String {
        let point = self.ec.public_key().as_ref();
        let rsa: RsaPublicKeyComponents<Vec<u8>> = self.rsa.public().into();
        json!({"keys": [
            {"kty": "EC", "crv": "P-256", "kid": "ec1", "use": "sig", "alg": "ES256",
             "x": b64(&point[1..33]), "y": b64(&point[33..])},
            {"kty": "RSA", "kid": "rsa1", "alg": "RS256", "n": b64(&rsa.n), "e": b64(&rsa.e)},
            {"kty": "oct", "kid": "hmac", "k": b64(b"a shared secret")}
        ]})
        .to_string()
    }

    fn sign(&self, header: &Value, claims: &Value) -> String {
        let signed = format!(
            "{}.{}",
            b64(header.to_string().as_bytes()),
            b64(claims.to_string().as_bytes())
        );
        let rng = SystemRandom::new();
        let sig = match header["alg"].as_str() {
            Some("ES256") => self
                .ec
                .sign(&rng, signed.as_bytes())
                .unwrap()
                .as_ref()
                .to_vec(),
            Some("RS256") => {
                let mut sig = vec![0; self.rsa.public().modulus_len()];
                self.rsa
                    .sign(&RSA_PKCS1_SHA256, &rng, signed.as_bytes(), &mut sig)
                    .unwrap();
                sig
            }
            Some("HS256") => {
                let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, b"a shared secret");
                ring::hmac::sign(&key, signed.as_bytes()).as_ref().to_vec()
            }
            _ => Vec::new(),
        };
        format!("{signed}.{}", b64(&sig))
    }
}

fn provider(idp: &Idp) -> OidcProvider {
    OidcProvider::new(
        OidcSettings {
            issuer: ISS.into(),
            audience: AUD.into(),
            hr_id_claim: "employee_id".into(),
            leeway_secs: 60,
        },
        &idp.jwks(),
    )
    .unwrap()
}

fn claims(exp: i64) -> Value {
    json!({"iss": ISS, "aud": AUD, "sub": "abc", "employee_id": "E-1001", "iat": NOW - 10, "exp": exp})
}

#[test]
fn es256_and_rs256_tokens_verify() {
    let idp = Idp::new();
    let p = provider(&idp);
    for (alg, kid) in [("ES256", "ec1"), ("RS256", "rsa1")] {
        let token = idp.sign(
            &json!({"alg": alg, "kid": kid, "typ": "JWT"}),
            &claims(NOW + 300),
        );
        assert_eq!(p.verify(&token, NOW).unwrap().hr_id.expose(), "E-1001");
        // Without a kid, the key is found by algorithm.
        let token = idp.sign(&json!({"alg": alg}), &claims(NOW + 300));
        assert!(p.verify(&token, NOW).is_ok());
    }
    let mut array_aud = claims(NOW + 300);
    array_aud["aud"] = json!(["other", AUD]);
    let token = idp.sign(&json!({"alg": "ES256"}), &array_aud);
    assert!(p.verify(&token, NOW).is_ok());
}

#[test]
fn alg_none_and_hmac_are_refused() {
    let idp = Idp::new();
    let p = provider(&idp);
    for alg in [
        "none", "None", "HS256", "HS384", "HS512", "PS256", "RS512", "EdDSA",
    ] {
        let token = idp.sign(&json!({"alg": alg, "kid": "hmac"}), &claims(NOW + 300));
        assert_eq!(
            p.verify(&token, NOW),
            Err(CredentialError::UnsupportedAlgorithm),
            "{alg}"
        );
    }
    // An unsigned token with an empty signature part.
    let unsigned = format!(
        "{}.{}.",
        b64(json!({"alg": "none"}).to_string().as_bytes()),
        b64(claims(NOW + 300).to_string().as_bytes())
    );
    assert_eq!(
        p.verify(&unsigned, NOW),
        Err(CredentialError::UnsupportedAlgorithm)
    );
    // Header claims ES256 but the kid names the RSA key: no such ES256 key.
    let token = idp.sign(&json!({"alg": "ES256", "kid": "rsa1"}), &claims(NOW + 300));
    assert_eq!(p.verify(&token, NOW), Err(CredentialError::UnknownKey));
}

#[test]
fn issuer_audience_and_claims_are_checked() {
    let idp = Idp::new();
    let p = provider(&idp);
    let h = json!({"alg": "ES256"});
    let mut c = claims(NOW + 300);
    c["iss"] = json!("https://evil.example.com");
    assert_eq!(
        p.verify(&idp.sign(&h, &c), NOW),
        Err(CredentialError::WrongIssuer)
    );
    let mut c = claims(NOW + 300);
    c["aud"] = json!("another-client");
    assert_eq!(
        p.verify(&idp.sign(&h, &c), NOW),
        Err(CredentialError::WrongAudience)
    );
    let mut c = claims(NOW + 300);
    c.as_object_mut().unwrap().remove("exp");
    assert_eq!(
        p.verify(&idp.sign(&h, &c), NOW),
        Err(CredentialError::MissingClaim("exp"))
    );
    let mut c = claims(NOW + 300);
    c.as_object_mut().unwrap().remove("employee_id");
    assert_eq!(
        p.verify(&idp.sign(&h, &c), NOW),
        Err(CredentialError::MissingClaim("HR id"))
    );
    let mut c = claims(NOW + 300);
    c["nbf"] = json!(NOW + 61);
    assert_eq!(
        p.verify(&idp.sign(&h, &c), NOW),
        Err(CredentialError::NotYetValid)
    );
    let mut c = claims(NOW + 300);
    c["nbf"] = json!(NOW + 59);
    assert!(
        p.verify(&idp.sign(&h, &c), NOW).is_ok(),
        "within the clock skew"
    );
}

#[test]
fn a_provider_needs_an_asymmetric_key_and_sane_settings() {
    let only_hmac = json!({"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}).to_string();
    let settings = OidcSettings {
        issuer: ISS.into(),
        audience: AUD.into(),
        hr_id_claim: "sub".into(),
        leeway_secs: 60,
    };
    assert!(matches!(
        OidcProvider::new(settings.clone(), &only_hmac),
        Err(CredentialError::InvalidProvider(_))
    ));
    assert!(matches!(
        OidcProvider::new(settings.clone(), "not json"),
        Err(CredentialError::InvalidProvider(_))
    ));
    let idp = Idp::new();
    let lax = OidcSettings {
        leeway_secs: 3600,
        ..settings
    };
    assert!(matches!(
        OidcProvider::new(lax, &idp.jwks()),
        Err(CredentialError::InvalidProvider(_))
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// An ID token is refused once `now` reaches `exp` plus the allowed
    /// clock skew, and accepted before.
    #[test]
    fn expiry_honours_exactly_the_clock_skew(exp_offset in -100_000i64..100_000) {
        let idp = Idp::new();
        let p = provider(&idp);
        let token = idp.sign(&json!({"alg": "ES256"}), &claims(NOW + exp_offset));
        let result = p.verify(&token, NOW);
        if NOW >= NOW + exp_offset + 60 {
            prop_assert_eq!(result, Err(CredentialError::Expired));
        } else {
            prop_assert!(result.is_ok());
        }
    }

    /// Changing any one character of a valid ID token (RS256 or ES256) makes
    /// it refused.
    #[test]
    fn altered_id_tokens_are_refused(pos in any::<prop::sample::Index>(), with in any::<prop::sample::Index>(), rsa in any::<bool>()) {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        let idp = Idp::new();
        let p = provider(&idp);
        let alg = if rsa { "RS256" } else { "ES256" };
        let token = idp.sign(&json!({"alg": alg}), &claims(NOW + 300));
        let mut bytes = token.into_bytes();
        let i = pos.index(bytes.len());
        let c = ALPHABET[with.index(ALPHABET.len())];
        prop_assume!(bytes[i] != c);
        bytes[i] = c;
        prop_assert!(p.verify(&String::from_utf8(bytes).unwrap(), NOW).is_err());
    }

    /// A token signed by another identity provider's key is refused, even
    /// with the right issuer, audience and kid, whatever its claims say.
    #[test]
    fn tokens_of_another_key_are_refused(hr in "[a-zA-Z0-9-]{1,20}", exp_offset in 1i64..100_000) {
        let idp = Idp::new();
        let p = provider(&idp);
        let impostor = Idp::new();
        let mut c = claims(NOW + exp_offset);
        c["employee_id"] = json!(hr);
        let token = impostor.sign(&json!({"alg": "ES256", "kid": "ec1"}), &c);
        prop_assert_eq!(p.verify(&token, NOW), Err(CredentialError::BadSignature));
    }
}
