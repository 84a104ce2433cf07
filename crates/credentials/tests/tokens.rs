//! Invite and manager tokens: what verifies, and everything that must not.

use kataloop_credentials::{
    peek_token, CredentialError, HrIdSecret, NewInvite, NewManagerToken, TokenKeys, TokenKind,
};
use kataloop_tenancy::{TeamId, TenantId};
use proptest::prelude::*;

const NOW: i64 = 1_800_000_000;
const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

fn keys(tenant: TenantId, root: u8) -> TokenKeys {
    TokenKeys::from_root(tenant, &[root; 32]).unwrap()
}

fn invite(keys: &TokenKeys, team: Option<TeamId>, hr: &str, ttl: i64) -> String {
    keys.issue_invite(
        &NewInvite {
            tenant: keys.tenant(),
            team,
            hr_id: HrIdSecret::new(hr),
            expires_at: NOW + ttl,
        },
        NOW,
    )
    .unwrap()
    .token
    .expose()
    .to_owned()
}

fn manager(keys: &TokenKeys, team: Option<TeamId>, ttl: i64) -> String {
    keys.issue_manager(
        &NewManagerToken {
            tenant: keys.tenant(),
            team,
            expires_at: NOW + ttl,
        },
        NOW,
    )
    .unwrap()
    .token
    .expose()
    .to_owned()
}

fn uuid_strategy() -> impl Strategy<Value = uuid::Uuid> {
    any::<u128>().prop_map(uuid::Uuid::from_u128)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// An invite verifies before its expiry with the keys that issued it
    /// and gives back exactly the tenant, team and HR id it was issued for.
    #[test]
    fn invites_round_trip(t in uuid_strategy(), team in proptest::option::of(uuid_strategy()),
                          hr in "[ -~]{1,80}", ttl in 1i64..10_000_000, root in any::<u8>()) {
        prop_assume!(!hr.trim().is_empty());
        let tenant = TenantId::from_uuid(t);
        let team = team.map(TeamId::from_uuid);
        let k = keys(tenant, root);
        let token = invite(&k, team, &hr, ttl);
        prop_assert_eq!(peek_token(&token).unwrap(), (TokenKind::Invite, tenant));
        let v = k.verify_invite(&token, NOW + ttl - 1).unwrap();
        prop_assert_eq!(v.tenant, tenant);
        prop_assert_eq!(v.team, team);
        prop_assert_eq!(v.hr_id.expose(), hr.as_str());
    }

    /// Changing any one character of an invite or a manager token (to any
    /// other character of the token alphabet) makes it refused.
    #[test]
    fn altered_tokens_are_refused(pos in any::<prop::sample::Index>(), with in 0usize..B64URL.len(),
                                  is_manager in any::<bool>()) {
        let k = keys(TenantId::from_uuid(uuid::Uuid::from_u128(7)), 1);
        let token = if is_manager { manager(&k, None, 3600) } else { invite(&k, None, "emp-1", 3600) };
        let mut bytes = token.clone().into_bytes();
        let i = pos.index(bytes.len());
        prop_assume!(bytes[i] != B64URL[with]);
        bytes[i] = B64URL[with];
        let altered = String::from_utf8(bytes).unwrap();
        if is_manager {
            prop_assert!(k.verify_manager(&altered, NOW).is_err());
        } else {
            prop_assert!(k.verify_invite(&altered, NOW).is_err());
        }
    }

    /// A token is refused at and after its expiry instant.
    #[test]
    fn expired_tokens_are_refused(ttl in 1i64..1_000_000, late in 0i64..1_000_000) {
        let k = keys(TenantId::from_uuid(uuid::Uuid::from_u128(9)), 2);
        let inv = invite(&k, None, "emp-2", ttl);
        let mgr = manager(&k, None, ttl);
        prop_assert_eq!(k.verify_invite(&inv, NOW + ttl + late), Err(CredentialError::Expired));
        prop_assert_eq!(k.verify_manager(&mgr, NOW + ttl + late), Err(CredentialError::Expired));
    }

    /// Keys from any other root (a forger's, or another tenant's) refuse the
    /// token: signatures do not transfer between tenants.
    #[test]
    fn forged_tokens_are_refused(root in any::<u8>(), other_root in any::<u8>(), other_tenant in uuid_strategy()) {
        let tenant = TenantId::from_uuid(uuid::Uuid::from_u128(11));
        let k = keys(tenant, root);
        let inv = invite(&k, None, "emp-3", 3600);
        let mgr = manager(&k, None, 3600);
        if other_root != root {
            let forger = keys(tenant, other_root);
            prop_assert_eq!(forger.verify_invite(&inv, NOW), Err(CredentialError::BadSignature));
            prop_assert_eq!(forger.verify_manager(&mgr, NOW), Err(CredentialError::BadSignature));
        }
        let elsewhere = keys(TenantId::from_uuid(other_tenant), root);
        if TenantId::from_uuid(other_tenant) != tenant {
            prop_assert!(elsewhere.verify_invite(&inv, NOW).is_err());
            prop_assert!(elsewhere.verify_manager(&mgr, NOW).is_err());
        }
    }

    /// Arbitrary strings never verify and never panic.
    #[test]
    fn garbage_is_refused(s in ".{0,300}") {
        let k = keys(TenantId::from_uuid(uuid::Uuid::from_u128(13)), 3);
        prop_assert!(k.verify_invite(&s, NOW).is_err());
        prop_assert!(k.verify_manager(&s, NOW).is_err());
        let _ = peek_token(&s);
    }
}

