//! Encryption at rest through the store (guarantees 11, 13, 15, 16, 17):
//! keys stored only wrapped, one usage count shared by every instance,
//! rotation with resumable re-wrapping and retirement, and crypto-shredding
//! that also defeats backups taken before it.

use kataloop_crypto::{
    CryptoError, KeyEncryptionKey, KeyPurpose, MasterKey, SecretBytes, TenantKeyring,
};
use kataloop_pseudonymity::{CanonicalHrId, HrIdHasher};
use kataloop_service::keys::{
    conversation_context, create_tenant_keys, erase_tenant, load_keyring, replace_kek,
    retire_data_keys, rewrap_rides, rotate_data_key, seal_counted,
};
use std::sync::Arc;

use kataloop_analysis::Turn;
use kataloop_pseudonymity::HashingPool;
use kataloop_service::aggregation::{release_tenant, ReleaseRequest, RideTexts};
use kataloop_service::submission::Pipeline;
use kataloop_service::{CatalogNarrator, ServiceError};
use kataloop_store::{participants, rides, tenant_keys, Store};
use kataloop_tenancy::{RideId, TenantId};
use kataloop_testkit::TestDatabase;

mod common;

/// Stores one sealed ride for `tenant` (the conversation is `text`).
async fn store_ride(
    store: &Store,
    keyring: &TenantKeyring,
    tenant: TenantId,
    text: &str,
    limit: u64,
) -> Result<RideId, ServiceError> {
    let ride = RideId::random();
    let text = text.to_owned();
    // The keyring is not 'static: seal outside, count inside, in order.
    let sealed = keyring.seal(text.as_bytes(), &conversation_context(tenant, ride))?;
    let version = keyring.current_version() as i32;
    store
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                if !tenant_keys::reserve_seal(tx, version, limit as i64).await? {
                    return Err(ServiceError::Crypto(CryptoError::KeyExhausted {
                        version: version as u32,
                    }));
                }
                let p = participants::find_or_create(tx, &format!("hash-{ride}"), None).await?;
                rides::insert(
                    tx,
                    &rides::NewRide {
                        id: ride,
                        conversation_ciphertext: sealed,
                        key_version: version,
                        ..common::ride(p)
                    },
                )
                .await?;
                Ok::<_, ServiceError>(ride)
            })
        })
        .await
}

async fn open_ride(
    store: &Store,
    keyring: &TenantKeyring,
    tenant: TenantId,
    ride: RideId,
) -> Result<String, ServiceError> {
    let row = store
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { rides::get(tx, ride).await }))
        .await?;
    let plain = keyring.open(
        &row.conversation_ciphertext,
        &conversation_context(tenant, ride),
    )?;
    Ok(String::from_utf8(plain).unwrap())
}

