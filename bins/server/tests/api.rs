//! The HTTP API in-process against a fresh PostgreSQL database: every
//! endpoint's happy path and errors, authentication refusals, and
//! guarantee 21 (another tenant's id answers exactly like a missing one).

use axum::http::{Method, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use kataloop_credentials::TokenKeys;
use kataloop_server::hygiene::RateLimit;
use serde_json::json;

mod common;
use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn health_readiness_metrics_and_openapi() {
    let w = world().await;
    let h = call(&w.app, Method::GET, "/healthz", None, &[], None).await;
    assert_eq!(h.status, StatusCode::OK);
    assert_eq!(h.json()["status"], "ok");
    let r = call(&w.app, Method::GET, "/readyz", None, &[], None).await;
    assert_eq!(r.status, StatusCode::OK);
    let token = w.a.invite("emp-metrics", None);
    call(
        &w.app,
        Method::POST,
        "/api/v1/rides",
        Some(&token),
        &[],
        Some(conversation("the build is slow and flaky")),
    )
    .await;
    let m = call(&w.app, Method::GET, "/metrics", None, &[], None).await;
    let text = String::from_utf8(m.body).unwrap();
    assert!(text.contains("kataloop_http_requests_total{route=\"/api/v1/rides\",method=\"POST\",status=\"2xx\"} 1"), "{text}");
    assert!(text.contains("kataloop_rides_stored_total 1"));
    assert!(
        !text.contains(&w.a.id.to_string()),
        "no tenant id in metrics"
    );
    let o = call(&w.app, Method::GET, "/api/v1/openapi.json", None, &[], None).await;
    assert_eq!(o.json()["openapi"], "3.1.0");
}

/// The OpenAPI document lists exactly the routes the router serves.
#[test]
fn openapi_lists_exactly_the_routes() {
    let doc = kataloop_server::openapi::document();
    let mut documented: Vec<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect();
    documented.sort();
    let mut served: Vec<(String, String)> = kataloop_server::ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    served.sort();
    assert_eq!(documented, served);
}

#[tokio::test(flavor = "multi_thread")]
async fn guide_ride_and_receipt_happy_path() {
    let w = world().await;
    let token = w.a.invite("emp-1", Some(w.a.team));
    let g = call(
        &w.app,
        Method::POST,
        "/api/v1/guide",
        Some(&token),
        &[],
        Some(conversation("my workload is crushing me")),
    )
    .await;
    assert_eq!(g.status, StatusCode::OK);
    assert!(g.json()["question"].is_string(), "{:?}", g.json());
    let r = call(
        &w.app,
        Method::POST,
        "/api/v1/rides",
        Some(&token),
        &[],
        Some(conversation("my workload is crushing me")),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let alias = r.json()["alias"].as_str().unwrap().to_owned();
    let receipt = r.json()["receipt"].as_str().unwrap().to_owned();
    let got = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/receipts/{receipt}"),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.json(), json!({"alias": alias, "responses": []}));
}

#[tokio::test(flavor = "multi_thread")]
async fn ride_limits_and_malformed_bodies() {
    let w = world().await;
    let token = w.a.invite("emp-2", None);
    let many: Vec<_> = (0..9)
        .map(|_| json!({"role": "employee", "text": "x"}))
        .collect();
    let cases: Vec<(Vec<u8>, StatusCode, &str)> = vec![
        (
            json!({"conversation": many}).to_string().into_bytes(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_many_turns",
        ),
        (
            conversation(&"x".repeat(4001)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "turn_too_long",
        ),
        (
            json!({"conversation": [{"role": "guide", "text": "hi"}]})
                .to_string()
                .into_bytes(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "empty_conversation",
        ),
        (
            b"{not json".to_vec(),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            json!({"conversation": [], "team": "x"})
                .to_string()
                .into_bytes(),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            vec![b' '; kataloop_server::BODY_LIMIT + 1],
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
        ),
    ];
    for (body, status, code) in cases {
        let a = call(
            &w.app,
            Method::POST,
            "/api/v1/rides",
            Some(&token),
            &[],
            Some(body),
        )
        .await;
        assert_eq!((a.status, a.code().as_str()), (status, code));
    }
    let wrong = call(
        &w.app,
        Method::GET,
        "/api/v1/rides",
        Some(&token),
        &[],
        None,
    )
    .await;
    assert_eq!(
        (wrong.status, wrong.code().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    let nowhere = call(&w.app, Method::GET, "/nowhere", None, &[], None).await;
    assert_eq!(
        (nowhere.status, nowhere.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn authentication_refusals() {
    let w = world().await;
    let ride = || Some(conversation("the build is slow"));
    let post = |token: Option<String>| {
        let app = w.app.clone();
        async move {
            call(
                &app,
                Method::POST,
                "/api/v1/rides",
                token.as_deref(),
                &[],
                ride(),
            )
            .await
        }
    };
    assert_eq!(post(None).await.code(), "unauthenticated");
    // Forged: same claims, keys from another root.
    let forger = common::Tenant {
        id: w.a.id,
        team: w.a.team,
        keys: TokenKeys::from_root(w.a.id, &[9; 32]).unwrap(),
    };
    assert_eq!(
        post(Some(forger.invite("emp-x", None))).await.code(),
        "invalid_credential"
    );
    // Altered: one character of the payload changed.
    let mut altered = w.a.invite("emp-y", None).into_bytes();
    altered[12] = if altered[12] == b'A' { b'B' } else { b'A' };
    assert_eq!(
        post(Some(String::from_utf8(altered).unwrap())).await.code(),
        "invalid_credential"
    );
    // Expired.
    let expired =
        w.a.keys
            .issue_invite(
                &kataloop_credentials::NewInvite {
                    tenant: w.a.id,
                    team: None,
                    hr_id: kataloop_credentials::HrIdSecret::new("emp-z"),
                    expires_at: now() - 10,
                },
                now() - 100,
            )
            .unwrap();
    assert_eq!(
        post(Some(expired.token.expose().to_owned())).await.code(),
        "credential_expired"
    );
    // A manager token is no employee credential, and the reverse.
    assert_eq!(
        post(Some(w.a.manager(None))).await.code(),
        "invalid_credential"
    );
    let themes = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&w.a.invite("emp-q", None)),
        &[],
        None,
    )
    .await;
    assert_eq!(themes.code(), "invalid_credential");
    // A token claiming a tenant that does not exist.
    let ghost_id = kataloop_tenancy::TenantId::random();
    let ghost = common::Tenant {
        id: ghost_id,
        team: w.a.team,
        keys: TokenKeys::from_root(ghost_id, &[1; 32]).unwrap(),
    };
    assert_eq!(
        post(Some(ghost.invite("emp-g", None))).await.code(),
        "invalid_credential"
    );
    // OIDC without configuration, and alg none.
    let none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#),
        URL_SAFE_NO_PAD.encode(br#"{"iss":"x","aud":"y","exp":9999999999,"sub":"s"}"#)
    );
    let a = call(
        &w.app,
        Method::POST,
        "/api/v1/rides",
        Some(&none),
        &[("kataloop-tenant", &w.a.id.to_string())],
        ride(),
    )
    .await;
    assert_eq!(
        (a.status, a.code().as_str()),
        (StatusCode::UNAUTHORIZED, "invalid_credential")
    );
    // Revoked manager token.
    let issued = w.a.manager_issued(None);
    let ok = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(issued.token.expose()),
        &[],
        None,
    )
    .await;
    assert_eq!(ok.status, StatusCode::OK);
    kataloop_service::credentials::revoke_manager_token(
        &w.db.owner_store(),
        w.a.id,
        *issued.id.as_uuid(),
        chrono::Utc::now().date_naive(),
    )
    .await
    .unwrap();
    let revoked = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(issued.token.expose()),
        &[],
        None,
    )
    .await;
    assert_eq!(
        (revoked.status, revoked.code().as_str()),
        (StatusCode::UNAUTHORIZED, "credential_revoked")
    );
    // Nothing was stored by any refused request.
    let rides =
        w.db.app_store()
            .tenant(w.a.id)
            .transaction(|tx| Box::pin(async move { kataloop_store::rides::list_ids(tx).await }))
            .await
            .unwrap();
    assert!(rides.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn oidc_id_tokens_authenticate_employees_of_their_tenant_only() {
    use ring::rand::SystemRandom;
    use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
    let w = world().await;
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
    let key =
        EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng).unwrap();
    let point = key.public_key().as_ref();
    let jwks = json!({"keys": [{"kty": "EC", "crv": "P-256", "kid": "k1",
        "x": URL_SAFE_NO_PAD.encode(&point[1..33]), "y": URL_SAFE_NO_PAD.encode(&point[33..])}]});
    kataloop_service::credentials::set_oidc_settings(
        &w.db.owner_store(),
        w.a.id,
        kataloop_store::credentials::OidcSettingsRow {
            issuer: "https://idp.a.example".into(),
            audience: "kataloop".into(),
            hr_id_claim: "employee_id".into(),
            leeway_secs: 60,
            jwks: jwks.to_string(),
        },
    )
    .await
    .unwrap();
    let sign = |claims: serde_json::Value| {
        let signed = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(json!({"alg": "ES256", "kid": "k1"}).to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let sig = key.sign(&rng, signed.as_bytes()).unwrap();
        format!("{signed}.{}", URL_SAFE_NO_PAD.encode(sig.as_ref()))
    };
    let good = sign(
        json!({"iss": "https://idp.a.example", "aud": "kataloop", "exp": now() + 300, "employee_id": "E-7"}),
    );
    let a_header = w.a.id.to_string();
    let ok = call(
        &w.app,
        Method::POST,
        "/api/v1/rides",
        Some(&good),
        &[("kataloop-tenant", &a_header)],
        Some(conversation("meetings all day")),
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{:?}", ok.json());
    // The same token presented for tenant B: B has no such provider.
    let b_header = w.b.id.to_string();
    let other = call(
        &w.app,
        Method::POST,
        "/api/v1/rides",
        Some(&good),
        &[("kataloop-tenant", &b_header)],
        Some(conversation("meetings all day")),
    )
    .await;
    assert_eq!(other.code(), "invalid_credential");
    let expired = sign(
        json!({"iss": "https://idp.a.example", "aud": "kataloop", "exp": now() - 120, "employee_id": "E-7"}),
    );
    let e = call(
        &w.app,
        Method::POST,
        "/api/v1/rides",
        Some(&expired),
        &[("kataloop-tenant", &a_header)],
        Some(conversation("x y z")),
    )
    .await;
    assert_eq!(e.code(), "credential_expired");
    // With a provider configured, an unsigned token (`alg: none`) and one
    // whose payload was altered after signing are refused, not trusted.
    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(json!({"alg": "none", "kid": "k1"}).to_string()),
        URL_SAFE_NO_PAD.encode(
            json!({"iss": "https://idp.a.example", "aud": "kataloop", "exp": now() + 300, "employee_id": "E-8"})
                .to_string()
        )
    );
    let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
    parts[1] = URL_SAFE_NO_PAD.encode(
        json!({"iss": "https://idp.a.example", "aud": "kataloop", "exp": now() + 300, "employee_id": "E-9"})
            .to_string(),
    );
    let altered = parts.join(".");
    for (what, token) in [("alg none", unsigned), ("altered payload", altered)] {
        let r = call(
            &w.app,
            Method::POST,
            "/api/v1/rides",
            Some(&token),
            &[("kataloop-tenant", &a_header)],
            Some(conversation("x y z")),
        )
        .await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNAUTHORIZED, "invalid_credential"),
            "{what}"
        );
    }
}

/// A query string axum cannot read (a repeated parameter) is refused with
/// the API's own JSON error, which never quotes the input (guarantee 23),
/// not axum's plain-text rejection.
#[tokio::test(flavor = "multi_thread")]
async fn a_bad_query_string_is_a_json_error_that_quotes_nothing() {
    let w = world().await;
    let manager = w.a.manager(None);
    let r = call(
        &w.app,
        Method::GET,
        "/api/v1/themes?team=CANARYQUERY&team=CANARYQUERY",
        Some(&manager),
        &[],
        None,
    )
    .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::BAD_REQUEST, "invalid_request")
    );
    assert!(!String::from_utf8_lossy(&r.body).contains("CANARYQUERY"));
}

/// Guarantee 21: another tenant's team, theme or receipt answers exactly
/// like one that does not exist, byte for byte.
#[tokio::test(flavor = "multi_thread")]
async fn guarantee_21_foreign_ids_answer_like_missing_ones() {
    let w = world().await;
    let receipts_a = submit_and_release(&w, &w.a).await;
    let receipts_b = submit_and_release(&w, &w.b).await;
    let manager_a = w.a.manager(None);

    let themes = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&manager_a),
        &[],
        None,
    )
    .await;
    assert_eq!(themes.status, StatusCode::OK);
    let body = themes.json();
    let theme_a = body["themes"][0]["id"]
        .as_str()
        .expect("a visible theme")
        .to_owned();
    assert!(body["themes"][0]["contributor_count"].as_u64().unwrap() >= 5);
    assert!(body["release"]["released_on"].as_str().unwrap().len() == 10);
    let team_view = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/themes?team={}", w.a.team),
        Some(&manager_a),
        &[],
        None,
    )
    .await;
    assert_eq!(team_view.status, StatusCode::OK);

    let missing_team = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/themes?team={}", kataloop_tenancy::TeamId::random()),
        Some(&manager_a),
        &[],
        None,
    )
    .await;
    let foreign_team = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/themes?team={}", w.b.team),
        Some(&manager_a),
        &[],
        None,
    )
    .await;
    assert_eq!(missing_team.status, StatusCode::NOT_FOUND);
    assert_eq!(
        (foreign_team.status, &foreign_team.body),
        (missing_team.status, &missing_team.body)
    );
    // A team-scoped manager asking for the tenant's other scope... or a foreign team.
    let scoped = w.a.manager(Some(w.a.team));
    let outside = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/themes?team={}", w.b.team),
        Some(&scoped),
        &[],
        None,
    )
    .await;
    assert_eq!(
        (outside.status, &outside.body),
        (missing_team.status, &missing_team.body)
    );

    // Answers: to a visible theme of one's own tenant, yes; to B's theme or
    // an unknown id, the same 404.
    let theme_b = {
        let t = call(
            &w.app,
            Method::GET,
            "/api/v1/themes",
            Some(&w.b.manager(None)),
            &[],
            None,
        )
        .await;
        t.json()["themes"][0]["id"].as_str().unwrap().to_owned()
    };
    let answer = json!({"text": "We removed one approval step."})
        .to_string()
        .into_bytes();
    let ok = call(
        &w.app,
        Method::POST,
        &format!("/api/v1/themes/{theme_a}/responses"),
        Some(&manager_a),
        &[],
        Some(answer.clone()),
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{:?}", ok.json());
    let foreign = call(
        &w.app,
        Method::POST,
        &format!("/api/v1/themes/{theme_b}/responses"),
        Some(&manager_a),
        &[],
        Some(answer.clone()),
    )
    .await;
    let missing = call(
        &w.app,
        Method::POST,
        &format!(
            "/api/v1/themes/{}/responses",
            kataloop_tenancy::ThemeId::random()
        ),
        Some(&manager_a),
        &[],
        Some(answer.clone()),
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(
        (foreign.status, &foreign.body),
        (missing.status, &missing.body)
    );
    let empty = call(
        &w.app,
        Method::POST,
        &format!("/api/v1/themes/{theme_a}/responses"),
        Some(&manager_a),
        &[],
        Some(br#"{"text":"  "}"#.to_vec()),
    )
    .await;
    assert_eq!(empty.code(), "invalid_request");

    // Receipts: A's employee sees the answer; B's receipt shows B's ride
    // only; a receipt re-labelled with the other tenant's id is unknown.
    let mine = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/receipts/{}", receipts_a[0]),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(
        mine.json()["responses"][0]["text"],
        "We removed one approval step."
    );
    let theirs = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/receipts/{}", receipts_b[0]),
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(theirs.json()["responses"], json!([]));
    let mut bytes = URL_SAFE_NO_PAD.decode(&receipts_b[0]).unwrap();
    bytes[..16].copy_from_slice(w.a.id.as_uuid().as_bytes());
    let relabelled = URL_SAFE_NO_PAD.encode(&bytes);
    let moved = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/receipts/{relabelled}"),
        None,
        &[],
        None,
    )
    .await;
    let unknown = call(
        &w.app,
        Method::GET,
        &format!("/api/v1/receipts/{}", URL_SAFE_NO_PAD.encode([7u8; 48])),
        None,
        &[],
        None,
    )
    .await;
    let garbage = call(
        &w.app,
        Method::GET,
        "/api/v1/receipts/not-a-receipt",
        None,
        &[],
        None,
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!((moved.status, &moved.body), (unknown.status, &unknown.body));
    assert_eq!(
        (garbage.status, &garbage.body),
        (unknown.status, &unknown.body)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn rate_limits_answer_429_with_retry_after() {
    let w = world_with(RateLimit {
        per_minute: 1,
        burst: 2,
    })
    .await;
    let token = w.a.manager(None);
    for _ in 0..2 {
        let ok = call(
            &w.app,
            Method::GET,
            "/api/v1/themes",
            Some(&token),
            &[],
            None,
        )
        .await;
        assert_eq!(ok.status, StatusCode::OK);
    }
    let limited = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&token),
        &[],
        None,
    )
    .await;
    assert_eq!(
        (limited.status, limited.code().as_str()),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited")
    );
    let wait: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait));
    // Another credential is not affected.
    let other = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&w.a.manager(None)),
        &[],
        None,
    )
    .await;
    assert_eq!(other.status, StatusCode::OK);
}