#[test]
fn one_kind_is_never_accepted_as_the_other() {
    let k = keys(TenantId::random(), 4);
    let inv = invite(&k, None, "emp-4", 3600);
    let mgr = manager(&k, None, 3600);
    assert_eq!(k.verify_manager(&inv, NOW), Err(CredentialError::WrongKind));
    assert_eq!(k.verify_invite(&mgr, NOW), Err(CredentialError::WrongKind));
    // Relabelling the kind breaks the signature.
    let relabelled = mgr.replacen(".mgr.", ".inv.", 1);
    assert_eq!(
        k.verify_invite(&relabelled, NOW),
        Err(CredentialError::BadSignature)
    );
}

#[test]
fn manager_tokens_carry_scope_and_id() {
    let tenant = TenantId::random();
    let team = TeamId::random();
    let k = keys(tenant, 5);
    let issued = k
        .issue_manager(
            &NewManagerToken {
                tenant,
                team: Some(team),
                expires_at: NOW + 60,
            },
            NOW,
        )
        .unwrap();
    let grant = k.verify_manager(issued.token.expose(), NOW).unwrap();
    assert_eq!(grant.tenant, tenant);
    assert_eq!(grant.team, Some(team));
    assert_eq!(grant.id, issued.id);
    assert_eq!(grant.expires_at, NOW + 60);
}

#[test]
fn issuing_refuses_bad_requests() {
    let tenant = TenantId::random();
    let k = keys(tenant, 6);
    let past = NewManagerToken {
        tenant,
        team: None,
        expires_at: NOW,
    };
    assert!(matches!(
        k.issue_manager(&past, NOW),
        Err(CredentialError::InvalidRequest(_))
    ));
    let foreign = NewManagerToken {
        tenant: TenantId::random(),
        team: None,
        expires_at: NOW + 1,
    };
    assert!(matches!(
        k.issue_manager(&foreign, NOW),
        Err(CredentialError::InvalidRequest(_))
    ));
    let empty = NewInvite {
        tenant,
        team: None,
        hr_id: HrIdSecret::new("  "),
        expires_at: NOW + 1,
    };
    assert!(matches!(
        k.issue_invite(&empty, NOW),
        Err(CredentialError::InvalidRequest(_))
    ));
}

/// Guarantee 23: `Debug` of tokens, HR ids, keys and verified invites
/// prints no secret.
#[test]
fn g23_debug_prints_no_token_hr_id_or_key() {
    let tenant = TenantId::random();
    let k = keys(tenant, 8);
    let issued = k
        .issue_invite(
            &NewInvite {
                tenant,
                team: None,
                hr_id: HrIdSecret::new("CANARY-HR-77"),
                expires_at: NOW + 60,
            },
            NOW,
        )
        .unwrap();
    let token = issued.token.expose().to_owned();
    let verified = k.verify_invite(&token, NOW).unwrap();
    let printed = format!("{issued:?} {verified:?} {k:?}");
    assert!(!printed.contains(&token));
    assert!(!printed.contains("CANARY"));
    let sig = token.rsplit('.').next().unwrap();
    assert!(!printed.contains(sig));
    for e in [
        k.verify_invite(&format!("{token}x"), NOW).unwrap_err(),
        k.verify_invite(&token, NOW + 61).unwrap_err(),
    ] {
        assert!(!e.to_string().contains(&token));
    }
}