async fn tenant_with_keys(db: &TestDatabase, domain: &str, kek: &MasterKey) -> TenantId {
    let tenant = common::create_tenant(db, domain).await;
    create_tenant_keys(&db.owner_store(), tenant, kek)
        .await
        .unwrap();
    tenant
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_13_rides_round_trip_through_the_store_and_bind_to_their_row() {
    let db = TestDatabase::new().await;
    let kek = MasterKey::generate().unwrap();
    let tenant = tenant_with_keys(&db, "seal.example", &kek).await;
    let app = db.app_store();
    let keyring = load_keyring(&app, tenant, &kek).await.unwrap();
    let ride = store_ride(&app, &keyring, tenant, "the build is slow", 100)
        .await
        .unwrap();
    assert_eq!(
        open_ride(&app, &keyring, tenant, ride).await.unwrap(),
        "the build is slow"
    );

    // The same ciphertext moved to another row does not open there.
    let other = store_ride(&app, &keyring, tenant, "something else", 100)
        .await
        .unwrap();
    let row = app
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { rides::get(tx, ride).await }))
        .await
        .unwrap();
    let err = keyring
        .open(
            &row.conversation_ciphertext,
            &conversation_context(tenant, other),
        )
        .unwrap_err();
    assert!(matches!(err, CryptoError::OpenFailed), "{err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_15_the_usage_limit_is_shared_by_every_instance() {
    let db = TestDatabase::new().await;
    let kek = MasterKey::generate().unwrap();
    let tenant = tenant_with_keys(&db, "limit.example", &kek).await;
    let app = db.app_store();
    // Two server instances, each with its own keyring in memory.
    let first = load_keyring(&app, tenant, &kek).await.unwrap();
    let second = load_keyring(&app, tenant, &kek).await.unwrap();
    store_ride(&app, &first, tenant, "a", 3).await.unwrap();
    store_ride(&app, &second, tenant, "b", 3).await.unwrap();
    store_ride(&app, &first, tenant, "c", 3).await.unwrap();
    let err = store_ride(&app, &second, tenant, "d", 3).await.unwrap_err();
    assert!(
        matches!(
            err,
            ServiceError::Crypto(CryptoError::KeyExhausted { version: 1 })
        ),
        "{err:?}"
    );

    // seal_counted refuses the same way inside a caller's transaction.
    let keyring = load_keyring(&app, tenant, &kek).await.unwrap();
    let ctx = conversation_context(tenant, RideId::random());
    let refused = app
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { seal_counted(tx, &keyring, b"x", &ctx, 3).await }))
        .await;
    assert!(matches!(
        refused,
        Err(ServiceError::Crypto(CryptoError::KeyExhausted { .. }))
    ));

    // A restarted instance sees the count too.
    let restarted = load_keyring(&app, tenant, &kek).await.unwrap();
    assert_eq!(restarted.seals_done_for(1), Some(3));

    // Rotation gives a fresh key.
    rotate_data_key(&db.owner_store(), tenant, &kek)
        .await
        .unwrap();
    let rotated = load_keyring(&app, tenant, &kek).await.unwrap();
    assert_eq!(rotated.current_version(), 2);
    store_ride(&app, &rotated, tenant, "e", 3).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_16_rotation_resumable_rewrap_and_retirement() {
    let db = TestDatabase::new().await;
    let kek = MasterKey::generate().unwrap();
    let tenant = tenant_with_keys(&db, "rotate.example", &kek).await;
    let app = db.app_store();
    let owner = db.owner_store();
    let v1 = load_keyring(&app, tenant, &kek).await.unwrap();
    let mut old = Vec::new();
    for i in 0..7 {
        old.push((
            store_ride(&app, &v1, tenant, &format!("ride {i}"), 1000)
                .await
                .unwrap(),
            format!("ride {i}"),
        ));
    }
    assert_eq!(rotate_data_key(&owner, tenant, &kek).await.unwrap(), 2);
    let v2 = load_keyring(&app, tenant, &kek).await.unwrap();
    let new = store_ride(&app, &v2, tenant, "after rotation", 1000)
        .await
        .unwrap();
    let stored = app
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { rides::get(tx, new).await }))
        .await
        .unwrap();
    assert_eq!(stored.key_version, 2, "new rides use the new key");
    for (ride, text) in &old {
        assert_eq!(
            &open_ride(&app, &v2, tenant, *ride).await.unwrap(),
            text,
            "old rides still open"
        );
    }

    // Old versions cannot be retired while rides use them.
    let refused = retire_data_keys(&owner, tenant, 2).await.unwrap_err();
    assert!(
        matches!(refused, ServiceError::RidesUnderOldKeys { count: 7 }),
        "{refused:?}"
    );

    // An interrupted re-wrap (one batch of 3), then a resumed one.
    let mut seen = Vec::new();
    let first = rewrap_rides(&app, tenant, &kek, 3, Some(1), &mut |p| seen.push(p))
        .await
        .unwrap();
    assert_eq!((first.rewrapped, first.remaining), (3, 4));
    let rest = rewrap_rides(&app, tenant, &kek, 3, None, &mut |p| seen.push(p))
        .await
        .unwrap();
    assert_eq!((rest.rewrapped, rest.remaining), (4, 0));
    assert!(seen.len() >= 3, "progress reported per batch");

    assert_eq!(retire_data_keys(&owner, tenant, 2).await.unwrap(), 1);
    let retired = load_keyring(&app, tenant, &kek).await.unwrap();
    assert_eq!(retired.versions(), vec![2]);
    for (ride, text) in &old {
        assert_eq!(
            &open_ride(&app, &retired, tenant, *ride).await.unwrap(),
            text
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn guarantee_17_shredding_defeats_the_live_database_and_earlier_backups() {
    let db = TestDatabase::new().await;
    let kek1 = MasterKey::generate().unwrap();
    let a = tenant_with_keys(&db, "shred-a.example", &kek1).await;
    let b = tenant_with_keys(&db, "shred-b.example", &kek1).await;
    let app = db.app_store();
    let ka = load_keyring(&app, a, &kek1).await.unwrap();
    let kb = load_keyring(&app, b, &kek1).await.unwrap();
    let ride_a = store_ride(&app, &ka, a, "tenant a secret", 100)
        .await
        .unwrap();
    let ride_b = store_ride(&app, &kb, b, "tenant b feedback", 100)
        .await
        .unwrap();
    drop((ka, kb));

    // A backup of tenant A's rows, taken before shredding.
    let superuser = TestDatabase::raw_client(&db.superuser_url()).await;
    let backup_keys = superuser
        .query(
            "SELECT purpose, version, wrapped FROM tenant_keys WHERE tenant_id = $1",
            &[a.as_uuid()],
        )
        .await
        .unwrap();
    let backup_ride: Vec<u8> = superuser
        .query_one(
            "SELECT conversation_ciphertext FROM rides WHERE id = $1",
            &[ride_a.as_uuid()],
        )
        .await
        .unwrap()
        .get(0);
    assert_eq!(backup_keys.len(), 2);

    // Shred A, then move everyone else to a new key-encryption key and
    // destroy the old one.
    let owner = db.owner_store();
    erase_tenant(&owner, a).await.unwrap();
    let kek2 = MasterKey::generate().unwrap();
    assert_eq!(
        replace_kek(&owner, &kek1, &kek2).await.unwrap(),
        2,
        "B's pepper and data key"
    );
    drop(kek1);

    // Live database: nothing of A is left.
    let left: i64 = superuser
        .query_one("SELECT (SELECT count(*) FROM rides WHERE tenant_id = $1) + (SELECT count(*) FROM tenant_keys WHERE tenant_id = $1)", &[a.as_uuid()])
        .await
        .unwrap()
        .get(0);
    assert_eq!(left, 0);
    assert!(matches!(
        load_keyring(&app, a, &kek2).await,
        Err(ServiceError::NoKeys)
    ));

    // Backup: A's wrapped keys do not unwrap under the key that exists now,
    // so A's backed-up ride cannot be opened.
    for row in &backup_keys {
        let purpose = KeyPurpose::from_label(row.get::<_, &str>(0)).unwrap();
        let version = row.get::<_, i32>(1) as u32;
        let wrapped: Vec<u8> = row.get(2);
        let err = kek2.unwrap(purpose, a, version, &wrapped).unwrap_err();
        assert!(matches!(err, CryptoError::UnwrapFailed), "{err:?}");
    }
    // Not with B's keys either.
    let kb2 = load_keyring(&app, b, &kek2).await.unwrap();
    assert!(kb2
        .open(&backup_ride, &conversation_context(a, ride_a))
        .is_err());
    assert!(kb2
        .open(&backup_ride, &conversation_context(b, ride_a))
        .is_err());

    // B is unaffected.
    assert_eq!(
        open_ride(&app, &kb2, b, ride_b).await.unwrap(),
        "tenant b feedback"
    );
}

fn encodings(bytes: &[u8]) -> Vec<String> {
    use std::fmt::Write;
    let hex = bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    let b64 = base64_encode(bytes);
    vec![
        hex.clone(),
        hex.to_uppercase(),
        b64.clone(),
        b64.trim_end_matches('=').to_owned(),
    ]
}

fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn contains_bytes(haystack: &[u8], needle: &[u8]) -> bool {
    needle.len() <= haystack.len() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every log line of this test process, at every level.
static LOGS: std::sync::Mutex<Vec<u8>> = std::sync::Mutex::new(Vec::new());

struct Capture;

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOGS.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Guarantee 11: with canary key-encryption key, pepper and data key, a full
/// `pg_dump` after real submissions and a release, the captured logs (every
/// level, every crate) and every error message contain none of their bytes
/// (raw, hex or base64), nor the canary HR ids or feedback text.
#[tokio::test(flavor = "multi_thread")]
async fn guarantee_11_no_key_pepper_hr_id_or_text_in_a_full_dump() {
    let _ = tracing::subscriber::set_global_default(
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(|| Capture)
            .finish(),
    );
    tracing::info!("log capture started");
    let db = TestDatabase::new().await;
    let kek_bytes = [0x6b_u8; 32];
    let pepper_bytes: Vec<u8> = (0..32).map(|i| 0xa0 ^ i as u8).collect();
    let dek_bytes: Vec<u8> = (0..32).map(|i| 0x3c ^ (i as u8).wrapping_mul(7)).collect();
    let kek = MasterKey::from_bytes(&kek_bytes).unwrap();
    let tenant = common::create_tenant(&db, "canary.example").await;

    // Keys with canary material, wrapped and stored as usual.
    let rows = vec![
        tenant_keys::StoredKey {
            purpose: "pepper".into(),
            version: 1,
            wrapped: kek
                .wrap(
                    KeyPurpose::Pepper,
                    tenant,
                    1,
                    &SecretBytes::from_slice(&pepper_bytes),
                )
                .unwrap(),
            kek_id: kek.key_id(),
            seals_done: 0,
        },
        tenant_keys::StoredKey {
            purpose: "data-key".into(),
            version: 1,
            wrapped: kek
                .wrap(
                    KeyPurpose::DataKey,
                    tenant,
                    1,
                    &SecretBytes::from_slice(&dek_bytes),
                )
                .unwrap(),
            kek_id: kek.key_id(),
            seals_done: 0,
        },
    ];
    db.owner_store()
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { tenant_keys::insert(tx, &rows).await }))
        .await
        .unwrap();

    let app = db.app_store();
    let keyring = load_keyring(&app, tenant, &kek).await.unwrap();
    assert_eq!(
        keyring.pepper().expose_secret().as_slice(),
        pepper_bytes.as_slice()
    );
    let hasher = HrIdHasher::new_for_tests(keyring.pepper().clone(), 4).unwrap();
    let hr_ids = [
        "CANARY-HR-7731@canary.example",
        "canary.person.0042",
        "CANARY-HR-9001@canary.example",
        "CANARY-HR-9002@canary.example",
    ];
    let text = "CANARYTEXT my manager never answers";
    let mut messages = Vec::new();
    for hr in &hr_ids[..2] {
        let hashed = hasher.hash(&CanonicalHrId::new(hr).unwrap()).unwrap();
        let ride = RideId::random();
        let sealed = keyring
            .seal(text.as_bytes(), &conversation_context(tenant, ride))
            .unwrap();
        let hashed = hashed.into_string();
        app.tenant(tenant)
            .transaction(|tx| {
                Box::pin(async move {
                    tenant_keys::reserve_seal(tx, 1, 1000).await?;
                    let p = participants::find_or_create(tx, &hashed, None).await?;
                    rides::insert(
                        tx,
                        &rides::NewRide {
                            id: ride,
                            conversation_ciphertext: sealed,
                            ..common::ride(p)
                        },
                    )
                    .await
                })
            })
            .await
            .unwrap();
        // Error paths that touch the same material.
        messages.push(format!(
            "{:?}",
            keyring
                .open(b"garbage", &conversation_context(tenant, ride))
                .unwrap_err()
        ));
        messages.push(
            keyring
                .open(b"garbage", &conversation_context(tenant, ride))
                .unwrap_err()
                .to_string(),
        );
    }
    // Real submissions through the whole pipeline, a release, and error
    // paths, with every log line captured.
    let kek = Arc::new(kek);
    let pipeline = Pipeline::with_test_cost(kek.clone(), HashingPool::new(2, 16).unwrap());
    for (i, hr) in [
        "CANARY-HR-9001@canary.example",
        "CANARY-HR-9002@canary.example",
    ]
    .iter()
    .enumerate()
    {
        let conversation = [Turn::employee(format!(
            "CANARYTEXT number {i}: my manager never answers"
        ))];
        pipeline
            .submit(&app, tenant, hr, None, &conversation)
            .await
            .unwrap();
        let refused = pipeline
            .submit(&app, tenant, hr, None, &[Turn::employee("x".repeat(5000))])
            .await
            .unwrap_err();
        messages.push(refused.to_string());
        messages.push(format!("{refused:?}"));
    }
    let request = ReleaseRequest {
        released_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        narrator: Arc::new(CatalogNarrator),
        term_key: Arc::new(pipeline.term_key(&app, tenant).await.unwrap()),
        texts: RideTexts::Sealed(pipeline.keyring(&app, tenant).await.unwrap()),
    };
    release_tenant(&app, tenant, &request).await.unwrap();
    let wrong = MasterKey::generate().unwrap();
    let err = load_keyring(&app, tenant, &wrong).await.unwrap_err();
    messages.push(err.to_string());
    messages.push(format!("{err:?}"));
    messages.push(format!("{keyring:?} {kek:?} {hasher:?}"));

    let bin = kataloop_testkit::find_postgres_bin().unwrap();
    let dump = std::process::Command::new(bin.join("pg_dump"))
        .arg("--dbname")
        .arg(db.superuser_url())
        .output()
        .unwrap();
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    let dump = dump.stdout;
    assert!(dump.len() > 1000 && contains_bytes(&dump, b"COPY public.rides"));

    let mut canaries: Vec<Vec<u8>> = Vec::new();
    for secret in [&kek_bytes[..], &pepper_bytes, &dek_bytes] {
        canaries.push(secret.to_vec());
        canaries.extend(encodings(secret).into_iter().map(String::into_bytes));
    }
    for hr in hr_ids {
        canaries.push(hr.as_bytes().to_vec());
        canaries.push(hr.to_lowercase().into_bytes());
    }
    canaries.push(b"CANARYTEXT".to_vec());
    canaries.extend(encodings(b"CANARYTEXT").into_iter().map(String::into_bytes));
    let logs = LOGS.lock().unwrap().clone();
    assert!(!logs.is_empty(), "the log capture works");
    for canary in &canaries {
        assert!(!contains_bytes(&dump, canary), "pg_dump contains a canary");
        assert!(!contains_bytes(&logs, canary), "the logs contain a canary");
        for m in &messages {
            assert!(
                !contains_bytes(m.as_bytes(), canary),
                "an error message contains a canary: {m}"
            );
        }
    }
}
