//! The black-box authorization matrix: every authenticated endpoint, asked
//! with every kind of bad credential, answers with the documented refusal
//! and never with data; and nothing a refused request sent is stored.
//!
//! Credentials tried: none, expired, revoked (managers), forged (another
//! key), altered, an unsigned `alg: none` JWT, the wrong kind (an employee
//! invite where a manager is needed and the reverse), another tenant's
//! valid credential aimed at this tenant's ids, and a team manager aimed
//! at another team.

mod common;

use axum::http::{Method, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use kataloop_credentials::{HrIdSecret, NewInvite, NewManagerToken, TokenKeys};

use common::*;

/// What a refusal must look like.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Refusal {
    status: StatusCode,
    code: &'static str,
}

const UNAUTHENTICATED: Refusal = Refusal {
    status: StatusCode::UNAUTHORIZED,
    code: "unauthenticated",
};
const INVALID: Refusal = Refusal {
    status: StatusCode::UNAUTHORIZED,
    code: "invalid_credential",
};
const EXPIRED: Refusal = Refusal {
    status: StatusCode::UNAUTHORIZED,
    code: "credential_expired",
};
const REVOKED: Refusal = Refusal {
    status: StatusCode::UNAUTHORIZED,
    code: "credential_revoked",
};
const NOT_FOUND: Refusal = Refusal {
    status: StatusCode::NOT_FOUND,
    code: "not_found",
};

/// Keys that words of a successful answer carry; a refusal has none.
const DATA_KEYS: [&str; 6] = ["themes", "release", "alias", "receipt", "question", "id"];

