//! OpenID Connect ID-token verification on arbitrary strings, against a
//! provider with RS256 and ES256 keys: never panics and never accepts a
//! token without a valid signature (which the fuzzer cannot make).
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use kataloop_credentials::{OidcProvider, OidcSettings};
use libfuzzer_sys::fuzz_target;
use ring::signature::{KeyPair, RsaKeyPair, RsaPublicKeyComponents};

const NOW: i64 = 1_800_000_000;

fn provider() -> OidcProvider {
    let rsa = RsaKeyPair::from_der(include_bytes!(
        "../../crates/credentials/tests/fixtures/rsa2048.der"
    ))
    .expect("fixture key");
    let public: RsaPublicKeyComponents<Vec<u8>> = rsa.public().into();
    let b64 = |b: &[u8]| URL_SAFE_NO_PAD.encode(b);
    // A fixed P-256 point (the generator) stands in for an EC key.
    let x = "axfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpY";
    let y = "T-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU";
    let jwks = format!(
        r#"{{"keys":[{{"kty":"RSA","kid":"rsa1","alg":"RS256","n":"{}","e":"{}"}},
            {{"kty":"EC","crv":"P-256","kid":"ec1","alg":"ES256","x":"{x}","y":"{y}"}}]}}"#,
        b64(&public.n),
        b64(&public.e)
    );
    let _ = rsa.public_key();
    OidcProvider::new(
        OidcSettings {
            issuer: "https://idp.example.com".into(),
            audience: "kataloop-client".into(),
            hr_id_claim: "employee_id".into(),
            leeway_secs: 60,
        },
        &jwks,
    )
    .expect("provider")
}

fuzz_target!(|data: &[u8]| {
    thread_local! {
        static PROVIDER: OidcProvider = provider();
    }
    let Ok(token) = std::str::from_utf8(data) else {
        return;
    };
    PROVIDER.with(|p| assert!(p.verify(token, NOW).is_err()));
});