/// Guarantee 24 (headers part; TLS is in `tls.rs`): every response, errors
/// included, carries HSTS, CSP, Referrer-Policy, nosniff and no framing.
#[tokio::test(flavor = "multi_thread")]
async fn guarantee_24_security_headers_on_every_response() {
    let w = world().await;
    for (method, uri) in [
        (Method::GET, "/healthz"),
        (Method::GET, "/nowhere"),
        (Method::GET, "/api/v1/themes"),
        (Method::POST, "/api/v1/rides"),
        (Method::GET, "/api/v1/receipts/x"),
        (Method::GET, "/metrics"),
    ] {
        let a = call(&w.app, method, uri, None, &[], None).await;
        let h = |n: &str| {
            a.headers
                .get(n)
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default()
        };
        assert!(
            h("strict-transport-security").contains("includeSubDomains"),
            "{uri}"
        );
        let max_age: u64 = h("strict-transport-security")
            .trim_start_matches("max-age=")
            .split(';')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(max_age >= 31_536_000);
        let csp = h("content-security-policy");
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert_eq!(h("referrer-policy"), "no-referrer");
        assert_eq!(h("x-content-type-options"), "nosniff");
    }
}

/// Every manager dashboard view lands in the tenant's audit chain with the
/// viewer's token id, the scope and the release id — never the token.
#[tokio::test(flavor = "multi_thread")]
async fn manager_views_are_audit_logged_by_token_id() {
    let w = world().await;
    submit_and_release(&w, &w.a).await;
    let issued = w.a.manager_issued(None);
    let token = issued.token.expose().to_owned();
    for path in [
        "/api/v1/themes".to_owned(),
        format!("/api/v1/themes?team={}", w.a.team),
    ] {
        let r = call(&w.app, Method::GET, &path, Some(&token), &[], None).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let events = kataloop_service::audit::list(&w.db.owner_store(), Some(w.a.id))
        .await
        .unwrap();
    let views: Vec<_> = events
        .iter()
        .filter(|e| e.action == "manager.view")
        .collect();
    assert_eq!(views.len(), 2);
    let viewer = format!("manager-token:{}", issued.id.as_uuid());
    assert!(views.iter().all(|e| e.actor == viewer));
    assert_eq!(views[0].details["scope"], "tenant");
    assert_eq!(views[1].details["scope"], w.a.team.to_string());
    assert!(views[0].details["release_id"].is_string());
    let all =
        serde_json::to_string(&events.iter().map(|e| &e.details).collect::<Vec<_>>()).unwrap();
    assert!(!all.contains(&token));
}