#[tokio::test(flavor = "multi_thread")]
async fn every_endpoint_refuses_every_bad_credential_without_data() {
    let w = world().await;
    submit_and_release(&w, &w.a).await;
    submit_and_release(&w, &w.b).await;

    // A's visible theme (through a valid manager), to aim answers at.
    let themes = call(
        &w.app,
        Method::GET,
        "/api/v1/themes",
        Some(&w.a.manager(None)),
        &[],
        None,
    )
    .await;
    assert_eq!(themes.status, StatusCode::OK);
    let theme_a = themes.json()["themes"][0]["id"]
        .as_str()
        .expect("a visible theme")
        .to_owned();

    let expired_invite =
        w.a.keys
            .issue_invite(
                &NewInvite {
                    tenant: w.a.id,
                    team: None,
                    hr_id: HrIdSecret::new("late"),
                    expires_at: now() - 10,
                },
                now() - 100,
            )
            .unwrap()
            .token
            .expose()
            .to_owned();
    let expired_manager =
        w.a.keys
            .issue_manager(
                &NewManagerToken {
                    tenant: w.a.id,
                    team: None,
                    expires_at: now() - 10,
                },
                now() - 100,
            )
            .unwrap()
            .token
            .expose()
            .to_owned();
    let revoked = w.a.manager_issued(None);
    kataloop_service::credentials::revoke_manager_token(
        &w.db.owner_store(),
        w.a.id,
        *revoked.id.as_uuid(),
        chrono::Utc::now().date_naive(),
    )
    .await
    .unwrap();
    let forger = Tenant {
        id: w.a.id,
        team: w.a.team,
        keys: TokenKeys::from_root(w.a.id, &[9; 32]).unwrap(),
    };
    let alter = |token: String| {
        let mut bytes = token.into_bytes();
        let i = bytes.len() / 2;
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        String::from_utf8(bytes).unwrap()
    };
    let alg_none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(br#"{"iss":"x","aud":"y","exp":9999999999,"sub":"s"}"#)
    );
    // A real second team of tenant A, with a manager of its own.
    let other_team =
        w.db.owner_store()
            .tenant(w.a.id)
            .transaction(|tx| {
                Box::pin(async move {
                    kataloop_store::teams::create(
                        tx,
                        &kataloop_tenancy::DisplayName::new("Sales").unwrap(),
                    )
                    .await
                })
            })
            .await
            .unwrap()
            .id;

    let ride = || Some(conversation("the build is slow and nobody fixes it"));
    let answer_body = || Some(br#"{"text": "We hear you and will fix it."}"#.to_vec());
    let themes_of_a = format!("/api/v1/themes?team={}", w.a.team);
    let respond_to_a = format!("/api/v1/themes/{theme_a}/responses");

    type Case<'a> = (
        &'a str,
        Method,
        String,
        Option<String>,
        Option<Vec<u8>>,
        Refusal,
    );
    let mut cases: Vec<Case> = Vec::new();
    let employee_endpoints = [("/api/v1/guide", "guide"), ("/api/v1/rides", "rides")];
    for (path, _) in employee_endpoints {
        for (what, token, refusal) in [
            ("no credential", None, UNAUTHENTICATED),
            ("expired invite", Some(expired_invite.clone()), EXPIRED),
            ("forged invite", Some(forger.invite("x", None)), INVALID),
            (
                "altered invite",
                Some(alter(w.a.invite("y", None))),
                INVALID,
            ),
            // Without a tenant header this never reaches a verifier; the
            // OIDC verifier's own refusal of `alg: none` is in api.rs.
            (
                "alg none, no tenant header",
                Some(alg_none.clone()),
                INVALID,
            ),
            ("manager token", Some(w.a.manager(None)), INVALID),
        ] {
            cases.push((what, Method::POST, path.to_owned(), token, ride(), refusal));
        }
    }
    let manager_endpoints = [
        (Method::GET, "/api/v1/themes".to_owned(), None),
        (Method::GET, themes_of_a.clone(), None),
        (Method::POST, respond_to_a.clone(), answer_body()),
    ];
    for (method, path, body) in &manager_endpoints {
        for (what, token, refusal) in [
            ("no credential", None, UNAUTHENTICATED),
            (
                "expired manager token",
                Some(expired_manager.clone()),
                EXPIRED,
            ),
            (
                "revoked manager token",
                Some(revoked.token.expose().to_owned()),
                REVOKED,
            ),
            ("forged manager token", Some(forger.manager(None)), INVALID),
            (
                "altered manager token",
                Some(alter(w.a.manager(None))),
                INVALID,
            ),
            // Without a tenant header this never reaches a verifier; the
            // OIDC verifier's own refusal of `alg: none` is in api.rs.
            (
                "alg none, no tenant header",
                Some(alg_none.clone()),
                INVALID,
            ),
            ("employee invite", Some(w.a.invite("z", None)), INVALID),
        ] {
            cases.push((
                what,
                method.clone(),
                path.clone(),
                token,
                body.clone(),
                refusal,
            ));
        }
    }
    // Valid credentials aimed at what they may not see.
    for (what, token) in [
        ("another tenant's manager", w.b.manager(None)),
        ("another team's manager", w.a.manager(Some(other_team))),
    ] {
        cases.push((
            what,
            Method::GET,
            themes_of_a.clone(),
            Some(token.clone()),
            None,
            NOT_FOUND,
        ));
        cases.push((
            what,
            Method::POST,
            respond_to_a.clone(),
            Some(token),
            answer_body(),
            NOT_FOUND,
        ));
    }
    // A receipt is its own credential: another tenant's or a forged one
    // answers like a missing one.
    cases.push((
        "forged receipt",
        Method::GET,
        "/api/v1/receipts/not-a-receipt".to_owned(),
        None,
        None,
        NOT_FOUND,
    ));

    assert!(cases.len() >= 38, "the matrix shrank: {}", cases.len());
    for (what, method, path, token, body, refusal) in cases {
        let answer = call(&w.app, method.clone(), &path, token.as_deref(), &[], body).await;
        let json = answer.json();
        assert_eq!(
            (answer.status, answer.code().as_str()),
            (refusal.status, refusal.code),
            "{what}: {method} {path}"
        );
        for key in DATA_KEYS {
            assert!(
                json.get(key).is_none(),
                "{what}: {method} {path} answered data ({key})"
            );
        }
    }

    // Nothing a refused request sent was stored: A still holds exactly the
    // six rides of `submit_and_release`, and no answer exists anywhere.
    let rides =
        w.db.app_store()
            .tenant(w.a.id)
            .transaction(|tx| Box::pin(async move { kataloop_store::rides::list_ids(tx).await }))
            .await
            .unwrap();
    assert_eq!(rides.len(), APPROVALS.len());
    let admin = kataloop_testkit::TestDatabase::raw_client(&w.db.superuser_url()).await;
    let answers: i64 = admin
        .query_one("SELECT count(*) FROM theme_responses", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(answers, 0, "a refused answer was stored");

    // Positive control: the same two requests with A's own tenant-wide
    // manager succeed, so the 404s above came from the credentials, not
    // from paths that answer 404 to everyone.
    let own = w.a.manager(None);
    let themes = call(&w.app, Method::GET, &themes_of_a, Some(&own), &[], None).await;
    assert_eq!(
        themes.status,
        StatusCode::OK,
        "A's manager reads A's themes"
    );
    let respond = call(
        &w.app,
        Method::POST,
        &respond_to_a,
        Some(&own),
        &[],
        answer_body(),
    )
    .await;
    assert_eq!(
        respond.status,
        StatusCode::CREATED,
        "A's manager answers A's theme"
    );
    let answers: i64 = admin
        .query_one("SELECT count(*) FROM theme_responses", &[])
        .await
        .unwrap()
        .get(0);
    assert_eq!(answers, 1, "only the legitimate answer was stored");
}
